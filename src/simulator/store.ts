/**
 * Per-workspace state. One WorkspaceStore per bearer token; nothing is shared between them (REFERENCE §2.1, §30:
 * tokens see different data). Rows keep the wire objects (Workato types) plus simulator-side extras (tags, lazy
 * jobs/versions), so later mutation routes can edit them in place and call `touch()`.
 */
import type { Workato } from '../workato/types.js';
import type { ManagedUserRow } from './embedded.js';
import { LifecycleState } from './lifecycle.js';

export type JobStatus = 'succeeded' | 'failed' | 'pending';

/** A recipe's jobs, index 0 = newest (REFERENCE §11.1: jobs are listed newest first). */
export interface JobSource {
  readonly count: number;
  status(index: number): JobStatus;
  isRepeat(index: number): boolean;
  /** The list-item shape (§8.4: no `status`, no `recipe_id`). */
  item(index: number): Workato.Job;
  /** The GET /jobs/:job_handle shape. */
  detail(index: number): Workato.JobDetail;
  /** Index of a job handle, -1 when not a job of this recipe. */
  indexOf(handle: string): number;
  counters(): { succeeded: number; failed: number; pending: number };
}

/** Explicit, in-memory jobs. Run-time job writes go through jobs-overlay.ts (new jobs in front of any source). */
export class ListJobs implements JobSource {
  constructor(public readonly rows: Array<{ status: JobStatus; detail: Workato.JobDetail; item: Workato.Job }> = []) {}
  get count(): number {
    return this.rows.length;
  }
  status(i: number): JobStatus {
    return this.rows[i].status;
  }
  isRepeat(i: number): boolean {
    return this.rows[i].detail.is_repeat === true;
  }
  item(i: number): Workato.Job {
    return this.rows[i].item;
  }
  detail(i: number): Workato.JobDetail {
    return this.rows[i].detail;
  }
  indexOf(handle: string): number {
    return this.rows.findIndex((r) => r.item.id === handle);
  }
  counters(): { succeeded: number; failed: number; pending: number } {
    const c = { succeeded: 0, failed: 0, pending: 0 };
    for (const r of this.rows) c[r.status]++;
    return c;
  }
}

export interface RecipeRow {
  /** The wire object without `tags` (tags are only sent with `includes[]=tags`, §10.1). */
  recipe: Workato.Recipe;
  tags: string[];
  jobs: JobSource;
  /** Versions, newest first; generated on first use. */
  versions(): Workato.RecipeVersion[];
}

export interface ConnectionRow {
  /** The wire object without `tags` (§12.1: tags only with `includes[]=tags`). */
  connection: Workato.Connection;
  tags: string[];
  /** What the connection keeps of its `input`: the form selectors that pick its extended settings (input-schemas.ts). */
  settings?: Record<string, string>;
}

/**
 * A project build or deployment (§14.4, asynchronous): answers `pending` until it has been read `asyncPolls` times,
 * then `final` (routes/deployments.ts).
 */
export interface AsyncRow<T> {
  wire: T;
  reads: number;
  final: 'success' | 'failed';
}

/** Id sequences: the first families' kinds, plus any family table's name (tables.ts). */
export type IdKind = 'recipe' | 'connection' | 'folder' | 'project' | 'version' | 'managed_user' | 'member' | 'lookup_table' | 'build' | 'deployment' | (string & {});

/** A family's table of rows in one workspace (tables.ts): created, and seeded, on first use. */
export interface TableSpec<Row, Id extends string | number = number> {
  /** Unique per family, e.g. `tags`; also the table's id sequence. */
  readonly name: string;
  idOf(row: Row): Id;
  /** The rows a workspace starts with, called once per workspace on first use (deterministic: from `store.index`). */
  seed?(store: WorkspaceStore): Row[];
  /** The first id `allocateId(name)` hands out when the seed leaves none higher (default: above the seed's). */
  firstId?: number;
}

export class WorkspaceStore {
  readonly recipes = new Map<number, RecipeRow>();
  readonly connections = new Map<number, ConnectionRow>();
  /** All folders including the Home (root) folder, which is never listed (§13.1). */
  readonly folders = new Map<number, Workato.Folder>();
  readonly projects = new Map<number, Workato.Project>();
  tags: string[] = [];
  /** Collaborators (§8.10); in a customer workspace, its members (§17.2). */
  readonly members = new Map<number, Workato.Member>();
  /** Lookup tables (§18), `schema` kept as the JSON string Workato sends. */
  readonly lookupTables = new Map<number, Workato.LookupTable>();
  /** Embedded customers by id when this is an Embed admin (partner) workspace (§17, see embedded.ts); else null. */
  managedUsers: Map<number, ManagedUserRow> | null = null;
  /** Export manifests and packages (§15; lifecycle.ts). */
  readonly lifecycle = new LifecycleState();
  /** Project builds and deployments by id (§14.4; routes/deployments.ts). */
  readonly builds = new Map<number, AsyncRow<Workato.ProjectBuild>>();
  readonly deployments = new Map<number, AsyncRow<Workato.Deployment>>();
  /** False: no Environments add-on, builds and deployments answer 400 `Environments not provisioned` (§14.4). */
  environments = true;
  /** Reads after which a build or deployment reaches its final state (simulator option `asyncPolls`). */
  asyncPolls = 2;
  private readonly nextIds = new Map<IdKind, number>();
  /** The tables of families added after the first six (tables.ts), by TableSpec name. */
  private readonly tables = new Map<string, Map<string | number, unknown>>();
  private cache: {
    recipes?: RecipeRow[];
    connections?: ConnectionRow[];
    children?: Map<number, Workato.Folder[]>;
    projects?: Workato.Project[];
  } = {};

  constructor(
    readonly token: string,
    /** Position in the simulator's workspace list (0 = the Northwind workspace). */
    readonly index: number,
    /** The users/me object; `recipes_count`/`active_recipes_count` are recomputed on read. */
    public workspace: Workato.Workspace,
    readonly rootFolderId: number,
  ) {}

  /** Call after any mutation so sorted views are rebuilt. */
  touch(): void {
    this.cache = {};
  }

  setNextId(kind: IdKind, id: number): void {
    this.nextIds.set(kind, id);
  }

  /** Allocates a fresh id (for create endpoints added later). */
  allocateId(kind: IdKind): number {
    const id = this.nextIds.get(kind) ?? 1;
    this.nextIds.set(kind, id + 1);
    return id;
  }

  /**
   * A fresh id for a new row of `spec`'s table: the table is seeded first, so the id follows its seeded rows
   * (`allocateId(spec.name)` before the first use of the table would start the sequence at 1).
   */
  allocateRowId<Row>(spec: TableSpec<Row, number>): number {
    this.table(spec);
    return this.allocateId(spec.name);
  }

  /**
   * The rows of one family, seeded on first use. Later families keep their state here rather than in a field of
   * their own, so adding one touches only its own files.
   */
  table<Row, Id extends string | number>(spec: TableSpec<Row, Id>): Map<Id, Row> {
    let rows = this.tables.get(spec.name) as Map<Id, Row> | undefined;
    if (!rows) {
      rows = new Map((spec.seed?.(this) ?? []).map((row) => [spec.idOf(row), row]));
      this.tables.set(spec.name, rows as Map<string | number, unknown>);
      if (!this.nextIds.has(spec.name)) {
        const ids = [...rows.keys()].filter((k): k is Id & number => typeof k === 'number');
        this.nextIds.set(spec.name, Math.max(spec.firstId ?? 1, ...ids.map((k) => k + 1)));
      }
    }
    return rows;
  }

  /** GET /api/users/me view with live counts (§8.1). */
  workspaceView(): Workato.Workspace {
    let running = 0;
    for (const r of this.recipes.values()) if (r.recipe.running) running++;
    return { ...this.workspace, recipes_count: this.recipes.size, active_recipes_count: running };
  }

  /** Recipes by descending id (§6, §10.1). */
  recipesByIdDesc(): RecipeRow[] {
    return (this.cache.recipes ??= [...this.recipes.values()].sort((a, b) => b.recipe.id - a.recipe.id));
  }

  /** Connections by ascending id (as recorded in fixtures/connections-list.json). */
  connectionsByIdAsc(): ConnectionRow[] {
    return (this.cache.connections ??= [...this.connections.values()].sort((a, b) => a.connection.id - b.connection.id));
  }

  /** Direct children of a folder, id-descending (as recorded in fixtures/folders-list*.json). */
  childFolders(parentId: number): Workato.Folder[] {
    if (!this.cache.children) {
      const map = new Map<number, Workato.Folder[]>();
      for (const f of this.folders.values()) {
        if (f.parent_id == null) continue;
        const list = map.get(f.parent_id) ?? [];
        list.push(f);
        map.set(f.parent_id, list);
      }
      for (const list of map.values()) list.sort((a, b) => b.id - a.id);
      this.cache.children = map;
    }
    return this.cache.children.get(parentId) ?? [];
  }

  /** Every descendant of a folder, depth-first, children id-descending. */
  descendantFolders(parentId: number): Workato.Folder[] {
    const out: Workato.Folder[] = [];
    const walk = (id: number): void => {
      for (const f of this.childFolders(id)) {
        out.push(f);
        walk(f.id);
      }
    };
    walk(parentId);
    return out;
  }

  /** Projects id-descending (as recorded in fixtures/projects-list.json). */
  projectsByIdDesc(): Workato.Project[] {
    return (this.cache.projects ??= [...this.projects.values()].sort((a, b) => b.id - a.id));
  }
}

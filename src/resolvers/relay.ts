/**
 * Relay building blocks in one place: global ids, opaque versioned cursors, page arguments and the
 * connection objects built from one upstream page (REFERENCE §6: each Workato list pages differently).
 */
import { badUserInput } from '../server/errors.js';
import { scopeOf } from '../loaders/scope.js';

// ------------------------------------------------------------------ global ids

/** Node type names and how many key parts their ids carry (after the optional scope). */
export const NODE_TYPES = [
  'Workspace', 'Recipe', 'RecipeVersion', 'Job', 'Connection', 'Connector', 'Folder', 'Project', 'ProjectBuild', 'Deployment',
  'ExportManifest', 'Package', 'ManagedUser', 'Member', 'LookupTable',
  // Families after the first six: one line each; they load through family-nodes.ts.
  'Tag',
  'LookupTableRow',
  'CollaboratorRole', 'IamUser', 'IamUserGroup',
  'ApiCollection', 'ApiEndpoint', 'ApiPlatformClient', 'ApiKey', 'ApiPortal',
  'AuditLogEntry', 'CustomConnector',
  'Property', 'CustomOAuthProfile',
  'OnPremGroup', 'OnPremAgent',
  'DeveloperApiClient', 'DeveloperApiClientRole',
  'DataTable', 'DataTableRecord',
  'TestCase', 'TestRun',
  'Genie', 'Skill', 'KnowledgeBase', 'KnowledgeBaseDataSource', 'McpServer', 'McpTool', 'McpUserGroup',
  'EventTopic', 'EventMessage',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export interface GlobalId {
  type: NodeType;
  /** The Embedded customer scope (managed user path segment), or undefined for the caller's own workspace. */
  scope: string | undefined;
  keys: string[];
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url').toString('utf8');

/** `base64url("Type:key[:key]")`, or `base64url("Type@scope:key")` for an Embedded customer's object. */
export function toGlobalId(type: NodeType, keys: Array<string | number>, scope?: string): string {
  const head = scope === undefined ? type : `${type}@${scope}`;
  return b64([head, ...keys.map((k) => encodeURIComponent(String(k)))].join(':'));
}

/** Global id of a wire object: carries the scope the object was read from. */
export function globalIdOf(type: NodeType, value: object, ...keys: Array<string | number>): string {
  return toGlobalId(type, keys, scopeOf(value));
}

export function fromGlobalId(id: string): GlobalId | undefined {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(id)) return undefined;
  const [head, ...rest] = unb64(id).split(':');
  if (!head || rest.length === 0) return undefined;
  const at = head.indexOf('@');
  const type = (at === -1 ? head : head.slice(0, at)) as NodeType;
  if (!NODE_TYPES.includes(type)) return undefined;
  const scope = at === -1 ? undefined : head.slice(at + 1);
  // Scopes are the numeric customer ids this API issues; anything else would end up in a request path.
  if (scope !== undefined && !WORKATO_INT_ID.test(scope)) return undefined;
  try {
    return { type, scope, keys: rest.map(decodeURIComponent) };
  } catch {
    return undefined;
  }
}

/**
 * A numeric Workato id: at most 15 digits, so `Number()` keeps it exact (2^53 has 16) — a longer one would be sent
 * as another id, or as `Infinity`.
 */
export const WORKATO_INT_ID = /^\d{1,15}$/;

/** A tag's handle, e.g. `tag-ANgeffPL-3gxQwA` (§7). */
export const TAG_HANDLE = /^tag-[A-Za-z0-9_-]+$/;
/** Data tables, their columns and (as the simulator issues them) records are UUIDs (§7, §25). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A test run's handle, e.g. `cirr-AHNFkza6-dwMArc` (§28). */
export const TEST_RUN_HANDLE = /^cirr-[A-Za-z0-9_-]+$/;
/** Agent Studio and MCP ids are strings (`skl-…`, `mcps-…`, §7); older answers sent integers. Global ids never match. */
export const AGENTIC_ID = /^(?:\d+|[a-z]+-[A-Za-z0-9_-]+)$/;

/** The shape of a bare Workato key of each type that is not numeric: one table, so an id's shape is decided once. */
const KEY_SHAPES: Partial<Record<NodeType, RegExp>> = {
  Tag: TAG_HANDLE,
  DataTable: UUID,
  TestRun: TEST_RUN_HANDLE,
  Genie: AGENTIC_ID,
  Skill: AGENTIC_ID,
  KnowledgeBase: AGENTIC_ID,
  McpServer: AGENTIC_ID,
  McpUserGroup: AGENTIC_ID,
};

/** What a bare Workato key of `type` looks like (numeric unless KEY_SHAPES says otherwise). */
export const keyShapeOf = (type: NodeType): RegExp => KEY_SHAPES[type] ?? WORKATO_INT_ID;

/**
 * Accepts a global id of `type` or a bare Workato id, as swapi's `film(id, filmID)` does; returns the
 * Workato key. Anything else is the caller's mistake: BAD_USER_INPUT, never a 500.
 */
export function workatoKey(type: NodeType, value: string, argument: string): { key: string; scope?: string } {
  const pattern = keyShapeOf(type);
  if (pattern.test(value)) return { key: value };
  const parsed = fromGlobalId(value);
  if (!parsed || parsed.type !== type || parsed.keys.length !== 1 || !pattern.test(parsed.keys[0]!)) {
    const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
    throw badUserInput(`\`${argument}\` must be a ${type} id (as returned in \`id\`) or its Workato id; got "${shown}".`, argument);
  }
  return { key: parsed.keys[0]!, scope: parsed.scope };
}

/** workatoKey for a numeric id: the id as a number, and the customer a global id names (undefined: the token's own). */
export function workatoIntKey(type: NodeType, value: string, argument: string): { id: number; scope: string | undefined } {
  const { key, scope } = workatoKey(type, value, argument);
  return { id: Number(key), scope };
}

export function workatoIntId(type: NodeType, value: string, argument: string): number {
  return workatoIntKey(type, value, argument).id;
}

// ------------------------------------------------------------------ cursors

const CURSOR_VERSION = 'v1';

export type Cursor =
  | { k: 'id'; id: number } // keyset on a numeric id (recipes `since_id`; in-memory id-sorted lists)
  | { k: 'job'; h: string } // jobs `offset_job_id`
  | { k: 'off'; o: number } // absolute offset for page-based lists
  | { k: 'tok'; t: string | null; s: number } // continuation token of a page, and how many of its items were seen
  | { k: 'msg'; m: string }; // event-stream message id (`after_message_id`, §26)

export function encodeCursor(cursor: Cursor): string {
  return b64(`${CURSOR_VERSION}:${JSON.stringify(cursor)}`);
}

export function decodeCursor<K extends Cursor['k']>(value: string | null | undefined, kind: K, argument: 'after' | 'before' = 'after'): Extract<Cursor, { k: K }> | undefined {
  if (value === null || value === undefined) return undefined;
  let parsed: unknown;
  try {
    const text = unb64(value);
    if (!text.startsWith(`${CURSOR_VERSION}:`)) throw new Error('version');
    parsed = JSON.parse(text.slice(CURSOR_VERSION.length + 1));
  } catch {
    parsed = undefined;
  }
  if (!parsed || typeof parsed !== 'object' || (parsed as Cursor).k !== kind) {
    const which = argument === 'after' ? 'an `endCursor`' : 'a `startCursor`';
    throw badUserInput(`\`${argument}\` is not a cursor of this list. Pass ${which} from a previous page of the same field.`, argument);
  }
  return parsed as Extract<Cursor, { k: K }>;
}

// ------------------------------------------------------------------ pages

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Page<T> {
  edges: Edge<T>[];
  /** The `nodes` shortcut (GitHub's `IssueConnection.nodes`): the same objects as `edges[].node`. */
  nodes: T[];
  pageInfo: PageInfo;
}

/** Largest page a client may ask for: Workato's own `per_page` cap (REFERENCE §6). */
export const MAX_FIRST = 100;

/** `max`: a list whose Workato `per_page` goes higher (lookup-table rows: 1,000, REFERENCE §18). */
export function pageSize(first: number | null | undefined, fallback = 25, max = MAX_FIRST, argument: 'first' | 'last' = 'first'): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw badUserInput(`\`${argument}\` must be between 1 and ${max}; got ${n}.`, argument);
  }
  return n;
}

/**
 * An edge whose cursor is encoded when read: most documents select `nodes`, or `edges { node }` and the page's
 * `endCursor`, so encoding every edge's cursor up front was work no answer used (a JSON text and a base64 string
 * per item). A class, so every edge shares one hidden class and the getter lives on the prototype.
 */
class PageEdge<T> implements Edge<T> {
  constructor(
    readonly node: T,
    private readonly index: number,
    private readonly cursorOf: (node: T, index: number) => Cursor,
  ) {}

  get cursor(): string {
    return encodeCursor(this.cursorOf(this.node, this.index));
  }
}

export function makePage<T>(nodes: T[], cursorOf: (node: T, index: number) => Cursor, hasNextPage: boolean, hasPreviousPage: boolean): Page<T> {
  const last = nodes.length - 1;
  return {
    edges: nodes.map((node, i) => new PageEdge(node, i, cursorOf)),
    nodes,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: last < 0 ? null : encodeCursor(cursorOf(nodes[0]!, 0)),
      endCursor: last < 0 ? null : encodeCursor(cursorOf(nodes[last]!, last)),
    },
  };
}

/**
 * A page over a list already held in full (connections; folder children; projects), ordered by id whatever order
 * Workato sent: the cursor is an id, so the next page starts after it even when items came or went in between.
 */
export function pageOfList<T extends { id: number }>(all: readonly T[], first: number, after: string | null | undefined): Page<T> {
  const cursor = decodeCursor(after, 'id');
  const sorted = [...all].sort((a, b) => a.id - b.id);
  const start = cursor ? sorted.findIndex((item) => item.id > cursor.id) : 0;
  const from = start === -1 ? sorted.length : start;
  const slice = sorted.slice(from, from + first);
  return makePage(slice, (n) => ({ k: 'id', id: n.id }), from + first < sorted.length, from > 0);
}

/**
 * Reads `count` items starting at `offset` from a page/per_page list with as few calls as possible, plus one
 * look-ahead item when it fits, so `hasNextPage` is exact. Returns the items and whether more may follow.
 */
export async function readWindow<T>(
  offset: number,
  count: number,
  fetchPage: (page: number, perPage: number) => Promise<T[]>,
  maxPerPage = MAX_FIRST,
): Promise<{ items: T[]; more: boolean }> {
  // One call suffices when some per_page ≤ the list's cap puts [offset, offset+count] inside a single page.
  for (let perPage = count + 1; perPage <= maxPerPage; perPage++) {
    const page = Math.floor(offset / perPage) + 1;
    if (offset + count + 1 <= page * perPage) {
      const items = await fetchPage(page, perPage);
      const window = items.slice(offset - (page - 1) * perPage);
      return { items: window.slice(0, count), more: window.length > count };
    }
  }
  // Otherwise walk pages of the cap; with no room for a look-ahead, a full page means "maybe more" (§6 short-page rule).
  const items: T[] = [];
  let page = Math.floor(offset / maxPerPage) + 1;
  let skip = offset - (page - 1) * maxPerPage;
  for (;;) {
    const batch = await fetchPage(page, maxPerPage);
    items.push(...batch.slice(skip));
    skip = 0;
    if (batch.length < maxPerPage) return { items: items.slice(0, count), more: items.length > count };
    if (items.length > count) return { items: items.slice(0, count), more: true };
    if (items.length === count) return { items, more: true };
    page++;
  }
}

/** A page over a page/per_page list, with absolute offsets as cursors. */
export async function pageOfPagedList<T>(
  first: number,
  after: string | null | undefined,
  fetchPage: (page: number, perPage: number) => Promise<T[]>,
  maxPerPage = MAX_FIRST,
): Promise<Page<T>> {
  const offset = after ? decodeCursor(after, 'off')!.o + 1 : 0;
  const { items, more } = await readWindow(offset, first, fetchPage, maxPerPage);
  return makePage(items, (_n, i) => ({ k: 'off', o: offset + i }), more, offset > 0);
}

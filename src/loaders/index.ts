/**
 * Per-request, per-caller loaders. Created in the GraphQL context from a client bound to the caller's token,
 * so nothing cached here ever serves another request or another token (graphql/dataloader README,
 * "Creating a new DataLoader per request"). Folder levels, connection lists and connector metadata may come from the
 * process's reference cache (reference-cache.ts), which keeps them per caller and scope across requests.
 */
import type { WorkatoApi } from '../workato/http.js';
import { createCollaboratorLoaders } from './collaborators.js';
import { createApiPlatformLoaders } from './api-platform.js';
import { createAgentStudioLoaders } from './agent-studio.js';
import { createMcpServerLoaders } from './mcp-servers.js';
import { createAuditLogLoaders } from './audit-log.js';
import { createConnectionExtraLoaders } from './connection-extras.js';
import { createConnectionLoaders } from './connections.js';
import { createConnectorLoaders } from './connectors.js';
import { createCustomConnectorLoaders } from './custom-connectors.js';
import { createCustomOAuthProfileLoaders } from './custom-oauth-profiles.js';
import { createDeploymentLoaders } from './deployments.js';
import { createDeveloperApiClientLoaders } from './developer-api-clients.js';
import { createDataTableLoaders } from './data-tables.js';
import { createFolderLoaders } from './folders.js';
import { createInputSchemaLoaders } from './input-schemas.js';
import { createJobLoaders } from './jobs.js';
import { createLookupTableLoaders, createLookupTableRowLoaders } from './lookup-tables.js';
import { createManagedUserLoaders, createMemberLoaders, type ManagedUserLoaders } from './managed-users.js';
import { createOnPremLoaders } from './on-prem.js';
import { createEventStreamLoaders } from './event-streams.js';
import { createPackageLoaders } from './packages.js';
import { BATCHED, READS_EVERYTHING, type LoaderMode, type ReadHints } from './options.js';
import { createProjectLoaders } from './projects.js';
import { directReads, type ReferenceCache, type ReferenceReads } from './reference-cache.js';
import { createPropertyLoaders } from './properties.js';
import { createRecipeLoaders } from './recipes.js';
import { createTagLoaders } from './tags.js';
import { createTestAutomationLoaders } from './test-automation.js';
import { createWorkspaceLoaders } from './workspace.js';

/**
 * The families added after the first six, one line each (`loaders/<family>.ts`, built from the scope's API, scope
 * and reference-cache reads). Each is built on first use, as `loaders.scope(s).<family>`: a request that reads no tag builds no tag
 * loader, so adding families costs the requests that do not use them nothing.
 */
const FAMILY_LOADERS = {
  tags: createTagLoaders,
  lookupTableRows: createLookupTableRowLoaders,
  collaborators: createCollaboratorLoaders,
  apiPlatform: createApiPlatformLoaders,
  auditLog: createAuditLogLoaders,
  customConnectors: createCustomConnectorLoaders,
  properties: createPropertyLoaders,
  customOAuthProfiles: createCustomOAuthProfileLoaders,
  onPrem: createOnPremLoaders,
  connectionExtras: createConnectionExtraLoaders,
  developerApiClients: createDeveloperApiClientLoaders,
  dataTables: createDataTableLoaders,
  testAutomation: createTestAutomationLoaders,
  agentStudio: createAgentStudioLoaders, mcpServers: createMcpServerLoaders,
  eventStreams: createEventStreamLoaders,
  inputSchemas: createInputSchemaLoaders,
} satisfies Record<string, (api: WorkatoApi, scope: string | undefined, reference: ReferenceReads) => object>;

export type FamilyLoaders = { readonly [K in keyof typeof FAMILY_LOADERS]: ReturnType<(typeof FAMILY_LOADERS)[K]> };

/** What one family reads of another, through the scope's getters (so it builds that family only when called). */
type CrossFamilyReads = Pick<ReturnType<typeof createWorkspaceLoaders>, 'me'> & Pick<ReturnType<typeof createProjectLoaders>, 'projectsStarted'>;

/** What one scope's families are built from: one per scope and request, shared by its families. */
class ScopeParts {
  private referenceReads: ReferenceReads | undefined;
  constructor(
    readonly api: WorkatoApi,
    readonly scope: string | undefined,
    readonly mode: LoaderMode,
    readonly reads: ReadHints,
    private readonly cache: ReferenceCache | undefined,
    /** The scope's loaders, for the families that read another (folders the workspace, deployments the projects). */
    readonly loaders: CrossFamilyReads,
  ) {}

  get reference(): ReferenceReads {
    return (this.referenceReads ??= referenceReads(this.api, this.scope, this.mode, this.cache));
  }
}

/**
 * A core family: how to build it, and the names of its loaders (checked against what it builds: a name left out or
 * misspelt does not compile). Listed rather than found by building each family once on a stand-in client at start-up:
 * a `Proxy` stand-in made every later request's loaders slower (callgrind: +10 % instructions on 25 recipes, spent in
 * V8's map migrations; presumably V8 kept what the stand-in's values were like, bench/README "Loaders built for nothing").
 */
interface CoreFamily<T extends object> {
  make(parts: ScopeParts): T;
  names: readonly (keyof T & string)[];
}
function coreFamily<T extends object, const N extends readonly (keyof T & string)[]>(
  make: (parts: ScopeParts) => T,
  names: N & ([Exclude<keyof T, N[number]>] extends [never] ? unknown : { missing: Exclude<keyof T, N[number]> }),
): CoreFamily<T> {
  return { make, names };
}

/**
 * The first families, whose loaders resolvers read flat (`loaders.scope(s).recipeById`). Each is built on first use
 * of any of its loaders, like FAMILY_LOADERS: the current-user query builds the workspace's alone, not the forty-odd
 * DataLoaders of every family (about 20 µs and 17 kB per request, bench/README "Loaders built for nothing").
 */
const CORE_FAMILIES = {
  workspace: coreFamily((p: ScopeParts) => createWorkspaceLoaders(p.api, p.scope, p.mode), ['me']),
  recipes: coreFamily(
    (p: ScopeParts) => createRecipeLoaders(p.api, p.scope, p.mode, p.reads),
    ['recipeById', 'recipeDetailById', 'recipeList', 'recipeVersionByKey', 'recipeVersionList', 'forgetRecipe'],
  ),
  jobs: coreFamily((p: ScopeParts) => createJobLoaders(p.api, p.scope, p.mode), ['jobList', 'jobByKey', 'forgetJobs']),
  connections: coreFamily(
    (p: ScopeParts) => createConnectionLoaders(p.api, p.scope, p.mode, p.reads, p.reference),
    ['connectionList', 'connectionById', 'forgetConnections'],
  ),
  folders: coreFamily(
    (p: ScopeParts) =>
      createFolderLoaders(
        p.api,
        p.scope,
        p.scope !== undefined
          ? undefined // an Embedded customer has no /users/me (§17): folders.ts finds Home without it
          : async () => {
              const me = await p.loaders.me();
              if (me.root_folder_id == null) throw new Error('Workato did not report root_folder_id for this workspace');
              return me.root_folder_id;
            },
        p.mode,
        p.reference,
      ),
    ['folderById', 'foldersByParentId', 'forgetFolders'],
  ),
  projects: coreFamily(
    (p: ScopeParts) => createProjectLoaders(p.api, p.scope, p.mode),
    ['projects', 'projectsStarted', 'projectById', 'projectByFolderId', 'forgetProjects'],
  ),
  deployments: coreFamily(
    (p: ScopeParts) => createDeploymentLoaders(p.api, p.scope, p.mode, () => p.loaders.projectsStarted()),
    ['projectBuildById', 'deploymentById', 'deploymentList', 'deploymentsByProject', 'forgetDeployments'],
  ),
  members: coreFamily((p: ScopeParts) => createMemberLoaders(p.api, p.scope), ['members', 'memberById', 'forgetMembers', 'membersStarted']),
  lookupTables: coreFamily((p: ScopeParts) => createLookupTableLoaders(p.api, p.scope), ['lookupTablePage', 'lookupTableById', 'forgetLookupTables']),
  packages: coreFamily(
    (p: ScopeParts) => createPackageLoaders(p.api, p.scope, p.reference),
    ['exportManifestById', 'packageById', 'folderAssets', 'forgetExportManifest', 'rememberPackage'],
  ),
};

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type CoreLoaders = UnionToIntersection<{ [K in keyof typeof CORE_FAMILIES]: ReturnType<(typeof CORE_FAMILIES)[K]['make']> }[keyof typeof CORE_FAMILIES]>;

const PARTS = Symbol('scope parts');
const MADE = Symbol('families made');

/**
 * A class with its getters on the prototype, not an object literal with getters (see RequestLoaders): one hidden
 * class for every request's scopes.
 */
class ScopeLoaders {
  readonly [PARTS]: ScopeParts;
  readonly [MADE]: Record<string, object> = {};
  constructor(api: WorkatoApi, scope: string | undefined, mode: LoaderMode, reads: ReadHints, cache: ReferenceCache | undefined) {
    this[PARTS] = new ScopeParts(api, scope, mode, reads, cache, this as unknown as CrossFamilyReads);
  }

  /** The scope's REST client (the caller's token; a customer workspace's path prefix). */
  get api(): WorkatoApi {
    return this[PARTS].api;
  }

  /**
   * After a write through the gateway that can change this scope's folders, connections or connectors: drops the
   * caller's reference-cache entries of the scope. Await it before the write's answer (and any read-back).
   */
  get dropReferenceData(): ReferenceReads['drop'] {
    return this[PARTS].reference.drop;
  }
}

/** The host's family `name`, built by `make` on first use. */
const builtFamily = (host: ScopeLoaders, name: string, make: (parts: ScopeParts) => object): Record<string, unknown> =>
  (host[MADE][name] ??= make(host[PARTS])) as Record<string, unknown>;

/** A getter per core loader (its family's, built on first use) and one per later family (`loaders.scope(s).tags`). */
function installFamilyGetters(): void {
  const getters: PropertyDescriptorMap = {};
  const define = (name: string, get: (this: ScopeLoaders) => unknown): void => {
    if (name in getters || name in ScopeLoaders.prototype) throw new Error(`two loader families, or a family and the scope, both name ${name}`);
    getters[name] = { get };
  };
  for (const [name, family] of Object.entries(CORE_FAMILIES as Record<string, { make(parts: ScopeParts): object; names: readonly string[] }>)) {
    for (const key of family.names) define(key, function () { return builtFamily(this, name, family.make)[key]; });
  }
  for (const [name, make] of Object.entries(FAMILY_LOADERS as Record<string, (api: WorkatoApi, scope: string | undefined, reference: ReferenceReads) => object>)) {
    const build = (p: ScopeParts) => make(p.api, p.scope, p.reference);
    define(name, function () { return builtFamily(this, name, build); });
  }
  Object.defineProperties(ScopeLoaders.prototype, getters);
}
installFamilyGetters();

function createScopedLoaders(api: WorkatoApi, scope: string | undefined, mode: LoaderMode, reads: ReadHints, cache: ReferenceCache | undefined) {
  return new ScopeLoaders(api, scope, mode, reads, cache) as ScopeLoaders & CoreLoaders & FamilyLoaders;
}

export type ScopedLoaders = ReturnType<typeof createScopedLoaders>;

/** The families a scope's loaders have built so far, in the order they were first used (tests, diagnostics). */
export const familiesBuilt = (loaders: ScopedLoaders): string[] => Object.keys(loaders[MADE]);

export interface Loaders {
  /** Loaders of the caller's workspace (undefined) or of one Embedded customer workspace (its path segment). */
  scope(scope?: string): ScopedLoaders;
  /** Connector metadata is the same for every workspace of the caller. */
  connectors: ReturnType<typeof createConnectorLoaders>;
  /** Embedded customers of the caller's (partner) workspace (§17.1); their workspaces are `scope(String(id))`. */
  managedUsers: ManagedUserLoaders;
}

/** The benchmark's N+1 reference (unbatched) stands for a client that keeps nothing: no reference cache either. */
function referenceReads(api: WorkatoApi, scope: string | undefined, mode: LoaderMode, cache: ReferenceCache | undefined): ReferenceReads {
  return cache && mode.batch ? cache.readsFor(api, scope) : directReads(api);
}

/**
 * @param mode batched, except in the benchmark's N+1 reference (src/loaders/options.ts).
 * @param cache the gateway's reference cache (one per process, REFERENCE_CACHE); undefined = every read calls Workato.
 */
export function createLoaders(
  api: WorkatoApi,
  mode: LoaderMode = BATCHED,
  reads: ReadHints = () => READS_EVERYTHING,
  cache?: ReferenceCache,
): Loaders {
  return new RequestLoaders(api, mode, reads, cache);
}

/**
 * A class, not an object literal with getters. V8 (Node 20) gives each evaluation of an object literal with getters a
 * hidden class of its own (its getters are new closures every time), and hidden classes live in the old generation:
 * through it the closures, and everything the request loaded, survived every scavenge until a full collection
 * (test/loader-memory.test.ts). A class's getters are on its prototype, one set for every request.
 */
class RequestLoaders implements Loaders {
  // Made on first use: most requests touch one or two domains, and building every domain's loaders up front was a
  // measurable share of a small request's CPU (bench/README, profile).
  private readonly scopes = new Map<string, ScopedLoaders>();
  private own: ScopedLoaders | undefined;
  private connectorLoaders: Loaders['connectors'] | undefined;
  private managedUserLoaders: ManagedUserLoaders | undefined;

  constructor(
    private readonly api: WorkatoApi,
    private readonly mode: LoaderMode,
    private readonly reads: ReadHints,
    private readonly cache: ReferenceCache | undefined,
  ) {}

  scope(scope?: string): ScopedLoaders {
    if (scope === undefined) return (this.own ??= createScopedLoaders(this.api, undefined, this.mode, this.reads, this.cache));
    let loaders = this.scopes.get(scope);
    if (!loaders) this.scopes.set(scope, (loaders = createScopedLoaders(this.api.forManagedUser(scope), scope, this.mode, this.reads, this.cache)));
    return loaders;
  }

  get connectors(): Loaders['connectors'] {
    return (this.connectorLoaders ??= createConnectorLoaders(this.api, this.mode, referenceReads(this.api, undefined, this.mode, this.cache)));
  }

  get managedUsers(): ManagedUserLoaders {
    return (this.managedUserLoaders ??= createManagedUserLoaders(this.api));
  }
}

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

const MADE = Symbol('family loaders made');
const SCOPE = Symbol('scope');
const REFERENCE = Symbol('reference reads');
interface FamilyHost {
  api: WorkatoApi;
  [SCOPE]: string | undefined;
  [REFERENCE]: ReferenceReads;
  [MADE]: Record<string, object>;
}
/** One prototype with a lazy getter per family, shared by every scope's loaders (no per-request property set-up). */
const FAMILY_PROTOTYPE: object = Object.create(
  null,
  Object.fromEntries(
    Object.entries(FAMILY_LOADERS as Record<string, (api: WorkatoApi, scope: string | undefined, reference: ReferenceReads) => object>).map(([name, make]) => [
      name,
      {
        get(this: FamilyHost) {
          return (this[MADE][name] ??= make(this.api, this[SCOPE], this[REFERENCE]));
        },
      },
    ]),
  ),
);

function createScopedLoaders(api: WorkatoApi, scope: string | undefined, mode: LoaderMode, reads: ReadHints, cache: ReferenceCache | undefined) {
  const workspace = createWorkspaceLoaders(api, scope, mode);
  const projects = createProjectLoaders(api, scope, mode);
  const reference = referenceReads(api, scope, mode, cache);
  const loaders = {
    [SCOPE]: scope,
    [REFERENCE]: reference,
    [MADE]: {} as Record<string, object>,
    api,
    ...workspace,
    ...createRecipeLoaders(api, scope, mode, reads),
    ...createJobLoaders(api, scope, mode),
    ...createConnectionLoaders(api, scope, mode, reads, reference),
    ...createFolderLoaders(
      api,
      scope,
      scope !== undefined
        ? undefined // an Embedded customer has no /users/me (§17): folders.ts finds Home without it
        : async () => {
            const me = await workspace.me();
            if (me.root_folder_id == null) throw new Error('Workato did not report root_folder_id for this workspace');
            return me.root_folder_id;
          },
      mode,
      reference,
    ),
    ...projects,
    ...createDeploymentLoaders(api, scope, mode, projects.projectsStarted),
    ...createMemberLoaders(api, scope),
    ...createLookupTableLoaders(api, scope),
    ...createPackageLoaders(api, scope, reference),
    /**
     * After a write through the gateway that can change this scope's folders, connections or connectors: drops the
     * caller's reference-cache entries of the scope. Await it before the write's answer (and any read-back).
     */
    dropReferenceData: reference.drop,
  };
  return Object.setPrototypeOf(loaders, FAMILY_PROTOTYPE) as typeof loaders & FamilyLoaders;
}

export type ScopedLoaders = ReturnType<typeof createScopedLoaders>;

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

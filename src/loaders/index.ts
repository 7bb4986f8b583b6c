/**
 * Per-request, per-caller loaders. Created in the GraphQL context from a client bound to the caller's token,
 * so nothing cached here ever serves another request or another token (graphql/dataloader README,
 * "Creating a new DataLoader per request").
 */
import type { WorkatoApi } from '../workato/http.js';
import { createConnectionLoaders } from './connections.js';
import { createConnectorLoaders } from './connectors.js';
import { createFolderLoaders } from './folders.js';
import { createJobLoaders } from './jobs.js';
import { createProjectLoaders } from './projects.js';
import { createRecipeLoaders } from './recipes.js';
import { createWorkspaceLoaders } from './workspace.js';

function createScopedLoaders(api: WorkatoApi, scope: string | undefined) {
  const workspace = createWorkspaceLoaders(api, scope);
  return {
    api,
    ...workspace,
    ...createRecipeLoaders(api, scope),
    ...createJobLoaders(api, scope),
    ...createConnectionLoaders(api, scope),
    ...createFolderLoaders(api, scope, async () => {
      const me = await workspace.me();
      if (me.root_folder_id == null) throw new Error('Workato did not report root_folder_id for this workspace');
      return me.root_folder_id;
    }),
    ...createProjectLoaders(api, scope),
  };
}

export type ScopedLoaders = ReturnType<typeof createScopedLoaders>;

export interface Loaders {
  /** Loaders of the caller's workspace (undefined) or of one Embedded customer workspace (its path segment). */
  scope(scope?: string): ScopedLoaders;
  /** Connector metadata is the same for every workspace of the caller. */
  connectors: ReturnType<typeof createConnectorLoaders>;
}

export function createLoaders(api: WorkatoApi): Loaders {
  const scopes = new Map<string, ScopedLoaders>();
  const own = createScopedLoaders(api, undefined);
  return {
    scope(scope?: string) {
      if (scope === undefined) return own;
      let loaders = scopes.get(scope);
      if (!loaders) scopes.set(scope, (loaders = createScopedLoaders(api.forManagedUser(scope), scope)));
      return loaders;
    },
    connectors: createConnectorLoaders(api),
  };
}

import DataLoader from 'dataloader';
import type { WorkatoApi } from '../workato/http.js';
import type { Workato } from '../workato/types.js';
import { getMe } from '../workato/users.js';
import { tag, type Scoped } from './scope.js';

/** GET /users/me once per request (REFERENCE §30). */
export function createWorkspaceLoaders(api: WorkatoApi, scope: string | undefined) {
  let me: Promise<Scoped<Workato.Workspace>> | undefined;
  return {
    me: () => (me ??= getMe(api).then((w) => tag([w], scope)[0]!)),
  };
}

export type WorkspaceLoaders = ReturnType<typeof createWorkspaceLoaders>;
export type { DataLoader };

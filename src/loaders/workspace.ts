import DataLoader from 'dataloader';
import type { WorkatoApi } from '../workato/http.js';
import { getMe } from '../workato/users.js';
import { BATCHED, memo, type LoaderMode } from './options.js';
import { tagOne } from './scope.js';

/** GET /users/me once per request (REFERENCE §30). */
export function createWorkspaceLoaders(api: WorkatoApi, scope: string | undefined, mode: LoaderMode = BATCHED) {
  const me = memo(mode, () => getMe(api).then((w) => tagOne(w, scope)));
  return {
    me: me.get,
  };
}

export type WorkspaceLoaders = ReturnType<typeof createWorkspaceLoaders>;
export type { DataLoader };

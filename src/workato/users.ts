import type { WorkatoApi } from './http.js';
import type { Workato } from './types.js';

/** GET /users/me — the workspace the token belongs to (REFERENCE §9). */
export function getMe(api: WorkatoApi): Promise<Workato.Workspace> {
  return api.get<Workato.Workspace>('/users/me');
}

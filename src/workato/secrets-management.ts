import type { WorkatoApi } from './http.js';
import type { Workato } from './types.js';

/**
 * POST /secrets_management/clear_cache (§27), no body: drops Workato's cached external-secret values (kept for 60
 * minutes), so the next job reads them from the secrets manager again.
 */
export function clearSecretsCache(api: WorkatoApi): Promise<Workato.SecretsCacheClearResponse> {
  return api.send<Workato.SecretsCacheClearResponse>('POST', '/secrets_management/clear_cache');
}

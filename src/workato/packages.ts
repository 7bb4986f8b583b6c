/**
 * Recipe lifecycle management (REFERENCE §15): export manifests, package export/import, status and download.
 * Manifests and folder assets are wrapped in `{"result": …}`; packages are bare objects. In an Embedded customer's
 * scope (§17.9) manifests and folder assets have the same paths under `/managed_users/:id`, but packages do not:
 * exports and imports, and their status, are `/exports/…` and `/imports/…` (the `customer…` functions).
 */
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { httpError, WorkatoError, type WorkatoApi } from './http.js';
import { DOWNLOAD_MAX_REDIRECTS, downloadUrlOf, packageStatusOf, unwrapObject } from './inferred.js';
import type { Workato } from './types.js';

/** GET /export_manifests/folder_assets (§15.1) → `{"result": {"assets": [...]}}`. */
export async function listFolderAssets(
  api: WorkatoApi,
  params: { folder_id?: number; include_test_cases?: boolean; include_data?: boolean } = {},
): Promise<Workato.Asset[]> {
  const body = await api.get<{ result?: { assets?: Workato.Asset[] } }>('/export_manifests/folder_assets', params);
  return body?.result?.assets ?? [];
}

/** POST /export_manifests (§15.2) → 201 `{"result": ExportManifest}`. */
export async function createExportManifest(api: WorkatoApi, manifest: Workato.ExportManifestWrite): Promise<Workato.ExportManifest> {
  return unwrapObject(await api.send('POST', '/export_manifests', { body: { export_manifest: manifest } }));
}

/** PUT /export_manifests/:id (§15.2) → `{"result": ExportManifest}`. */
export async function updateExportManifest(api: WorkatoApi, id: number, manifest: Workato.ExportManifestWrite): Promise<Workato.ExportManifest> {
  return unwrapObject(await api.send('PUT', `/export_manifests/${id}`, { body: { export_manifest: manifest } }));
}

/** GET /export_manifests/:id (§15.2) → `{"result": ExportManifest}`. */
export async function getExportManifest(api: WorkatoApi, id: number): Promise<Workato.ExportManifest> {
  return unwrapObject(await api.get(`/export_manifests/${id}`));
}

/** DELETE /export_manifests/:id (§15.2); the success body is not documented (may be empty). */
export function deleteExportManifest(api: WorkatoApi, id: number): Promise<Workato.SuccessResponse | undefined> {
  return api.send<Workato.SuccessResponse | undefined>('DELETE', `/export_manifests/${id}`);
}

/** POST /packages/export/:manifest_id (§15.3): no body; answers the Package at once, usually `in_progress`. */
export function exportPackage(api: WorkatoApi, manifestId: number): Promise<Workato.Package> {
  return api.send<Workato.Package>('POST', `/packages/export/${manifestId}`);
}

export interface ImportPackageParams {
  restart_recipes?: boolean;
  include_tags?: boolean;
  folder_id_for_home_assets?: number;
}

/**
 * POST /packages/import/:folder_id (§15.4): the zip is the raw body (`application/octet-stream`, not multipart),
 * streamed from `zip` as it is read; `length` (bytes) is sent as Content-Length when known.
 */
export function importPackage(
  api: WorkatoApi,
  folderId: number,
  zip: { body: Readable; length?: number },
  params: ImportPackageParams = {},
): Promise<Workato.Package> {
  return api.send<Workato.Package>('POST', `/packages/import/${folderId}`, {
    query: { ...params },
    raw: { body: zip.body, contentType: 'application/octet-stream', length: zip.length },
  });
}

/** GET /packages/:id (§15.5): status of an export or an import. */
export function getPackage(api: WorkatoApi, id: number): Promise<Workato.Package> {
  return api.get<Workato.Package>(`/packages/${id}`);
}

/** §17.9 #8: POST /managed_users/:id/exports/:manifest_id — as §15.3, in the customer's workspace. */
export function exportCustomerPackage(scoped: WorkatoApi, manifestId: number): Promise<Workato.Package> {
  return scoped.send<Workato.Package>('POST', `/exports/${manifestId}`);
}

/**
 * §17.9 #6: POST /managed_users/:id/imports?folder_id=… — the zip as the raw body, as §15.4; the documented query
 * is `folder_id` (required), `restart_recipes` and `include_tags`.
 */
export function importCustomerPackage(
  scoped: WorkatoApi,
  folderId: number,
  zip: { body: Readable; length?: number },
  params: Omit<ImportPackageParams, 'folder_id_for_home_assets'> = {},
): Promise<Workato.Package> {
  return scoped.send<Workato.Package>('POST', '/imports', {
    query: { folder_id: folderId, ...params },
    raw: { body: zip.body, contentType: 'application/octet-stream', length: zip.length },
  });
}

/** §17.9 #7 / #9: GET /managed_users/:id/imports/:package_id or …/exports/:package_id — the status, as §15.5. */
export function getCustomerPackage(scoped: WorkatoApi, operation: PackageOperation, id: number): Promise<Workato.Package> {
  return scoped.get<Workato.Package>(`/${operation}s/${id}`);
}

export type PackageOperation = 'import' | 'export';

/** A package's zip, as it arrives: status 200, headers and the unread body. */
export type PackageDownload = Pick<Dispatcher.ResponseData, 'headers' | 'body'>;

/**
 * GET /packages/:id/download (§15.6): the zip itself, or a 302 to a storage URL, which is followed WITHOUT the
 * bearer token (it is signed and needs none [inferred]; the token must not leak to another host). The body is
 * returned unread, to be streamed; any non-2xx becomes a WorkatoError (404: no such package, or no content yet).
 */
export async function downloadPackage(api: WorkatoApi, id: number, signal?: AbortSignal): Promise<PackageDownload> {
  const path = `/packages/${id}/download`;
  let response = await api.stream(path, signal);
  let url = `${api.baseUrl}${api.prefix}${path}`;
  for (let hops = 0; isRedirect(response.statusCode); hops++) {
    const location = single(response.headers.location);
    await response.body.dump();
    if (!location || hops >= DOWNLOAD_MAX_REDIRECTS) {
      throw new WorkatoError({
        kind: 'protocol',
        status: response.statusCode,
        method: 'GET',
        path,
        message: `Workato answered GET ${path} with a redirect the gateway cannot follow.`,
      });
    }
    url = new URL(location, url).toString();
    response = await api.streamExternal(url, signal);
  }
  return answered(response, path);
}

/**
 * A customer's export zip (§17.9 #9 [inferred]): Workato documents no customer download endpoint, only the
 * export's `download_url`, a signed storage URL like the one §15.6 redirects to. It is read from the export's
 * status and fetched WITHOUT the bearer token. 404 while the export is not finished.
 */
export async function downloadCustomerPackage(scoped: WorkatoApi, id: number, signal?: AbortSignal): Promise<PackageDownload> {
  const pkg = await getCustomerPackage(scoped, 'export', id);
  const url = downloadUrlOf(pkg.download_url);
  const path = `/exports/${id}`;
  if (packageStatusOf(pkg.status) !== 'completed' || !url) {
    throw new WorkatoError({ kind: 'http', status: 404, method: 'GET', path, message: `Export ${id} has no zip yet (status ${pkg.status}).` });
  }
  return answered(await scoped.streamExternal(new URL(url, `${scoped.baseUrl}/`).toString(), signal), path);
}

/** A 2xx download as it is; anything else as the WorkatoError it stands for. */
async function answered(response: Dispatcher.ResponseData, path: string): Promise<PackageDownload> {
  if (response.statusCode >= 200 && response.statusCode < 300) return response;
  const text = await response.body.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  throw httpError(response.statusCode, response.headers, parsed, text, 'GET', path);
}

const isRedirect = (status: number) => status === 301 || status === 302 || status === 303 || status === 307 || status === 308;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

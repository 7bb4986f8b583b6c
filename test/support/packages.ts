/** Helpers for package tests: polling a package through the gateway, multipart uploads, raw zip downloads. */
import type { Stack } from './stack.js';

export const PACKAGE_FIELDS = `id workatoId operationType status error succeeded downloadUrl
  recipeStatus { recipeWorkatoId importResult ok recipe { workatoId name running folder { workatoId } } }`;

/** Reads `package(id)` until it leaves IN_PROGRESS (the simulator settles packages after a short delay). */
export async function settled(stack: Stack, id: string | number, fields = PACKAGE_FIELDS): Promise<Record<string, any>> {
  for (let i = 0; i < 200; i++) {
    const { package: pkg } = await stack.gql(`query($id: ID!) { package(id: $id) { ${fields} } }`, { id: String(id) });
    if (pkg.status !== 'IN_PROGRESS') return pkg;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`package ${id} never settled`);
}

/** A GraphQL multipart request (graphql-multipart-request-spec) built by hand: operations, map, then the file. */
export async function upload(stack: Stack, query: string, variables: Record<string, unknown>, path: string, file: Blob, name = 'package.zip') {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query, variables }));
  form.set('map', JSON.stringify({ 0: [`variables.${path}`] }));
  form.set('0', file, name);
  const response = await fetch(stack.gateway.url, { method: 'POST', headers: { authorization: `Bearer ${stack.sim.token}` }, body: form });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

/** The zip as the simulator serves it: Workato's 302, then the storage URL fetched without a token (§15.6). */
export async function zipFromSimulator(stack: Stack, packageId: number | string): Promise<Uint8Array> {
  const first = await fetch(`${stack.sim.url}/packages/${packageId}/download`, {
    headers: { authorization: `Bearer ${stack.sim.token}` },
    redirect: 'manual',
  });
  if (first.status !== 302) throw new Error(`expected 302, got ${first.status}`);
  const zip = await fetch(first.headers.get('location')!);
  if (!zip.ok) throw new Error(`storage answered ${zip.status}`);
  return new Uint8Array(await zip.arrayBuffer());
}

export const EXPORT = `mutation($manifestId: ID!) { packageExport(input: { manifestId: $manifestId }) {
  package { id workatoId operationType status downloadUrl exportManifest { workatoId name } }
  userErrors { __typename code message field }
} }`;

export const CREATE_MANIFEST = `mutation($input: ExportManifestCreateInput!) { exportManifestCreate(input: $input) {
  exportManifest { id workatoId name status projectPath lastExportedAt createdAt }
  userErrors { __typename code message field }
} }`;

/** Creates a manifest and returns its workatoId. */
export async function manifest(stack: Stack, input: Record<string, unknown>): Promise<string> {
  const { exportManifestCreate } = await stack.gql(CREATE_MANIFEST, { input });
  if (exportManifestCreate.userErrors.length) throw new Error(JSON.stringify(exportManifestCreate.userErrors));
  return exportManifestCreate.exportManifest.workatoId;
}

/** Exports a manifest and waits for the package to complete; returns the package. */
export async function exported(stack: Stack, manifestId: string): Promise<Record<string, any>> {
  const { packageExport } = await stack.gql(EXPORT, { manifestId });
  return settled(stack, packageExport.package.workatoId);
}

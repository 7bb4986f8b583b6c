/**
 * Walks every field of every object type in the schema at least once against the simulator, so no field is left
 * unresolved: queries are generated from the schema itself (every field, nested a few levels), mutations run in a
 * realistic order, and coverage is read from the responses. A new field that no generated query reaches, or one
 * that errors, fails this test by name.
 */
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../src/server/schema.js';
import { toGlobalId } from '../src/resolvers/relay.js';
import { settled, upload, zipFromSimulator } from './support/packages.js';
import { startStack, type Stack } from './support/stack.js';
import { Enum, type FamilyWalk } from './walk/types.js';

/** Reached only over SSE (test/package-status.test.ts follows `packageStatus` to completion). */
const NOT_WALKED_HERE = new Set(['Subscription']);
const DEPTH = 4;

function literal(value: unknown): string {
  if (value instanceof Enum) return value.value;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${literal(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** Generates selections for every field, aliasing fields as `Type__field` so fragments never conflict. */
class Walker {
  readonly aliases = new Map<string, string>();
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly args: Record<string, Record<string, unknown>>,
  ) {}

  get givenArgs(): Record<string, unknown> {
    return this.args;
  }

  fieldArgs(type: string, field: GraphQLField<unknown, unknown>): string | undefined {
    const given = { ...this.args[`${type}.${field.name}`] };
    if (field.args.some((a) => a.name === 'first') && given.first === undefined) given.first = 2;
    const missing = field.args.filter((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined && !(a.name in given));
    if (missing.length) return undefined; // no value known: left out, and reported as uncovered
    return Object.keys(given).length ? `(${Object.entries(given).map(([k, v]) => `${k}: ${literal(v)}`).join(', ')})` : '';
  }

  select(type: GraphQLNamedType, depth: number, path: string[]): string {
    if (isAbstractType(type)) {
      if (depth >= DEPTH) return '{ __typename }';
      const parts = this.schema.getPossibleTypes(type).map((t) => `... on ${t.name} ${this.select(t, depth, path)}`);
      return `{ __typename ${parts.join(' ')} }`;
    }
    if (!isObjectType(type)) return '';
    const parts = ['__typename'];
    for (const field of Object.values(type.getFields())) {
      const args = this.fieldArgs(type.name, field);
      if (args === undefined) continue;
      const alias = `${type.name}__${field.name}`;
      this.aliases.set(alias, `${type.name}.${field.name}`);
      const child = getNamedType(field.type);
      let sub = '';
      if (isCompositeType(child)) {
        sub = depth + 1 >= DEPTH || path.includes(child.name) ? '{ __typename }' : this.select(child, depth + 1, [...path, child.name]);
      }
      parts.push(`${alias}: ${field.name}${args} ${sub}`);
    }
    return `{ ${parts.join(' ')} }`;
  }

  /** Marks `Type.field` for every aliased key of a response that resolved without an error at its path. */
  collect(value: unknown, covered: Set<string>, errorPaths: Set<string>, path: string[] = []): void {
    if (Array.isArray(value)) return value.forEach((v, i) => this.collect(v, covered, errorPaths, [...path, String(i)]));
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      const at = [...path, key];
      const field = this.aliases.get(key);
      if (field && !errorPaths.has(at.join('.'))) covered.add(field);
      this.collect(child, covered, errorPaths, at);
    }
  }
}

let stack: Stack;
let schema: GraphQLSchema;
/** test/walk/<family>.ts: the later families' steps, in file-name order. */
let families: FamilyWalk[] = [];
const covered = new Set<string>();
const failures: string[] = [];

beforeAll(async () => {
  stack = await startStack({
    // The generated documents are far larger than any client's: lift the request limits for this walk only.
    env: { MAX_QUERY_DEPTH: '60', MAX_QUERY_COST: '10000000', MAX_ALIASES: '10000', MAX_TOKENS: '1000000', MAX_BODY_BYTES: '50000000' },
    simulator: { packages: { polls: 1 } },
  });
  schema = buildSchema();
  const folder = new URL('./walk/', import.meta.url);
  const files = readdirSync(folder).filter((f) => f.endsWith('.ts') && f !== 'types.ts').sort();
  families = await Promise.all(files.map(async (f) => ((await import(new URL(f, folder).href)) as { default: FamilyWalk }).default));
});
afterAll(() => stack.close());

/**
 * Runs one generated document. Arguments given for a field apply to every object of that type in the document, so
 * a fixed id can be foreign to some of them (another recipe's version, another customer's recipe): those answers
 * (NOT_FOUND, BAD_USER_INPUT on a field with given arguments) are correct and not failures — but such a field
 * still has to resolve cleanly somewhere to count as covered. Any other error fails the walk.
 */
async function run(walker: Walker, document: string, label: string, send?: (doc: string) => Promise<{ data?: any; errors?: any[] }>) {
  const result = send ? await send(document) : await stack.request(document);
  const errorPaths = new Set<string>();
  for (const error of result.errors ?? []) {
    const path: string[] = (error.path ?? []).map(String);
    errorPaths.add(path.join('.'));
    const field = walker.aliases.get(path.at(-1) ?? '');
    const argumentMismatch = field && field in walker.givenArgs && ['NOT_FOUND', 'BAD_USER_INPUT'].includes(error.extensions?.code);
    if (!argumentMismatch) failures.push(`${label}: ${path.join('.')} ${error.extensions?.code}: ${error.message}`);
  }
  walker.collect(result.data, covered, errorPaths);
  return result.data;
}

describe('every field of every type resolves against the simulator', () => {
  it('walks the mutations, then every query root field, and covers the whole schema', async () => {
    // Ids the walk needs, read through the gateway like a client would.
    const seed = await stack.gql(`{
      recipe(id: "3307712") { versions(first: 1) { nodes { workatoId } } }
      managedUser(id: "19029") {
        recipes(first: 1) { nodes { id jobs(first: 1) { nodes { handle } } } }
        connections(first: 1) { nodes { id } } folders(first: 1) { nodes { id } } projects(first: 1) { nodes { id } }
        members { id } lookupTables(first: 1) { nodes { id } }
      }
    }`);
    const versionId = seed.recipe.versions.nodes[0].workatoId;
    const customerRecipe = seed.managedUser.recipes.nodes[0];

    // ---- mutations, in an order where each can succeed (and some refuse, to walk the UserError types)
    const state: Record<string, string> = {};
    const mutations: Array<[string, () => Record<string, unknown>, string?]> = [
      ['recipeStart', () => ({ id: '3307650' })], // refused: RecipeStepError
      ['recipeStart', () => ({ id: '3307712' })], // refused: already running (InputError)
      ['recipeStop', () => ({ id: '3307712' })],
      ['recipeStart', () => ({ id: '3307712' })],
      ['recipeCreate', () => ({
        name: 'Schema walk', folderId: '1201101',
        code: { number: 0, provider: 'clock', name: 'timer', as: 'timer', keyword: 'trigger', input: {}, block: [] },
        config: [{ keyword: 'application', name: 'clock', provider: 'clock' }],
      }), 'recipe'],
      ['recipeUpdate', () => ({ id: state.recipe!, description: 'walked' })],
      ['recipeCopy', () => ({ id: state.recipe! }), 'copy'],
      ['recipeResetTrigger', () => ({ id: state.recipe! })],
      ['recipePollNow', () => ({ id: '3307712' })],
      ['recipeConnectionUpdate', () => ({ id: '3307698', adapterName: 'netsuite', connectionId: '880102' })],
      ['recipeVersionCommentUpdate', () => ({ id: versionId, recipeId: '3307712', comment: 'walked' })],
      ['recipeDelete', () => ({ id: state.copy! })],
      ['jobsRepeat', () => ({ recipeId: '3307712', handles: ['j-AXk9Yb71-Qm3rT8'] })],
      ['jobsCancel', () => ({ recipeId: '3307712', handles: ['j-AXk9ZfQ2-pL7cW1'] })],
      ['jobResume', () => ({ token: 'resume-token-1', data: { ok: true } })],
      ['connectionCreate', () => ({ name: 'Walk Slack', application: 'slack', shellConnection: true, folderId: '1201101' }), 'connection'],
      ['connectionUpdate', () => ({ id: state.connection!, name: 'Walk Slack 2' })],
      ['connectionDisconnect', () => ({ id: state.connection! })],
      ['connectionDelete', () => ({ id: state.connection! })],
      ['folderCreate', () => ({ name: 'Walk folder', parentId: '1201101' }), 'folder'],
      ['folderUpdate', () => ({ id: state.folder!, name: 'Walk folder 2' })],
      ['folderDelete', () => ({ id: state.folder! })],
      ['projectUpdate', () => ({ id: '44023', description: 'walked' })],
      ['projectBuild', () => ({ projectId: '44021', description: 'walk' })],
      ['projectDeploy', () => ({ projectId: '44021', environmentType: new Enum('TEST') })],
      ['projectBuildDeploy', () => ({ buildId: '98211', environmentType: new Enum('PROD') })],
      ['managedUserCreate', () => ({ name: 'Walk Co', notificationEmail: 'ops@walk.example', externalId: 'WALK-1' }), 'customer'],
      ['managedUserUpdate', () => ({ managedUser: { id: state.customer! }, name: 'Walk Co 2' })],
      ['managedUserMemberAdd', () => ({ managedUser: { id: state.customer! }, name: 'Ann', email: 'ann@walk.example', roleName: 'Admin' }), 'member'],
      ['managedUserMemberUpdate', () => ({ id: state.member!, managedUser: { id: state.customer! }, roleName: 'Analyst' })],
      ['managedUserMemberRemove', () => ({ id: state.member!, managedUser: { id: state.customer! } })],
      ['managedUserDelete', () => ({ managedUser: { id: state.customer! } })],
      ['exportManifestCreate', () => ({ name: 'Walk manifest', folderId: '1201101', autoGenerateAssets: true }), 'manifest'],
      ['exportManifestUpdate', () => ({ id: state.manifest!, name: 'Walk manifest 2' })],
      ['packageExport', () => ({ manifestId: state.manifest! }), 'package'],
      ['exportManifestCreate', () => ({ name: 'Throwaway', folderId: '1201101', autoGenerateAssets: true }), 'throwaway'],
      ['exportManifestDelete', () => ({ id: state.throwaway! })],
      ['projectDelete', () => ({ id: '44022' })],
      // §17.9: a manifest and an export in a customer's workspace (the folder's id names the customer).
      ['exportManifestCreate', () => ({ name: 'Walk customer manifest', folderId: seed.managedUser.folders.nodes[0].id, autoGenerateAssets: true }), 'customerManifest'],
      ['packageExport', () => ({ manifestId: state.customerManifest! }), 'customerPackage'],
      ...families.flatMap((f) => (f.mutations ?? []).map(([name, input, keep]): [string, () => Record<string, unknown>, string?] => [name, () => input(state), keep])),
    ];
    const mutationType = schema.getMutationType()!;
    for (const [name, input, keep] of mutations) {
      const walker = new Walker(schema, {});
      const payload = getNamedType(mutationType.getFields()[name]!.type);
      const data = await run(walker, `mutation { ${name}(input: ${literal(input())}) ${walker.select(payload, 1, [payload.name])} }`, name);
      covered.add(`Mutation.${name}`);
      if (keep) {
        // The payload's object field, aliased `Payload__object`, carries its id as `Type__id`.
        const idOf = (v: unknown) => Object.entries((v ?? {}) as object).find(([k]) => k.endsWith('__id'))?.[1] as string | undefined;
        const id = Object.entries(data?.[name] ?? {}).map(([, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? idOf(v) : undefined)).find(Boolean);
        if (!id) throw new Error(`${name} returned no object: ${JSON.stringify(data)}`);
        state[keep] = id;
      }
    }
    // The import takes the exported zip as a multipart upload.
    const exportedPackage = await settled(stack, state.package!, 'workatoId status');
    const zip = await zipFromSimulator(stack, exportedPackage.workatoId);
    const importWalker = new Walker(schema, {});
    const importPayload = getNamedType(mutationType.getFields().packageImport!.type);
    const imported = await run(
      importWalker,
      `mutation($file: Upload!) { packageImport(input: { folderId: "1201103", file: $file, restartRecipes: true }) ${importWalker.select(importPayload, 1, [importPayload.name])} }`,
      'packageImport',
      (doc) => upload(stack, doc, { file: null }, 'file', new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' })),
    );
    covered.add('Mutation.packageImport');

    // ---- every Query root field, each in its own document
    const recipeId = toGlobalId('Recipe', ['3307712']);
    const walker = new Walker(schema, {
      'Query.node': { id: recipeId },
      'Query.nodes': { ids: [recipeId, toGlobalId('Folder', ['1201101'])] },
      'Query.connection': { id: '880101' },
      'Query.connector': { name: 'salesforce' },
      'Query.folder': { id: '1201101' },
      'Query.folderAssets': { folderId: '1201101' },
      'Query.job': { recipeId: '3307712', handle: 'j-AXk9Yb71-Qm3rT8' },
      'Query.managedUser': { id: '19029' },
      'Query.exportManifest': { id: state.manifest! },
      'Query.package': { id: state.package! },
      'Query.project': { id: '44021' },
      'Query.projectBuild': { id: '98211' },
      'Query.deployment': { id: '51177' },
      'Query.recipe': { id: '3307712' },
      'Query._entities': { representations: [{ __typename: 'Recipe', workatoId: '3307712' }] },
      'Recipe.version': { id: versionId },
      'ManagedUser.recipe': { id: customerRecipe.id },
      'ManagedUser.connection': { id: seed.managedUser.connections.nodes[0].id },
      'ManagedUser.connectionInputSchema': { connectionId: seed.managedUser.connections.nodes[0].id },
      'ManagedUser.connectorInputSchema': { application: 'netsuite' },
      'ManagedUser.folder': { id: seed.managedUser.folders.nodes[0].id },
      'ManagedUser.job': { recipeId: customerRecipe.id, handle: customerRecipe.jobs.nodes[0].handle },
      'ManagedUser.project': { id: seed.managedUser.projects.nodes[0].id },
      'ManagedUser.member': { id: seed.managedUser.members[0].id },
      'ManagedUser.lookupTable': { id: seed.managedUser.lookupTables.nodes[0].id },
      'ManagedUser.exportManifest': { id: state.customerManifest! },
      'ManagedUser.package': { id: state.customerPackage! },
      ...Object.assign({}, ...families.map((f) => f.args?.(state) ?? {})),
    });
    const queryType = schema.getQueryType()!;
    for (const field of Object.values(queryType.getFields())) {
      const args = walker.fieldArgs('Query', field);
      if (args === undefined) continue;
      const named = getNamedType(field.type);
      const sub = isCompositeType(named) ? walker.select(named, 1, [named.name]) : '';
      await run(walker, `{ ${field.name}${args} ${sub} }`, `Query.${field.name}`);
      covered.add(`Query.${field.name}`);
    }

    // Types that sit deeper than the generated documents reach, walked from a closer starting point.
    const importedId = Object.values(imported?.packageImport ?? {}).map((v: any) => v?.Package__id).find(Boolean);
    if (!importedId) throw new Error(`packageImport returned no package: ${JSON.stringify(imported)}`);
    const deep: Array<[string, string, string]> = [
      ['{ recipe(id: "3307712") { jobs(first: 10) ', 'JobConnection', '} }'], // a failed job's errorParts
      ['{ managedUser(id: "19029") { lookupTables(first: 2) ', 'LookupTableConnection', '} }'],
      [`{ package(id: "${importedId}") `, 'Package', '}'], // an import's recipeStatus
      ...families.flatMap((f) => f.deep?.(state) ?? []),
    ];
    for (const [prefix, typeName, suffix] of deep) {
      const type = schema.getType(typeName)!;
      await run(walker, `${prefix} ${walker.select(type, 0, [typeName])} ${suffix}`, typeName);
    }

    expect(failures).toEqual([]);
    const uncovered: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || NOT_WALKED_HERE.has(type.name)) continue;
      for (const field of Object.keys(type.getFields())) {
        if (!covered.has(`${type.name}.${field}`)) uncovered.push(`${type.name}.${field}`);
      }
    }
    expect(uncovered).toEqual([]);
  });
});

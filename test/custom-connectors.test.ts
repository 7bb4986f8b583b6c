import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
afterEach(() => stack.sim.clearFaults());

interface Wire {
  id: number;
  name: string;
  title: string;
  latest_released_version: number;
  latest_released_version_note: string | null;
  static_webhook_url: string | null;
  released_versions: Array<{ version: number; version_note: string | null; created_at: string; released_at: string }>;
}

const gid = (key: number | string) => Buffer.from(`CustomConnector:${key}`).toString('base64url');
const codeOf = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => r.errors?.map((e) => e.extensions?.code);
const wire = async () => (await rest<{ result: Wire[] }>(stack.sim, '/custom_connectors/search')).result;

const FIELDS = `id workatoId name title latestReleasedVersion latestReleasedVersionNote staticWebhookUrl
  releasedVersions { version versionNote createdAt releasedAt }`;

describe('Query.customConnectors / customConnector', () => {
  it('lists every custom connector from one call, paged by ascending id, with its versions', async () => {
    const truth = await wire();
    stack.sim.resetCounts();
    const { customConnectors } = await stack.gql(`{ customConnectors(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { ${FIELDS} } } }`);
    expect(stack.sim.counts()).toEqual({ 'GET /api/custom_connectors/search': 1 });
    expect(customConnectors.totalCount).toBe(truth.length);
    expect(customConnectors.pageInfo.hasNextPage).toBe(true);
    const c = truth[0]!;
    expect(customConnectors.nodes).toEqual([{
      id: gid(c.id), workatoId: String(c.id), name: c.name, title: c.title, latestReleasedVersion: c.latest_released_version,
      latestReleasedVersionNote: c.latest_released_version_note, staticWebhookUrl: c.static_webhook_url,
      releasedVersions: c.released_versions.map((v) => ({ version: v.version, versionNote: v.version_note, createdAt: v.created_at, releasedAt: v.released_at })),
    }]);
    const rest2 = await stack.gql(`query($after: String) { customConnectors(after: $after) { nodes { workatoId } } }`, { after: customConnectors.pageInfo.endCursor });
    expect(rest2.customConnectors.nodes.map((n: any) => n.workatoId)).toEqual(truth.slice(1).map((t) => String(t.id)));
  });

  it('finds one by id or global id from the list, at no extra call next to the list, and node(id) too', async () => {
    const [c] = await wire();
    stack.sim.resetCounts();
    const data = await stack.gql(`query($id: ID!, $gid: ID!) {
      customConnectors { nodes { workatoId } } a: customConnector(id: $id) { title } b: customConnector(id: $gid) { title }
      node(id: $gid) { __typename ... on CustomConnector { workatoId } }
    }`, { id: String(c!.id), gid: gid(c!.id) });
    expect(data).toMatchObject({ a: { title: c!.title }, b: { title: c!.title }, node: { __typename: 'CustomConnector', workatoId: String(c!.id) } });
    expect(stack.sim.counts()).toEqual({ 'GET /api/custom_connectors/search': 1 });
  });

  it('answers NOT_FOUND for an unknown custom connector and BAD_USER_INPUT for a malformed id', async () => {
    const missing = await stack.request(`{ customConnector(id: "1") { title } }`);
    expect(missing.data?.customConnector).toBeNull();
    expect(codeOf(missing)).toEqual(['NOT_FOUND']);
    stack.sim.resetCounts();
    expect(codeOf(await stack.request(`{ customConnector(id: "acme") { title } }`))).toEqual(['BAD_USER_INPUT']);
    expect(codeOf(await stack.request(`query($id: ID!) { node(id: $id) { id } }`, { id: gid('acme') }))).toEqual(['BAD_USER_INPUT']);
    expect(stack.sim.counts()).toEqual({});
  });

  it('maps a refused list to a top-level code', async () => {
    stack.sim.inject({ route: 'GET /api/custom_connectors/search', status: 403, body: { message: 'Forbidden' } });
    const answer = await stack.request(`{ customConnectors { nodes { name } } }`);
    expect(answer.data?.customConnectors).toBeNull();
    expect(codeOf(answer)).toEqual(['FORBIDDEN']);
  });

  it('reads the code with one call per connector, only when asked', async () => {
    const truth = await wire();
    const code = await rest<{ data: { code: string } }>(stack.sim, `/custom_connectors/${truth[0]!.id}/code`);
    stack.sim.resetCounts();
    const { customConnectors } = await stack.gql(`{ customConnectors { nodes { code } } }`);
    expect(customConnectors.nodes[0].code).toBe(code.data.code);
    expect(stack.sim.counts()).toEqual({ 'GET /api/custom_connectors/search': 1, 'GET /api/custom_connectors/:id/code': truth.length });
    stack.sim.inject({ route: 'GET /api/custom_connectors/:id/code', status: 404, body: { message: 'Not found' } });
    const gone = await stack.request(`query($id: ID!) { customConnector(id: $id) { title code } }`, { id: String(truth[0]!.id) });
    expect(gone.data?.customConnector).toEqual({ title: truth[0]!.title, code: null });
    expect(codeOf(gone)).toEqual(['NOT_FOUND']);
  });

  it('links each to its Connector metadata by name, all names in one call', async () => {
    const truth = await wire();
    stack.sim.resetCounts();
    const { customConnectors } = await stack.gql(`{ customConnectors { nodes { name connector { id name title } } } }`);
    expect(customConnectors.nodes).toEqual(truth.map((c) => ({ name: c.name, connector: { id: expect.any(String), name: c.name, title: c.title } })));
    expect(stack.sim.counts()).toEqual({ 'GET /api/custom_connectors/search': 1, 'GET /api/integrations': 1 });
  });
});

describe('customConnectorSchemaFromJson / FromCsv', () => {
  const JSON_SCHEMA = `mutation($sample: String!) { customConnectorSchemaFromJson(input: { sample: $sample }) {
    fields { name label type controlType of properties { name type controlType } } userErrors { code message field }
  } }`;
  const CSV_SCHEMA = `mutation($sample: String!, $sep: CsvColumnSeparator) { customConnectorSchemaFromCsv(input: { sample: $sample, columnSeparator: $sep }) {
    fields { name label type controlType } userErrors { code message field }
  } }`;

  it('builds schema fields from a JSON sample', async () => {
    stack.sim.resetCounts();
    const { customConnectorSchemaFromJson } = await stack.gql(JSON_SCHEMA, { sample: JSON.stringify({ id: 1, customer: { email: 'a@b' }, tags: ['x'] }) });
    expect(customConnectorSchemaFromJson).toEqual({
      fields: [
        { name: 'id', label: 'Id', type: 'integer', controlType: 'integer', of: null, properties: null },
        { name: 'customer', label: 'Customer', type: 'object', controlType: null, of: null, properties: [{ name: 'email', type: 'string', controlType: 'text' }] },
        { name: 'tags', label: 'Tags', type: 'array', controlType: null, of: 'string', properties: null },
      ],
      userErrors: [],
    });
    expect(stack.sim.counts()).toEqual({ 'POST /api/sdk/generate_schema/json': 1 });
  });

  it('refuses a sample that is not JSON before calling Workato, and passes on what Workato refuses', async () => {
    stack.sim.resetCounts();
    const bad = await stack.gql(JSON_SCHEMA, { sample: '{"id": 1' });
    expect(bad.customConnectorSchemaFromJson).toEqual({ fields: null, userErrors: [{ code: 'INVALID', message: expect.stringContaining('JSON'), field: ['input', 'sample'] }] });
    expect(stack.sim.counts()).toEqual({});
    const scalar = await stack.gql(JSON_SCHEMA, { sample: '[1, 2]' });
    expect(scalar.customConnectorSchemaFromJson).toEqual({ fields: null, userErrors: [{ code: 'INVALID', message: 'sample must be a JSON object, or an array of JSON objects', field: null }] });
    expect(stack.sim.counts()).toEqual({ 'POST /api/sdk/generate_schema/json': 1 });
  });

  it('builds string fields from a CSV header with the chosen separator, sent as Workato names it', async () => {
    stack.sim.resetCounts();
    const { customConnectorSchemaFromCsv } = await stack.gql(CSV_SCHEMA, { sample: 'Order id\tTotal\n1\t2', sep: 'TAB' });
    expect(customConnectorSchemaFromCsv).toEqual({
      fields: [{ name: 'order_id', label: 'Order id', type: 'string', controlType: 'text' }, { name: 'total', label: 'Total', type: 'string', controlType: 'text' }],
      userErrors: [],
    });
    const comma = await stack.gql(CSV_SCHEMA, { sample: 'a,b' });
    expect(comma.customConnectorSchemaFromCsv.fields.map((f: any) => f.name)).toEqual(['a', 'b']);
    expect(stack.sim.counts()).toEqual({ 'POST /api/sdk/generate_schema/csv': 2 });
  });

  it('refuses a blank CSV sample before calling Workato; 401/5xx stay top-level errors', async () => {
    stack.sim.resetCounts();
    const blank = await stack.gql(CSV_SCHEMA, { sample: '  \n' });
    expect(blank.customConnectorSchemaFromCsv).toEqual({ fields: null, userErrors: [{ code: 'INVALID', message: expect.any(String), field: ['input', 'sample'] }] });
    expect(stack.sim.counts()).toEqual({});
    stack.sim.inject({ route: 'POST /api/sdk/generate_schema/csv', status: 500, body: { message: 'Server error', id: 'e-2' } });
    expect(codeOf(await stack.request(CSV_SCHEMA, { sample: 'a,b' }))).toEqual(['UPSTREAM_ERROR']);
    expect(codeOf(await stack.request(CSV_SCHEMA, { sample: 'a,b' }, { token: 'not-a-token' }))).toEqual(['UNAUTHENTICATED']);
  });
});

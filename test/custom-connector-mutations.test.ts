/** Custom connector writes through the gateway (REFERENCE §16 #5–#7), against the simulator over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const CONNECTOR = 'id workatoId name title latestReleasedVersion releasedVersions { version versionNote } code';
const CREATE = `mutation($input: CustomConnectorCreateInput!) { customConnectorCreate(input: $input) {
  customConnector { ${CONNECTOR} } latestVersion userErrors { code message field }
} }`;
const UPDATE = `mutation($input: CustomConnectorUpdateInput!) { customConnectorUpdate(input: $input) {
  customConnector { ${CONNECTOR} } latestVersion userErrors { code message field }
} }`;
const RELEASE = `mutation($input: CustomConnectorReleaseInput!) { customConnectorRelease(input: $input) {
  customConnector { id latestReleasedVersion releasedVersions { version versionNote } } userErrors { code message field }
} }`;

describe('customConnectorCreate / Update / Release', () => {
  it('creates, changes the code as a new version, releases it, and later reads see each step', async () => {
    stack.sim.resetCounts();
    const { customConnectorCreate: created } = await stack.gql(CREATE, { input: { title: ' Ledger ', code: "{ title: 'Ledger' }", note: 'v1', logo: 'iVBORw0KGgo=' } });
    expect(created).toMatchObject({ latestVersion: 1, userErrors: [], customConnector: { title: 'Ledger', latestReleasedVersion: null, releasedVersions: [], code: "{ title: 'Ledger' }" } });
    // The create, then the code (its own call): the connector itself comes from the answer.
    expect(stack.sim.counts()).toEqual({ 'POST /api/custom_connectors': 1, 'GET /api/custom_connectors/:id/code': 1 });
    const sent = stack.sim.log().find((l) => l.method === 'POST');
    expect(sent?.path).toBe('/api/custom_connectors');

    const id = created.customConnector.id;
    const { customConnectorUpdate: updated } = await stack.gql(UPDATE, { input: { id, code: "{ title: 'Ledger 2' }", note: 'v2' } });
    expect(updated).toMatchObject({ latestVersion: 2, customConnector: { id, title: 'Ledger', code: "{ title: 'Ledger 2' }" } });

    const { customConnectorRelease: released } = await stack.gql(RELEASE, { input: { id: created.customConnector.workatoId } });
    expect(released).toEqual({ customConnector: { id, latestReleasedVersion: 2, releasedVersions: [{ version: 2, versionNote: 'v2' }] }, userErrors: [] });
    const read = await stack.gql(`query($id: ID!) { customConnector(id: $id) { title latestReleasedVersion } }`, { id });
    expect(read.customConnector).toEqual({ title: 'Ledger', latestReleasedVersion: 2 });
    const wire = (await rest<{ result: Array<{ id: number; latest_released_version: number }> }>(stack.sim, '/custom_connectors/search')).result;
    expect(wire.find((c) => String(c.id) === created.customConnector.workatoId)?.latest_released_version).toBe(2);
  });

  it("drops the caller's cached connector metadata: a release is seen by the next read", async () => {
    const { customConnectorCreate: c } = await stack.gql(CREATE, { input: { title: 'Metrics', code: '{}' } });
    const METADATA = `query($id: ID!) { customConnector(id: $id) { connector { name } } }`;
    await stack.gql(METADATA, { id: c.customConnector.id });
    stack.sim.resetCounts();
    await stack.gql(METADATA, { id: c.customConnector.id });
    expect(stack.sim.counts()['GET /api/integrations']).toBeUndefined(); // cached
    await stack.gql(RELEASE, { input: { id: c.customConnector.id } });
    stack.sim.resetCounts();
    await stack.gql(METADATA, { id: c.customConnector.id });
    expect(stack.sim.counts()['GET /api/integrations']).toBe(1);
  });

  it('refuses a blank title or code before calling, and answers Workato\'s refusals and unknown ids as userErrors', async () => {
    stack.sim.resetCounts();
    const blank = await stack.gql(CREATE, { input: { title: '  ', code: '' } });
    expect(blank.customConnectorCreate).toMatchObject({ customConnector: null, latestVersion: null });
    expect(blank.customConnectorCreate.userErrors.map((e: any) => e.field)).toEqual([['input', 'title'], ['input', 'code']]);
    expect(stack.sim.total()).toBe(0);

    const missing = await stack.gql(UPDATE, { input: { id: '1', title: 'x' } });
    expect(missing.customConnectorUpdate.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'id'] })]);
    const { customConnectorCreate: c } = await stack.gql(CREATE, { input: { title: 'Queue', code: '{}' } });
    await stack.gql(RELEASE, { input: { id: c.customConnector.id } });
    const again = await stack.gql(RELEASE, { input: { id: c.customConnector.id } });
    expect(again.customConnectorRelease).toMatchObject({ customConnector: null, userErrors: [{ code: 'INVALID' }] });
    const wrongType = await stack.request(RELEASE, { input: { id: Buffer.from('Recipe:1').toString('base64url') } });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

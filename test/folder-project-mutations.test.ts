import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_ONLY } from './simulator/helpers.js';
import { rest } from './support/rest.js';
import { EACH_REQUEST_CALLS_WORKATO, startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: EACH_REQUEST_CALLS_WORKATO, simulator: { workspaces: { 'tok-folders': FIXTURE_ONLY } } });
});
afterAll(() => stack.close());

const CREATE = `mutation($input: FolderCreateInput!) { folderCreate(input: $input) {
  folder { id workatoId name isProject parent { workatoId isHome } project { workatoId name } }
  userErrors { message code field }
} }`;
const UPDATE = `mutation($input: FolderUpdateInput!) { folderUpdate(input: $input) {
  folder { workatoId name parent { workatoId } }
  userErrors { message code field }
} }`;
const DELETE = `mutation($id: ID!, $force: Boolean) { folderDelete(input: { id: $id, force: $force }) {
  deletedFolderId userErrors { message code field }
} }`;

describe('folderCreate', () => {
  it('creates a project when no parent is given, and reads its project back', async () => {
    stack.sim.resetCounts();
    const { folderCreate } = await stack.gql(`mutation { folderCreate(input: { name: "Lead to Cash" }) {
      folder { workatoId name isProject project { workatoId name description } } userErrors { code }
    } }`);
    expect(folderCreate).toMatchObject({ folder: { name: 'Lead to Cash', isProject: true, project: { name: 'Lead to Cash', description: null } }, userErrors: [] });
    // The create answers the Folder (§13.2); the project comes from one list of projects.
    expect(stack.sim.counts()).toEqual({ 'POST /api/folders': 1, 'GET /api/projects': 1 });
    const projects = await rest(stack.sim, '/projects');
    expect(projects.find((p: { folder_id: number }) => String(p.folder_id) === folderCreate.folder.workatoId)).toBeTruthy();
  });

  it('creates a folder inside another one, which belongs to the parent\'s project', async () => {
    const { folderCreate } = await stack.gql(CREATE, { input: { name: 'Sync jobs', parentId: '1201101' } });
    expect(folderCreate).toMatchObject({
      folder: { name: 'Sync jobs', isProject: false, parent: { workatoId: '1201101', isHome: false }, project: { workatoId: '44021', name: 'Order to Cash' } },
      userErrors: [],
    });
  });

  it("returns Workato's validation errors as userErrors on the input fields", async () => {
    const blank = await stack.gql(CREATE, { input: { name: '' } });
    expect(blank.folderCreate).toEqual({ folder: null, userErrors: [{ code: 'INVALID', message: "name can't be blank", field: ['input', 'name'] }] });
    const orphan = await stack.gql(CREATE, { input: { name: 'x', parentId: '42' } });
    expect(orphan.folderCreate.userErrors).toEqual([{ code: 'INVALID', message: 'parent_id is invalid', field: ['input', 'parentId'] }]);
  });

  it('never shows a stale folder listing later in the same request', async () => {
    const data = await stack.gql(`mutation {
      a: folderCreate(input: { name: "Inbound", parentId: "1201102" }) { folder { parent { children { nodes { name } } } } }
      b: folderCreate(input: { name: "Outbound", parentId: "1201102" }) { folder { parent { children { nodes { name } } } } }
    }`);
    const names = (key: 'a' | 'b'): string[] => data[key].folder.parent.children.nodes.map((f: { name: string }) => f.name);
    expect(names('a')).toContain('Inbound');
    expect(names('a')).not.toContain('Outbound');
    expect(names('b')).toEqual(expect.arrayContaining(['Inbound', 'Outbound']));
  });
});

describe("folderCreate in an Embedded customer's workspace (§17.6)", () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64url');
  const newCustomer = async (externalId: string): Promise<number> => {
    const response = await fetch(`${stack.sim.url}/managed_users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.sim.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Fresh ${externalId}`, notification_email: 'ops@fresh.example', external_id: externalId }),
    });
    return ((await response.json()) as { id: number }).id;
  };

  it("creates a fresh customer's first project with managedUser, then folders inside it by global id or by workatoId", async () => {
    const customer = await newCustomer('FRESH-1');
    expect(await rest(stack.sim, `/managed_users/${customer}/folders`)).toEqual({ result: [] });
    stack.sim.resetCounts();
    const { folderCreate } = await stack.gql(CREATE, { input: { name: 'Onboarding', managedUser: { externalId: 'FRESH-1' } } });
    expect(folderCreate).toMatchObject({ folder: { name: 'Onboarding', isProject: true, project: { name: 'Onboarding' } }, userErrors: [] });
    expect(folderCreate.folder.id).toBe(b64(`Folder@${customer}:${folderCreate.folder.workatoId}`));
    // The external id is resolved once; the folder and its project come from the customer's workspace only.
    expect(stack.sim.log().filter((l) => l.method === 'POST').map((l) => l.path)).toEqual([`/api/managed_users/${customer}/folders`]);
    expect(Object.keys(stack.sim.counts()).every((route) => route.startsWith('GET /api/managed_users/:') || route.startsWith('POST /api/managed_users/:'))).toBe(true);
    const projects = (await rest(stack.sim, `/managed_users/${customer}/projects`)).result;
    expect(projects.map((p: { folder_id: number }) => String(p.folder_id))).toEqual([folderCreate.folder.workatoId]);
    const own = await rest(stack.sim, '/projects');
    expect(own.some((p: { folder_id: number }) => String(p.folder_id) === folderCreate.folder.workatoId)).toBe(false);

    // A customer's folder id names its workspace; a workatoId needs managedUser.
    const byId = await stack.gql(CREATE, { input: { name: 'Inbound', parentId: folderCreate.folder.id } });
    expect(byId.folderCreate).toMatchObject({ folder: { name: 'Inbound', isProject: false, parent: { workatoId: folderCreate.folder.workatoId } }, userErrors: [] });
    expect(byId.folderCreate.folder.id).toBe(b64(`Folder@${customer}:${byId.folderCreate.folder.workatoId}`));
    const byKey = await stack.gql(CREATE, { input: { name: 'Outbound', parentId: folderCreate.folder.workatoId, managedUser: { id: String(customer) } } });
    expect(byKey.folderCreate).toMatchObject({ folder: { name: 'Outbound', parent: { workatoId: folderCreate.folder.workatoId } }, userErrors: [] });
    const children = (await rest(stack.sim, `/managed_users/${customer}/folders?parent_id=${folderCreate.folder.workatoId}`)).result;
    expect(children.map((f: { name: string }) => f.name).sort()).toEqual(['Inbound', 'Outbound']);
  });

  it('answers an unknown customer with NOT_FOUND on managedUser, and ids of another workspace with BAD_USER_INPUT', async () => {
    const unknown = await stack.gql(CREATE, { input: { name: 'x', managedUser: { externalId: 'NOPE-1' } } });
    expect(unknown.folderCreate).toEqual({ folder: null, userErrors: [{ code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'managedUser'] }] });
    const gone = await stack.gql(CREATE, { input: { name: 'x', managedUser: { id: '99999' } } });
    expect(gone.folderCreate.userErrors).toEqual([{ code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'managedUser'] }]);
    stack.sim.resetCounts();
    const partners = await stack.request(CREATE, { input: { name: 'x', parentId: b64('Folder:1201101'), managedUser: { id: '19029' } } });
    expect(partners.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.parentId' });
    const other = await stack.request(CREATE, { input: { name: 'x', parentId: b64('Folder@19030:1'), managedUser: { id: '19029' } } });
    expect(other.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack.sim.total()).toBe(0);
  });
});

describe('folderUpdate', () => {
  it('renames and moves a folder', async () => {
    const created = await stack.gql(CREATE, { input: { name: 'Staging', parentId: '1201101' } });
    const id = created.folderCreate.folder.id;
    stack.sim.resetCounts();
    const { folderUpdate } = await stack.gql(UPDATE, { input: { id, name: 'Staging area', parentId: '1201210' } });
    expect(folderUpdate).toMatchObject({ folder: { name: 'Staging area', parent: { workatoId: '1201210' } }, userErrors: [] });
    expect(stack.sim.counts()['PUT /api/folders/:folder_id']).toBe(1);
    const children = await rest(stack.sim, '/folders?parent_id=1201210');
    expect(children.map((f: { name: string }) => f.name)).toContain('Staging area');
  });

  it('refuses to move a folder into itself or to move a project', async () => {
    const self = await stack.gql(UPDATE, { input: { id: '1201210', parentId: '1201210' } });
    expect(self.folderUpdate.userErrors).toEqual([{ code: 'INVALID', message: 'parent_id is invalid', field: ['input', 'parentId'] }]);
    const project = await stack.gql(UPDATE, { input: { id: '1201101', parentId: '1201102' } });
    expect(project.folderUpdate.userErrors).toEqual([{ code: 'INVALID', message: 'parent_id cannot move a project', field: ['input', 'parentId'] }]);
  });
});

describe('folderDelete', () => {
  it('refuses a folder that still holds recipes, then deletes it with its contents when forced', async () => {
    const refused = await stack.gql(DELETE, { id: '1201211' });
    expect(refused.folderDelete).toEqual({
      deletedFolderId: null,
      userErrors: [{ code: 'FOLDER_NOT_EMPTY', message: 'Folder is not empty: contains recipes', field: ['input', 'force'] }],
    });
    stack.sim.resetCounts();
    const data = await stack.gql(`mutation {
      folderDelete(input: { id: "1201211", force: true }) { deletedFolderId userErrors { code } }
    }`);
    expect(data.folderDelete.userErrors).toEqual([]);
    expect(data.folderDelete.deletedFolderId).toBe(Buffer.from('Folder:1201211').toString('base64url'));
    // One read of the top level (is it a project? §13.4), then the delete.
    expect(stack.sim.counts()).toEqual({ 'GET /api/folders': 1, 'DELETE /api/folders/:folder_id': 1 });
    const recipes = await rest(stack.sim, '/recipes?folder_id=1201211');
    expect(recipes.items).toEqual([]);
    const gone = await stack.request(`{ folder(id: "1201211") { name } }`);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("refuses a project's folder with FOLDER_IS_PROJECT without calling DELETE", async () => {
    stack.sim.resetCounts();
    const { folderDelete } = await stack.gql(DELETE, { id: '1201103', force: true });
    expect(folderDelete).toEqual({
      deletedFolderId: null,
      userErrors: [{ code: 'FOLDER_IS_PROJECT', message: "Folder 1201103 is a project's folder (project 44023); delete the project with projectDelete.", field: ['input', 'id'] }],
    });
    expect(stack.sim.counts()).toEqual({ 'GET /api/folders': 1 });
  });
});

describe('projectUpdate / projectDelete', () => {
  const PROJECT_UPDATE = `mutation($input: ProjectUpdateInput!) { projectUpdate(input: $input) {
    project { workatoId name description folder { name } } userErrors { message code field }
  } }`;

  it('renames a project and its folder, and changes its description', async () => {
    const { projectUpdate } = await stack.gql(PROJECT_UPDATE, { input: { id: '44022', name: 'Procure to Pay (EMEA)', description: 'Jira, purchasing' } });
    expect(projectUpdate).toEqual({
      project: { workatoId: '44022', name: 'Procure to Pay (EMEA)', description: 'Jira, purchasing', folder: { name: 'Procure to Pay (EMEA)' } },
      userErrors: [],
    });
    const blank = await stack.gql(PROJECT_UPDATE, { input: { id: '44022', name: '' } });
    expect(blank.projectUpdate.userErrors).toEqual([{ code: 'INVALID', message: "name can't be blank", field: ['input', 'name'] }]);
  });

  it('keeps 403 `Cannot destroy folder` a top-level FORBIDDEN error', async () => {
    stack.sim.inject({ route: 'DELETE /api/projects/:project_id', status: 403, body: { message: 'Cannot destroy folder' } });
    const result = await stack.request(`mutation { projectDelete(input: { id: "44022" }) { deletedProjectId } }`);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining('Cannot destroy folder') });
  });

  it('deletes a project with its folders, recipes and connections', async () => {
    const { project } = await stack.gql(`{ project(id: "44022") { id } }`);
    const data = await stack.gql(`mutation($id: ID!) {
      projectDelete(input: { id: $id }) { deletedProjectId userErrors { code } }
    }`, { id: project.id });
    expect(data.projectDelete).toEqual({ deletedProjectId: project.id, userErrors: [] });
    expect((await rest(stack.sim, '/projects')).map((p: { id: number }) => p.id)).not.toContain(44022);
    expect((await rest(stack.sim, '/recipes?folder_id=1201102')).items).toEqual([]);
    expect((await rest(stack.sim, '/connections?folder_id=1201102'))).toEqual([]);
    const again = await stack.gql(`mutation { projectDelete(input: { id: "44022" }) { deletedProjectId userErrors { code field } } }`);
    expect(again.projectDelete).toEqual({ deletedProjectId: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'] }] });
  });
});

/**
 * Folder.project: Workato sends `project_id` on every folder of a project, subfolders too (REFERENCE §8.7,
 * fixtures/folders-list-parent-1201101.json), and the link reads the request's one project list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from './support/rest.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

describe('Folder.project', () => {
  it('links a subfolder to the project that contains it, as its project_id says', async () => {
    const wire = await rest<Array<{ id: number; is_project: boolean; project_id: number }>>(stack.sim, '/folders?parent_id=1201101');
    expect(wire.map((f) => [f.id, f.is_project, f.project_id])).toEqual(expect.arrayContaining([[1201210, false, 44021], [1201211, false, 44021]]));

    const { folder } = await stack.gql(`{ folder(id: "1201101") {
      isProject project { workatoId name }
      children { nodes { workatoId isProject project { workatoId name folder { workatoId } } } }
    } }`);
    expect(folder.isProject).toBe(true);
    expect(folder.project).toEqual({ workatoId: '44021', name: 'Order to Cash' });
    const byId = Object.fromEntries(folder.children.nodes.map((f: any) => [f.workatoId, f]));
    for (const id of ['1201210', '1201211']) {
      expect(byId[id]).toEqual({ workatoId: id, isProject: false, project: { workatoId: '44021', name: 'Order to Cash', folder: { workatoId: '1201101' } } });
    }
  });

  it('is null for the Home folder, which belongs to no project', async () => {
    const { me } = await stack.gql(`{ me { rootFolder { isHome project { workatoId } } } }`);
    expect(me.rootFolder).toEqual({ isHome: true, project: null });
  });

  it('costs one project list for the whole request, none more when `projects` already read it', async () => {
    stack.sim.resetCounts();
    await stack.gql(`{
      projects(first: 100) { nodes { workatoId } }
      folder(id: "1201101") { project { workatoId } children { nodes { project { workatoId } } } }
      f2: folder(id: "1201210") { project { name } }
    }`);
    expect(stack.sim.counts()['GET /api/projects']).toBe(1);

    // Every folder of the tree, two levels below the projects: each links to its top-level project, for one list.
    stack.sim.resetCounts();
    const { folders } = await stack.gql(`{ folders(first: 6) { nodes { workatoId project { workatoId }
      children(first: 3) { nodes { project { workatoId } children(first: 3) { nodes { isProject project { workatoId } } } } }
    } } }`);
    const deep = folders.nodes.flatMap((p: any) => p.children.nodes.flatMap((c: any) => c.children.nodes.map((g: any) => [p.project.workatoId, c, g])));
    expect(deep.length).toBeGreaterThan(0);
    for (const [projectId, child, grandchild] of deep) {
      expect(child.project.workatoId).toBe(projectId);
      expect(grandchild).toEqual({ isProject: false, project: { workatoId: projectId } });
    }
    // Asked for their identity only, the links are each folder's project_id: no project list at all (links.ts).
    expect(stack.sim.counts()['GET /api/projects']).toBeUndefined();
  });
});

describe('Folder.connections', () => {
  it('leaves runtime-user connections out unless includeRuntimeConnections, as GET /connections does (§12.1)', async () => {
    const wire = await rest<Array<{ id: number; folder_id: number; parent_id: number | null }>>(stack.sim, '/connections?include_runtime_connections=true');
    const inFolder = wire.filter((c) => c.folder_id === 1201103);
    const runtime = inFolder.filter((c) => c.parent_id != null).map((c) => String(c.id));
    expect(runtime.length).toBeGreaterThan(0);

    stack.sim.resetCounts();
    const { folder } = await stack.gql(`{ folder(id: "1201103") {
      plain: connections { workatoId }
      all: connections(includeRuntimeConnections: true) { workatoId parent { workatoId } }
    } }`);
    const plain = folder.plain.map((c: any) => c.workatoId);
    const all = folder.all.map((c: any) => c.workatoId);
    expect(plain).toEqual(inFolder.filter((c) => c.parent_id == null).map((c) => String(c.id)));
    expect(all.sort()).toEqual(inFolder.map((c) => String(c.id)).sort());
    expect(runtime.every((id) => !plain.includes(id))).toBe(true);
    // One list each way, shared with the parents' lookups.
    expect(stack.sim.counts()['GET /api/connections']).toBe(2);
  });
});

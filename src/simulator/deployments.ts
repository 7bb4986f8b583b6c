/**
 * Project builds and deployments (REFERENCE §14.4): asynchronous, so each row answers `pending` until it has been
 * read `store.asyncPolls` times (inferred.ts), then its final state. Northwind starts with the recorded build and
 * deployment (fixtures/project-build.json, fixtures/deployment-get.json), both finished.
 */
import type { Workato } from '../workato/types.js';
import { INFERRED_WRITES } from './inferred.js';
import type { AsyncRow, WorkspaceStore } from './store.js';
import { formatTime } from './time.js';
import { contents, subtree } from './writes.js';

/** [inferred] A build fails when the project holds no recipe: there is nothing to package. */
export function buildOutcome(store: WorkspaceStore, project: Workato.Project): 'success' | 'failed' {
  return contents(store, subtree(store, project.folder_id)).recipes.length > 0 ? 'success' : 'failed';
}

function finishBuild(row: AsyncRow<Workato.ProjectBuild>, now: string): void {
  if (row.wire.state !== 'pending') return;
  Object.assign(row.wire, {
    state: row.final,
    updated_at: now,
    download_url: row.final === 'success' ? INFERRED_WRITES.downloadUrl(row.wire.id) : null,
  });
}

/** One read of a build: counts toward `asyncPolls`, and finishes it on the last one. */
export function readBuild(store: WorkspaceStore, row: AsyncRow<Workato.ProjectBuild>): Workato.ProjectBuild {
  if (row.wire.state === 'pending' && ++row.reads >= Math.max(1, store.asyncPolls)) finishBuild(row, formatTime(Date.now()));
  return row.wire;
}

/** One read of a deployment; finishing it also finishes its build (build + deploy in one step, §14.4). */
export function readDeployment(store: WorkspaceStore, row: AsyncRow<Workato.Deployment>): Workato.Deployment {
  if (row.wire.state === 'pending' && ++row.reads >= Math.max(1, store.asyncPolls)) {
    const now = formatTime(Date.now());
    const build = row.wire.project_build_id == null ? undefined : store.builds.get(row.wire.project_build_id);
    if (build) finishBuild(build, now);
    Object.assign(row.wire, { state: row.final, updated_at: now });
  }
  return row.wire;
}

export function startBuild(
  store: WorkspaceStore,
  project: Workato.Project,
  body: { description?: string | null; include_test_cases?: boolean | null },
): AsyncRow<Workato.ProjectBuild> {
  const id = store.allocateId('build');
  const now = formatTime(Date.now());
  const wire: Workato.ProjectBuild = {
    id, created_at: now, updated_at: now, description: body.description ?? null, include_test_cases: body.include_test_cases ?? null,
    project_build_id: id, project_id: String(project.id), state: 'pending', performed_by_name: INFERRED_WRITES.performedByName,
    download_url: null,
  };
  const row = { wire, reads: 0, final: buildOutcome(store, project) };
  store.builds.set(id, row);
  return row;
}

export function startDeployment(
  store: WorkspaceStore,
  build: AsyncRow<Workato.ProjectBuild>,
  environmentType: string,
  description: string | null,
): AsyncRow<Workato.Deployment> {
  const id = store.allocateId('deployment');
  const now = formatTime(Date.now());
  const wire: Workato.Deployment = {
    id, created_at: now, updated_at: now, description, project_build_id: build.wire.id, environment_type: environmentType,
    project_id: build.wire.project_id, state: 'pending', performed_by_name: INFERRED_WRITES.performedByName,
  };
  const row = { wire, reads: 0, final: build.final };
  store.deployments.set(id, row);
  return row;
}

/** The recorded Northwind build and deployment of project 44021, finished; ids continue after them. */
export function seedDeployments(store: WorkspaceStore, northwind: boolean, environments: boolean): void {
  store.environments = environments;
  const base = northwind ? 0 : store.index * 1_000_000;
  store.setNextId('build', 98212 + base);
  store.setNextId('deployment', 51178 + base);
  if (!northwind || !environments || !store.projects.has(44021)) return;
  store.builds.set(98211, {
    reads: 0, final: 'success',
    wire: {
      id: 98211, created_at: '2025-06-12T09:00:01.511-07:00', updated_at: '2025-06-12T09:01:37.902-07:00',
      description: 'Release 2025.06', include_test_cases: null, project_build_id: 98211, project_id: '44021', state: 'success',
      performed_by_name: 'Priya Raman', download_url: INFERRED_WRITES.downloadUrl(98211),
    },
  });
  store.deployments.set(51177, {
    reads: 0, final: 'success',
    wire: {
      id: 51177, created_at: '2025-06-12T09:02:45.020-07:00', updated_at: '2025-06-12T09:03:10.877-07:00',
      description: 'Release 2025.06', project_build_id: 98211, environment_type: 'prod', project_id: '44021', state: 'success',
      performed_by_name: 'Priya Raman',
    },
  });
}

/**
 * Folder writes (REFERENCE §13.2–§13.4; a customer's under /managed_users/:id, §17.6). Workato has no
 * GET /folders/:id: create answers the Folder, which primes the by-id loader; after every write the request's folder
 * tree is dropped, and so are the projects when the write can make, rename or remove one (a top-level folder is a
 * project, §13.2).
 */
import type { Resolvers } from '../generated/graphql.js';
import { HOME_LEVEL, type FolderRecord } from '../loaders/folders.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { tagOne } from '../loaders/scope.js';
import { createFolder, deleteFolder, updateFolder } from '../workato/folders.js';
import { objectWithId, REFUSAL_PATTERNS } from '../workato/inferred.js';
import type { Workato } from '../workato/types.js';
import { attempt, inputError, payload, refusalErrors, refused, type UserErrorValue } from './payload.js';
import { toGlobalId, workatoIntKey, workatoKey } from './relay.js';
import { idArg, workspaceOf } from './writes.js';
import { given } from './helpers.js';

const folderErrors = (errors: UserErrorValue[]): UserErrorValue[] =>
  errors.map((e) => (REFUSAL_PATTERNS.folderNotEmpty.test(e.message) ? inputError('FOLDER_NOT_EMPTY', e.message, ['input', 'force']) : e));

/**
 * Drops what this request knew about the tree and the projects, and about the assets a forced delete removes; and the
 * caller's reference-cache entries of the scope (folder levels, connections), before the write answers.
 */
export async function forgetTree(loaders: ScopedLoaders, contents: boolean): Promise<void> {
  await loaders.dropReferenceData();
  loaders.forgetFolders();
  loaders.forgetProjects();
  if (!contents) return;
  loaders.forgetConnections();
  loaders.recipeList.clearAll();
  loaders.recipeById.clearAll();
  loaders.recipeDetailById.clearAll();
}

export const folderMutationResolvers: Resolvers = {
  Mutation: {
    folderCreate: async (_root, { input }, ctx) => {
      // §17.6: a customer's folders (and projects, at its top level) are created under /managed_users/:id/folders.
      const where = await workspaceOf(ctx, [idArg('Folder', input.parentId, 'input.parentId')], input.managedUser);
      if (!where.ok) return payload<'folder', FolderRecord>('folder', where);
      const { scope, loaders, key } = where.value;
      const outcome = await attempt(
        () => createFolder(loaders.api, { name: input.name, ...given({ parent_id: key('input.parentId') }) }),
        // An unknown parent is a 400 (`parent_id is invalid`); a 404 with `managedUser` is an unknown customer.
        input.managedUser ? ['input', 'managedUser'] : ['input', 'parentId'],
      );
      if (!outcome.ok) return payload<'folder', FolderRecord>('folder', outcome);
      await forgetTree(loaders, false);
      const folder = tagOne(outcome.value, scope) as FolderRecord;
      loaders.folderById.prime(folder.id, folder);
      return payload<'folder', FolderRecord>('folder', { ok: true, value: folder });
    },
    folderUpdate: async (_root, { input }, ctx) => {
      const { id, scope } = workatoIntKey('Folder', input.id, 'input.id');
      const parent = input.parentId ? workatoKey('Folder', input.parentId, 'input.parentId') : undefined;
      const loaders = ctx.loaders.scope(scope);
      const outcome = await attempt(() =>
        updateFolder(loaders.api, id, given({ name: input.name, parent_id: parent ? Number(parent.key) : undefined })),
      );
      if (!outcome.ok) return payload<'folder', FolderRecord>('folder', outcome);
      // A project's folder carries the project's name (§8.7), so a rename touches the project too.
      await forgetTree(loaders, false);
      const answered = objectWithId<Workato.Folder>(outcome.value);
      if (!answered) return payload<'folder', FolderRecord>('folder', { ok: true, value: await loaders.folderById.load(id) });
      const folder = tagOne(answered, scope) as FolderRecord;
      loaders.folderById.prime(folder.id, folder);
      return payload<'folder', FolderRecord>('folder', { ok: true, value: folder });
    },
    folderDelete: async (_root, { input }, ctx) => {
      const { id, scope } = workatoIntKey('Folder', input.id, 'input.id');
      const loaders = ctx.loaders.scope(scope);
      // §13.4: projects go through DELETE /projects/:id. Projects are top-level folders, so one read of the top
      // level (often already loaded by this request) tells, without walking the tree.
      const project = (await loaders.foldersByParentId.load(HOME_LEVEL)).find((f) => f.id === id && f.is_project);
      if (project) {
        const which = project.project_id != null ? ` (project ${project.project_id})` : '';
        return payload<'deletedFolderId', string>('deletedFolderId', refused([
          inputError('FOLDER_IS_PROJECT', `Folder ${id} is a project's folder${which}; delete the project with projectDelete.`, ['input', 'id']),
        ]));
      }
      const outcome = await attempt(() => deleteFolder(loaders.api, id, input.force ? true : undefined));
      const refusals = outcome.ok ? refusalErrors(outcome.value) : outcome.userErrors;
      if (refusals.length) return payload<'deletedFolderId', string>('deletedFolderId', refused(folderErrors(refusals)));
      await forgetTree(loaders, true);
      return payload<'deletedFolderId', string>('deletedFolderId', { ok: true, value: toGlobalId('Folder', [id], scope) });
    },
  },
};

/**
 * Tag writes (REFERENCE §23; Embedded under /v2/managed_users/:id, §17.8): create, update, delete and one
 * assignment call. What the docs limit is checked before any call (a blank title, an assignment naming no recipe
 * or connection); Workato's 400/404/422 answers become userErrors. A global id names its workspace; bare handles
 * and Workato ids take `managedUser` for a customer's.
 */
import type { Resolvers } from '../generated/graphql.js';
import type { ScopedLoaders } from '../loaders/index.js';
import { tagOne } from '../loaders/scope.js';
import { assignTags, createTag, deleteTag, updateTag } from '../workato/tags.js';
import type { Workato } from '../workato/types.js';
import { write } from './managed-user-mutations.js';
import type { TagMapper, TagsAssignPayloadMapper } from './mappers.js';
import { inputError, payload, refused, type Outcome, type UserErrorValue } from './payload.js';
import { toGlobalId, type NodeType } from './relay.js';
import { resolveScope, type IdArg } from './writes.js';
import { given } from './helpers.js';

const blankTitle = (title: string | null | undefined) =>
  title != null && title.trim() === '' ? [inputError('INVALID', "title can't be blank", ['input', 'title'])] : [];

/** After a tag write: this request's tag lists, and (for deletes and assignments) what carries handles. */
function forgetTagged(loaders: ScopedLoaders, carriers: boolean): void {
  loaders.tags.forgetTags();
  if (!carriers) return;
  loaders.recipeById.clearAll();
  loaders.recipeDetailById.clearAll();
  loaders.recipeList.clearAll();
  loaders.forgetConnections();
}

/** The tag a write answered, primed; or read back by handle when the answer held none. */
async function answeredTag(loaders: ScopedLoaders, scope: string | undefined, answer: Workato.Tag | undefined, handle?: string): Promise<Outcome<TagMapper>> {
  forgetTagged(loaders, false);
  if (answer) {
    const t = tagOne(answer, scope);
    loaders.tags.tagByHandle.prime(t.handle, t);
    return { ok: true, value: t };
  }
  if (handle) return { ok: true, value: await loaders.tags.tagByHandle.load(handle) };
  return refused([inputError('REFUSED', 'Workato answered the tag create without the new tag.')]);
}

/** Wire keys of tags_assignments' validation answers → this input's fields. */
const ASSIGN_FIELDS: Record<string, string> = { addTags: 'addTagIds', removeTags: 'removeTagIds' };
const assignFields = (errors: UserErrorValue[]) =>
  errors.map((e) => (e.field?.length === 2 && ASSIGN_FIELDS[e.field[1]!] ? { ...e, field: ['input', ASSIGN_FIELDS[e.field[1]!]!] } : e));

function assignErrors(input: { addTagIds?: readonly string[] | null; removeTagIds?: readonly string[] | null; recipeIds?: readonly string[] | null; connectionIds?: readonly string[] | null }): UserErrorValue[] {
  const errors: UserErrorValue[] = [];
  // §23: recipe_ids or connection_ids is required.
  if (!input.recipeIds?.length && !input.connectionIds?.length) {
    errors.push(inputError('NOTHING_TO_CHANGE', 'Give at least one recipe or connection (`recipeIds` or `connectionIds`).', ['input', 'recipeIds']));
  }
  if (!input.addTagIds?.length && !input.removeTagIds?.length) {
    errors.push(inputError('NOTHING_TO_CHANGE', 'Give at least one tag to add or remove (`addTagIds` or `removeTagIds`).', ['input', 'addTagIds']));
  }
  return errors;
}

const ids = (values: readonly string[] | null | undefined, type: NodeType, argument: string): IdArg[] =>
  (values ?? []).map((value, i) => ({ value, type, argument: `${argument}.${i}` }));

export const tagMutationResolvers: Resolvers = {
  Mutation: {
    tagCreate: async (_root, { input }, ctx) => {
      const invalid = blankTitle(input.title);
      if (invalid.length) return payload<'tag', TagMapper>('tag', refused(invalid));
      const where = await resolveScope(ctx, [], input.managedUser);
      if (!where.ok) return payload<'tag', TagMapper>('tag', where);
      const loaders = ctx.loaders.scope(where.value.scope);
      const body = { title: input.title, ...given({ description: input.description, color: input.color }) };
      const outcome = await write(() => createTag(loaders.api, body), ['input', 'managedUser']);
      if (!outcome.ok) return payload<'tag', TagMapper>('tag', outcome);
      return payload('tag', await answeredTag(loaders, where.value.scope, outcome.value));
    },
    tagUpdate: async (_root, { input }, ctx) => {
      const invalid = blankTitle(input.title);
      if (invalid.length) return payload<'tag', TagMapper>('tag', refused(invalid));
      const where = await resolveScope(ctx, [{ value: input.id, type: 'Tag', argument: 'input.id' }], input.managedUser);
      if (!where.ok) return payload<'tag', TagMapper>('tag', where);
      const { scope, keys: [handle] } = where.value;
      const loaders = ctx.loaders.scope(scope);
      const body = given({ title: input.title, description: input.description, color: input.color });
      const outcome = await write(() => updateTag(loaders.api, handle!, body), ['input', 'id']);
      if (!outcome.ok) return payload<'tag', TagMapper>('tag', outcome);
      return payload('tag', await answeredTag(loaders, scope, outcome.value, handle));
    },
    tagDelete: async (_root, { input }, ctx) => {
      const where = await resolveScope(ctx, [{ value: input.id, type: 'Tag', argument: 'input.id' }], input.managedUser);
      if (!where.ok) return payload<'deletedTagId', string>('deletedTagId', where);
      const { scope, keys: [handle] } = where.value;
      const loaders = ctx.loaders.scope(scope);
      const outcome = await write(() => deleteTag(loaders.api, handle!), ['input', 'id']);
      if (!outcome.ok) return payload<'deletedTagId', string>('deletedTagId', outcome);
      // §23: Workato takes a deleted tag off every recipe and connection (cached connection lists carry tags).
      forgetTagged(loaders, true);
      await loaders.dropReferenceData();
      return payload('deletedTagId', { ok: true, value: toGlobalId('Tag', [handle!], scope) });
    },
    tagsAssign: async (_root, { input }, ctx): Promise<TagsAssignPayloadMapper> => {
      const invalid = assignErrors(input);
      if (invalid.length) return { ok: false, userErrors: invalid };
      const add = ids(input.addTagIds, 'Tag', 'input.addTagIds');
      const remove = ids(input.removeTagIds, 'Tag', 'input.removeTagIds');
      const recipes = ids(input.recipeIds, 'Recipe', 'input.recipeIds');
      const connections = ids(input.connectionIds, 'Connection', 'input.connectionIds');
      const where = await resolveScope(ctx, [...add, ...remove, ...recipes, ...connections], input.managedUser);
      if (!where.ok) return { ok: false, userErrors: where.userErrors };
      const { scope, keys } = where.value;
      let at = 0;
      const take = (n: number) => keys.slice(at, (at += n));
      const body = { add_tags: take(add.length), remove_tags: take(remove.length), recipe_ids: take(recipes.length).map(Number), connection_ids: take(connections.length).map(Number) };
      const loaders = ctx.loaders.scope(scope);
      const outcome = await write(() => assignTags(loaders.api, given(body)), ['input']);
      if (!outcome.ok) return { ok: false, userErrors: assignFields(outcome.userErrors) };
      forgetTagged(loaders, true);
      if (body.connection_ids.length) await loaders.dropReferenceData(); // cached connection lists carry tags
      return { ok: true, scope, recipeIds: body.recipe_ids, connectionIds: body.connection_ids, userErrors: [] };
    },
  },
  TagsAssignPayload: {
    // Read back only when selected: Workato's answer is empty (§23).
    recipes: (p, _args, ctx) => (p.ok ? Promise.all(p.recipeIds.map((id) => ctx.loaders.scope(p.scope).recipeById.load(id))) : null),
    connections: (p, _args, ctx) => (p.ok ? Promise.all(p.connectionIds.map((id) => ctx.loaders.scope(p.scope).connectionById.load(id))) : null),
    userErrors: (p) => p.userErrors,
  },
};

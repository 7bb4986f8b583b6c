/**
 * Tags and tag assignments (REFERENCE §23; Embedded under /api/v2/managed_users/:id, §17.8). The tag table is
 * seeded from `store.tags`, the handles the seeded recipes and connections carry, so both sides agree; deleting a
 * tag or (un)assigning one edits those rows' `tags`.
 */
import type { Workato } from '../../workato/types.js';
import { crudRoutes, rowsOf, type CrudSpec } from '../crud.js';
import { badRequest, type RouteDef } from '../http-helpers.js';
import { INFERRED_TAGS } from '../inferred.js';
import { handle, hash32, Rng } from '../random.js';
import type { TableSpec, WorkspaceStore } from '../store.js';
import { DAY, formatTime, SIM_NOW } from '../time.js';
import { blank, bodyId, bodyOf, Validation } from '../writes.js';

/** §23's own example handle and title, and the second Northwind handle the recipe fixtures carry. */
const NORTHWIND_TAGS: Record<string, Pick<Workato.Tag, 'title' | 'description' | 'color'>> = {
  'tag-ANgeffPL-3gxQwA': { title: 'Accounting', description: 'Finance and accounting automations', color: 'blue' },
  'tag-AQf3d2Kx-9LmNpZ': { title: 'Procurement', description: 'Purchasing and vendor workflows', color: 'orange' },
};

const TITLES: Array<[string, string | null]> = [
  ['Sales ops', 'Lead-to-cash automations'],
  ['HR', null],
  ['Critical', 'Page on-call when these fail'],
  ['Customer success', 'Onboarding and renewals'],
  ['Data sync', null],
  ['Deprecated', 'Scheduled for removal'],
];

function seedTags(store: WorkspaceStore): Workato.Tag[] {
  const rng = new Rng(hash32(store.index, 23));
  const titles = rng.sample(TITLES, TITLES.length);
  return store.tags.map((h, i) => {
    const known = NORTHWIND_TAGS[h];
    const [title, description] = titles[i % titles.length]!;
    const created = SIM_NOW - rng.int(40, 400) * DAY;
    return {
      handle: h,
      title: known?.title ?? title,
      description: known ? known.description : description,
      color: known?.color ?? rng.pick(INFERRED_TAGS.colors),
      created_at: formatTime(created),
      updated_at: formatTime(created + rng.int(0, 30) * DAY),
    };
  });
}

export const TAGS: TableSpec<Workato.Tag, string> = { name: 'tags', idOf: (tag) => tag.handle, seed: seedTags };

/** Optional string fields of a tag write: a non-string → 400 validation; title may not be blank. */
function readTagBody(body: Record<string, unknown>, creating: boolean): Workato.TagWrite {
  const v = new Validation();
  const out: Workato.TagWrite = {};
  if (creating || 'title' in body) {
    if (blank(body.title)) v.add('title', "can't be blank");
    else if ((body.title as string).length > INFERRED_TAGS.maxTitle) v.add('title', `is too long (maximum is ${INFERRED_TAGS.maxTitle} characters)`);
    else out.title = (body.title as string).trim();
  }
  for (const key of ['description', 'color'] as const) {
    const value = body[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') v.add(key, 'must be a String');
    else out[key] = value;
  }
  v.check();
  return out;
}

const spec: CrudSpec<Workato.Tag, string> = {
  table: TAGS,
  path: '/api/tags',
  param: 'handle',
  parseId: (raw) => raw,
  embedded: 'v2/managed_users',
  list: {
    // §23 [wk]: `q` searches; case-insensitive substring of the title [inferred].
    filter: (tag, ctx) => {
      const q = ctx.query.string('q')?.toLowerCase();
      return q === undefined || (tag.title ?? '').toLowerCase().includes(q);
    },
    // §23 [wk]: `{"data": {"tags": [...]}}`, as production answers.
    envelope: (rows) => ({ data: { tags: rows } }),
  },
  create: {
    build: (body, ctx) => {
      const write = readTagBody(body, true);
      // §5: at most 1,000 tags per workspace.
      if (ctx.rows.size >= INFERRED_TAGS.maxTags) throw badRequest(INFERRED_TAGS.limitMessage);
      const now = ctx.now();
      const h = handle('tag', new Rng(hash32(ctx.store.index, ctx.nextId(), 23)));
      return { handle: h, title: write.title!, description: write.description ?? null, color: write.color ?? null, created_at: now, updated_at: now };
    },
  },
  update: {
    apply: (tag, body, ctx) => {
      Object.assign(tag, readTagBody(body, false), { updated_at: ctx.now() });
    },
  },
  remove: {
    // The handle leaves every recipe and connection that carried it.
    check: (tag, ctx) => {
      for (const row of ctx.store.recipes.values()) row.tags = row.tags.filter((h) => h !== tag.handle);
      for (const row of ctx.store.connections.values()) row.tags = row.tags.filter((h) => h !== tag.handle);
      ctx.store.touch();
    },
  },
};

/** A list of handles or ids in an assignment body; anything else is a validation error on that key. */
function listOf<T>(v: Validation, body: Record<string, unknown>, key: string, read: (x: unknown) => T | undefined): T[] {
  const value = body[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    v.add(key, 'must be an Array');
    return [];
  }
  const out: T[] = [];
  for (const item of value) {
    const parsed = read(item);
    if (parsed === undefined) v.add(key, `has an invalid entry ${JSON.stringify(item)}`);
    else out.push(parsed);
  }
  return out;
}

const handleOf = (x: unknown) => (typeof x === 'string' && x.trim() !== '' ? x : undefined);

/** POST /api/tags_assignments (§23): all-or-nothing; success is 200 with an empty body. */
const assignRoute: RouteDef = {
  method: 'POST',
  path: '/api/tags_assignments',
  embedded: 'v2/managed_users',
  handler: async (ctx) => {
    const body = await bodyOf(ctx);
    const v = new Validation();
    const add = listOf(v, body, 'add_tags', handleOf);
    const remove = listOf(v, body, 'remove_tags', handleOf);
    const recipeIds = listOf(v, body, 'recipe_ids', bodyId);
    const connectionIds = listOf(v, body, 'connection_ids', bodyId);
    if (recipeIds.length === 0 && connectionIds.length === 0) v.add('recipe_ids', INFERRED_TAGS.targetsRequired);
    const tags = rowsOf(ctx.store, TAGS);
    for (const [key, handles] of [['add_tags', add], ['remove_tags', remove]] as const) {
      for (const h of handles) if (!tags.has(h)) v.add(key, `${h} not found`);
    }
    for (const id of recipeIds) if (!ctx.store.recipes.has(id)) v.add('recipe_ids', `${id} not found`);
    for (const id of connectionIds) if (!ctx.store.connections.has(id)) v.add('connection_ids', `${id} not found`);
    v.check();
    const retag = (row: { tags: string[] }) => {
      row.tags = [...new Set([...row.tags.filter((h) => !remove.includes(h)), ...add])];
    };
    for (const id of recipeIds) retag(ctx.store.recipes.get(id)!);
    for (const id of connectionIds) retag(ctx.store.connections.get(id)!);
    ctx.store.touch();
    return { status: 200, body: undefined };
  },
};

export const tagRoutes: RouteDef[] = [...crudRoutes(spec), assignRoute];

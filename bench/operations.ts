/**
 * The benchmark's named operations: each is a GraphQL document for the gateway and the plan a careful hand-written
 * REST client follows for the same data (its floor). Floors are computed by doing the calls (bench/rest.ts counts
 * them and their critical path), never typed in by hand. Both sides only use documented Workato behaviour:
 * `with_nested_folders` (whole folder subtree in one call) is [inferred] in REFERENCE §13.1, so neither uses it.
 * No operation reads a recipe's `code`, so recipe lists ask `exclude_code=true` (§10.1, Workato's OpenAPI spec).
 */
import { allPages, deepest, type Reply, type RestClient } from './rest.js';

/** Ids picked from the simulator once, before measuring (bench/fixtures.ts). */
export interface Fixtures {
  /** A recipe with at least 50 jobs. */
  jobsRecipeId: number;
  /** 100 recipe ids spread over the whole workspace (every third recipe, newest first). */
  entityIds: number[];
  /** Running recipes that start cleanly: the start+stop pair rotates over them, so concurrent runs never collide. */
  startStopIds: number[];
  /** An Embedded customer with recipes (REFERENCE §17). */
  managedUserId: number;
}

export interface Operation {
  name: string;
  title: string;
  query: string;
  variables(fx: Fixtures, run: number): Record<string, unknown> | undefined;
  /** The direct-REST plan for the same data. */
  floor(client: RestClient, fx: Fixtures, run: number): Promise<void>;
  /** Root field the operation needs; absent from the schema → reported as "not available yet". */
  needs: string;
  /** What a correct answer looks like; a message when it does not. */
  check(data: any): string | undefined;
  /** Operations that change state are run one at a time per recipe (rotating ids). */
  mutation?: boolean;
}

interface Recipe {
  id: number;
  folder_id?: number | null;
  trigger_application?: string | null;
  config?: Array<{ account_id?: number | string | null }> | null;
}
interface Folder {
  id: number;
  parent_id: number | null;
}

const expect = (ok: boolean, message: string) => (ok ? undefined : message);

/** The Home level of the folder tree (REFERENCE §13.1: the list without `parent_id`), all its pages. */
const homeLevel = (c: RestClient) => allPages<Folder>(c, (p) => `/folders?page=${p}&per_page=100`, 0);

/**
 * Breadth-first from Home, one level per round trip, all folders of a level listed together, stopping when every
 * wanted folder is found (REFERENCE §13: no get-by-id, one level per call). `top` is the Home level, listed by the
 * caller (it needs nothing, so it can go out with the call that names the wanted folders); `after` is that call's
 * depth. Returns the depth reached.
 */
async function findFolders(c: RestClient, wanted: Set<number>, top: Reply<Folder[]>, after: number): Promise<number> {
  if (wanted.size === 0) return after;
  const remaining = new Set(wanted);
  let depth = deepest(top.depth, after);
  let root = top.body[0]?.parent_id ?? undefined;
  if (root === undefined) {
    const me = await c.get<{ root_folder_id: number }>('/users/me', depth);
    [root, depth] = [me.body.root_folder_id, me.depth];
  }
  remaining.delete(root);
  let level = top.body;
  while (level.length > 0) {
    for (const f of level) remaining.delete(f.id);
    if (remaining.size === 0) break;
    const next = await Promise.all(level.map((f) => allPages<Folder>(c, (p) => `/folders?parent_id=${f.id}&page=${p}&per_page=100`, depth)));
    depth = deepest(...next.map((n) => n.depth));
    level = next.flatMap((n) => n.body);
  }
  return depth;
}

/** Connection ids a recipe's config points at (account_id, REFERENCE §8.2). */
const connectionIds = (r: Recipe) => (r.config ?? []).map((e) => Number(e.account_id)).filter((n) => Number.isInteger(n) && n > 0);

/**
 * Recipes by id with the fewest calls: walk the id-descending list with `since_id` (REFERENCE §6), each page
 * starting just above the highest id not yet seen, so each call covers the next 100 recipes from a wanted one.
 */
async function recipesByIds(c: RestClient, ids: number[], after: number): Promise<number> {
  const wanted = [...new Set(ids)].sort((a, b) => b - a);
  let depth = after;
  let i = 0;
  while (i < wanted.length) {
    const page = await c.get<{ items: Recipe[] }>(`/recipes?since_id=${wanted[i]! + 1}&per_page=100&exclude_code=true`, depth);
    depth = page.depth;
    const items = page.body.items;
    const lowest = items.length < 100 ? -Infinity : items[items.length - 1]!.id;
    while (i < wanted.length && wanted[i]! >= lowest) i++;
  }
  return depth;
}

export const OPERATIONS: Operation[] = [
  {
    name: 'me',
    title: 'the current user',
    needs: 'me',
    query: 'query CurrentUser { me { id workatoId name companyName planId recipesCount activeRecipesCount } }',
    variables: () => undefined,
    floor: async (c) => {
      await c.get('/users/me');
    },
    check: (d) => expect(typeof d?.me?.name === 'string', 'me.name missing'),
  },
  {
    name: 'recipes',
    title: '25 recipes',
    needs: 'recipes',
    query: `query Recipes {
      recipes(first: 25) {
        pageInfo { hasNextPage endCursor }
        nodes { id workatoId name running lastRunAt triggerApplication }
      }
    }`,
    variables: () => undefined,
    // One look-ahead item answers hasNextPage (REFERENCE §6: no total count).
    floor: async (c) => {
      await c.get('/recipes?per_page=26&exclude_code=true');
    },
    check: (d) => expect(d?.recipes?.nodes?.length === 25, 'expected 25 recipes'),
  },
  {
    name: 'recipes-relations',
    title: '25 recipes with folder, connections, trigger connector',
    needs: 'recipes',
    query: `query RecipesWithRelations {
      recipes(first: 25) {
        nodes {
          id name running
          folder { id name }
          connections { id name connected }
          triggerConnector { name title }
        }
      }
    }`,
    variables: () => undefined,
    // The page and the Home folder level together (the folder walk starts there and needs nothing from the page),
    // then three independent lookups together: the connection list (no get-by-id, §12), the connectors of all
    // trigger apps in one call (§16.1), and the rest of the folder walk (§13).
    floor: async (c) => {
      const [page, top] = await Promise.all([c.get<{ items: Recipe[] }>('/recipes?per_page=25&exclude_code=true'), homeLevel(c)]);
      const recipes = page.body.items;
      const apps = [...new Set(recipes.map((r) => r.trigger_application).filter((a): a is string => Boolean(a)))].sort();
      const folders = new Set(recipes.map((r) => r.folder_id).filter((f): f is number => typeof f === 'number'));
      await Promise.all([
        recipes.some((r) => connectionIds(r).length > 0) ? c.get('/connections', page.depth) : undefined,
        apps.length ? c.get(`/integrations?applications=${apps.map(encodeURIComponent).join(',')}`, page.depth) : undefined,
        findFolders(c, folders, top, page.depth),
      ]);
    },
    check: (d) =>
      expect(
        d?.recipes?.nodes?.length === 25 && d.recipes.nodes.every((r: any) => r.folder?.name && Array.isArray(r.connections)),
        'expected 25 recipes, each with its folder',
      ),
  },
  {
    name: 'recipe-jobs',
    title: 'one recipe with its last 50 jobs',
    needs: 'recipe',
    query: `query RecipeJobs($id: ID!) {
      recipe(id: $id) {
        id name running
        jobs(first: 50) { totalCount nodes { id handle status startedAt completedAt } }
      }
    }`,
    variables: (fx) => ({ id: String(fx.jobsRecipeId) }),
    // The jobs list needs only the recipe id the caller already has: both calls go out together.
    floor: async (c, fx) => {
      await Promise.all([c.get(`/recipes/${fx.jobsRecipeId}`), c.get(`/recipes/${fx.jobsRecipeId}/jobs?per_page=50`)]);
    },
    check: (d) => expect(d?.recipe?.jobs?.nodes?.length === 50, 'expected 50 jobs'),
  },
  {
    name: 'recipe-id-jobs',
    title: "a recipe's last 25 jobs, by the id the caller has",
    needs: 'recipe',
    query: `query RecipeIdJobs($id: ID!) {
      recipe(id: $id) {
        id
        jobs(first: 25) { nodes { id handle status startedAt completedAt } }
      }
    }`,
    variables: (fx) => ({ id: String(fx.jobsRecipeId) }),
    // Nothing asked of the recipe needs Workato's recipe: the jobs list alone.
    floor: async (c, fx) => {
      await c.get(`/recipes/${fx.jobsRecipeId}/jobs?per_page=25`);
    },
    check: (d) => expect(d?.recipe?.jobs?.nodes?.length === 25, 'expected 25 jobs'),
  },
  {
    name: 'customer-recipes',
    title: "a managed user's recipes with their jobs",
    needs: 'managedUser',
    query: `query CustomerRecipes($id: ID!) {
      managedUser(id: $id) {
        id name
        recipes(first: 10) {
          nodes { id name running jobs(first: 5) { totalCount nodes { handle status } } }
        }
      }
    }`,
    variables: (fx) => ({ id: String(fx.managedUserId) }),
    // The customer and its recipe page together (both need only the id), then every recipe's jobs together (§17.4, §17.5).
    floor: async (c, fx) => {
      const base = `/managed_users/${fx.managedUserId}`;
      const [, page] = await Promise.all([c.get(base), c.get<{ result: Recipe[] }>(`${base}/recipes?per_page=10&exclude_code=true`)]);
      await Promise.all(page.body.result.map((r) => c.get(`${base}/recipes/${r.id}/jobs?per_page=5`, page.depth)));
    },
    check: (d) =>
      expect(
        typeof d?.managedUser?.name === 'string' && d.managedUser.recipes?.nodes?.length > 0 && d.managedUser.recipes.nodes.every((r: any) => r.jobs),
        "expected the customer's recipes with jobs",
      ),
  },
  {
    name: 'entities',
    title: 'federation _entities: 100 recipes',
    needs: '_entities',
    query: `query Entities($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Recipe { id workatoId name running } }
    }`,
    variables: (fx) => ({ representations: fx.entityIds.map((id) => ({ __typename: 'Recipe', workatoId: String(id) })) }),
    floor: async (c, fx) => {
      await recipesByIds(c, fx.entityIds, 0);
    },
    check: (d) => expect(d?._entities?.length === 100 && d._entities.every((r: any) => r?.name), 'expected 100 recipes'),
  },
  {
    name: 'start-stop',
    title: 'recipeStop + recipeStart on a running recipe',
    needs: 'recipeStop',
    mutation: true,
    // Both payloads ask only `id` and `running`, which Workato's `{"success": true}` settles (REFERENCE §10.7):
    // the two writes, one after the other (mutation fields run in order), and nothing to read back.
    query: `mutation StopStart($stop: RecipeStopInput!, $start: RecipeStartInput!) {
      stop: recipeStop(input: $stop) { recipe { id running } userErrors { code message } }
      start: recipeStart(input: $start) { recipe { id running } userErrors { code message } }
    }`,
    variables: (fx, run) => {
      const id = String(fx.startStopIds[run % fx.startStopIds.length]);
      return { stop: { id }, start: { id } };
    },
    floor: async (c, fx, run) => {
      const id = fx.startStopIds[run % fx.startStopIds.length];
      const stop = await c.put(`/recipes/${id}/stop`);
      await c.put(`/recipes/${id}/start`, stop.depth);
    },
    check: (d) =>
      expect(
        d?.stop?.recipe?.running === false && d?.start?.recipe?.running === true && !d.stop.userErrors.length && !d.start.userErrors.length,
        'expected stopped then running, without userErrors',
      ),
  },
];

/**
 * The read operations a script runs: BENCH_OPERATIONS (comma-separated names) or `defaults`; an unknown name or a
 * mutation is refused, naming the script.
 */
export function readOperations(script: string, requested: string | undefined, defaults: string[]): Operation[] {
  const names = requested ? requested.split(',').map((s) => s.trim()).filter(Boolean) : defaults;
  return names.map((name) => {
    const op = OPERATIONS.find((o) => o.name === name);
    if (!op) throw new Error(`no operation ${name} (bench/operations.ts)`);
    if (op.mutation) throw new Error(`${name} changes state: ${script} runs reads only`);
    return op;
  });
}

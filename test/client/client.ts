/**
 * A small front-end data layer over the gateway, written the way a front-end team would: @urql/core with the typed
 * document nodes generated from the .graphql files next to this one (`npm run codegen`), fragment masking for
 * "components", and no hand-written response types. `npm run typecheck` compiles it; client.test.ts runs it.
 */
import { Client, cacheExchange, fetchExchange, type AnyVariables, type OperationResult } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { getFragmentData, type FragmentType } from './generated/fragment-masking.js';
import {
  ConnectionHealthFragmentDoc,
  DashboardDocument,
  JobRowFragmentDoc,
  RecipeDetailDocument,
  RecipeStartDocument,
  RecipeStopDocument,
  RecipeSummaryFragmentDoc,
  type DashboardQuery,
} from './generated/graphql.js';

/** One client per signed-in user: the token is Workato's API client token, sent as a bearer token. */
export function createGatewayClient(url: string, token: string): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    // Operations travel as POST, like most front-ends behind a CDN-less gateway; GET also works (yoga accepts both).
    preferGetMethod: false,
  });
}

/**
 * The same client sending automatic persisted queries (urql's persisted exchange, Apollo's protocol): the SHA-256 of
 * each document by GET, and its text only the first time the gateway does not know it.
 */
export function createPersistedGatewayClient(url: string, token: string, fetchFn: typeof fetch = fetch): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, persistedExchange({ preferGetForPersistedQueries: true }), fetchExchange],
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    fetch: fetchFn,
    requestPolicy: 'network-only',
  });
}

/** Resolves to the data, or throws the operation's error (network failure or GraphQL errors) with its message. */
async function run<Data, Variables extends AnyVariables>(
  pending: Promise<OperationResult<Data, Variables>>,
): Promise<Data> {
  const result = await pending;
  if (result.error) throw result.error;
  if (!result.data) throw new Error('The gateway answered without data');
  return result.data;
}

// "Components": each reads only its own fragment's fields; the compiler rejects anything else.

/** One line of a recipe list. */
export function recipeLine(recipe: FragmentType<typeof RecipeSummaryFragmentDoc>): string {
  const r = getFragmentData(RecipeSummaryFragmentDoc, recipe);
  return `${r.name} — ${r.running ? 'running' : 'stopped'} in ${r.folder?.name ?? 'Home'}`;
}

/** One failed job under a recipe. */
export function jobLine(job: FragmentType<typeof JobRowFragmentDoc>): string {
  const j = getFragmentData(JobRowFragmentDoc, job);
  return `${j.handle} ${j.status}: ${j.error ?? j.title ?? ''}`.trim();
}

export interface Badge {
  name: string;
  ok: boolean;
  reason: string | null;
}

/** A connection badge: green, or red with the reason. */
export function connectionBadge(connection: FragmentType<typeof ConnectionHealthFragmentDoc>): Badge {
  const c = getFragmentData(ConnectionHealthFragmentDoc, connection);
  return { name: c.name, ok: c.connected, reason: c.connected ? null : (c.authorizationError ?? c.authorizationStatus) };
}

export interface DashboardView {
  workspace: string;
  recipes: Array<{ id: string; line: string; failedJobs: number | null; jobs: string[] }>;
  brokenConnections: Badge[];
  nextCursor: string | null;
}

/** The dashboard page: one request, rendered through the components above. */
export async function loadDashboard(client: Client, first = 10): Promise<DashboardView> {
  const data: DashboardQuery = await run(client.query(DashboardDocument, { first }).toPromise());
  const recipes = data.recipes?.nodes ?? [];
  return {
    workspace: data.me?.name ?? '',
    recipes: recipes.map((recipe) => ({
      id: getFragmentData(RecipeSummaryFragmentDoc, recipe).id,
      line: recipeLine(recipe),
      failedJobs: recipe.jobs?.totalCount ?? null,
      jobs: (recipe.jobs?.nodes ?? []).map(jobLine),
    })),
    brokenConnections: (data.connections?.nodes ?? []).map(connectionBadge).filter((badge) => !badge.ok),
    nextCursor: data.recipes?.pageInfo.hasNextPage ? data.recipes.pageInfo.endCursor : null,
  };
}

/** A recipe detail page, by the global id a list gave us; null when the id names something else or nothing. */
export async function loadRecipe(client: Client, id: string) {
  const { node } = await run(client.query(RecipeDetailDocument, { id }).toPromise());
  if (node?.__typename !== 'Recipe') return null;
  return { line: recipeLine(node), description: node.description, applications: node.applications };
}

export type RecipeAction = 'start' | 'stop';

/** The start/stop button: the recipe as it is now, or the reasons Workato gave for refusing. */
export async function toggleRecipe(client: Client, id: string, action: RecipeAction) {
  if (action === 'start') {
    const { recipeStart } = await run(client.mutation(RecipeStartDocument, { id }).toPromise());
    return {
      line: recipeStart.recipe ? recipeLine(recipeStart.recipe) : null,
      problems: recipeStart.userErrors.map((e) => (e.__typename === 'RecipeStepError' ? `step ${e.step}: ${e.message}` : e.message)),
      codes: recipeStart.userErrors.map((e) => e.code),
    };
  }
  const { recipeStop } = await run(client.mutation(RecipeStopDocument, { id }).toPromise());
  return {
    line: recipeStop.recipe ? recipeLine(recipeStop.recipe) : null,
    problems: recipeStop.userErrors.map((e) => e.message),
    codes: recipeStop.userErrors.map((e) => e.code),
  };
}

import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';

/** The query GraphiQL opens on: nested data from four REST families, batched into a handful of calls. */
export const EXAMPLE_QUERY = /* GraphQL */ `# Welcome to the Workato GraphQL gateway.
# One request below reads the workspace, recipes with their folder, connections,
# connectors and latest jobs. Press the run button (or Ctrl-Enter).
# Authentication: add {"Authorization": "Bearer <Workato API client token>"} in the
# Headers tab below (not needed in demo mode or with WORKATO_API_TOKEN set).
query RecipesOverview {
  me {
    name
    activeRecipesCount
  }
  recipes(first: 10) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      name
      running
      folder { name parent { name } }
      triggerConnector { title }
      connections { name application connected }
      jobs(first: 3) {
        totalCount
        failedCount
        nodes { handle status title completedAt }
      }
    }
  }
}
`;

/**
 * GraphiQL served by the gateway itself, with every asset inlined by @graphql-yoga/render-graphiql: nothing is
 * fetched from a CDN (yoga's default page loads from unpkg, which fails offline and behind strict CSPs).
 * The page is large (~9 MB) and its options never change, so it is rendered once.
 */
export function createGraphiQLRenderer(): (options: GraphiQLOptions) => string {
  let html: string | undefined;
  return (options) => (html ??= renderGraphiQL(options));
}

export const graphiqlOptions: GraphiQLOptions = {
  title: 'Workato GraphQL gateway',
  defaultQuery: EXAMPLE_QUERY,
  headers: JSON.stringify({}),
  shouldPersistHeaders: false,
  defaultEditorToolsVisibility: 'headers',
};

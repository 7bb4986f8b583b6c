/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Dashboard($first: Int!, $jobs: Int = 3) {\n  me {\n    id\n    name\n    activeRecipesCount\n  }\n  recipes(first: $first, running: true) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...RecipeSummary\n      jobs(first: $jobs, status: FAILED) {\n        totalCount\n        nodes {\n          ...JobRow\n        }\n      }\n    }\n  }\n  connections(first: 100) {\n    nodes {\n      ...ConnectionHealth\n    }\n  }\n}\n\nquery RecipeDetail($id: ID!) {\n  node(id: $id) {\n    id\n    ... on Recipe {\n      ...RecipeSummary\n      description\n      applications\n    }\n  }\n}": typeof types.DashboardDocument,
    "fragment RecipeSummary on Recipe {\n  id\n  workatoId\n  name\n  running\n  lastRunAt\n  folder {\n    id\n    name\n  }\n}\n\nfragment JobRow on Job {\n  id\n  handle\n  status\n  title\n  error\n  completedAt\n}\n\nfragment ConnectionHealth on Connection {\n  id\n  name\n  application\n  connected\n  authorizationStatus\n  authorizationError\n  connectionLostAt\n}": typeof types.RecipeSummaryFragmentDoc,
    "mutation RecipeStart($id: ID!) {\n  recipeStart(input: {id: $id}) {\n    recipe {\n      ...RecipeSummary\n    }\n    userErrors {\n      message\n      code\n      field\n      ... on RecipeStepError {\n        step\n        label\n      }\n    }\n  }\n}\n\nmutation RecipeStop($id: ID!) {\n  recipeStop(input: {id: $id}) {\n    recipe {\n      ...RecipeSummary\n    }\n    userErrors {\n      message\n      code\n      field\n    }\n  }\n}": typeof types.RecipeStartDocument,
};
const documents: Documents = {
    "query Dashboard($first: Int!, $jobs: Int = 3) {\n  me {\n    id\n    name\n    activeRecipesCount\n  }\n  recipes(first: $first, running: true) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...RecipeSummary\n      jobs(first: $jobs, status: FAILED) {\n        totalCount\n        nodes {\n          ...JobRow\n        }\n      }\n    }\n  }\n  connections(first: 100) {\n    nodes {\n      ...ConnectionHealth\n    }\n  }\n}\n\nquery RecipeDetail($id: ID!) {\n  node(id: $id) {\n    id\n    ... on Recipe {\n      ...RecipeSummary\n      description\n      applications\n    }\n  }\n}": types.DashboardDocument,
    "fragment RecipeSummary on Recipe {\n  id\n  workatoId\n  name\n  running\n  lastRunAt\n  folder {\n    id\n    name\n  }\n}\n\nfragment JobRow on Job {\n  id\n  handle\n  status\n  title\n  error\n  completedAt\n}\n\nfragment ConnectionHealth on Connection {\n  id\n  name\n  application\n  connected\n  authorizationStatus\n  authorizationError\n  connectionLostAt\n}": types.RecipeSummaryFragmentDoc,
    "mutation RecipeStart($id: ID!) {\n  recipeStart(input: {id: $id}) {\n    recipe {\n      ...RecipeSummary\n    }\n    userErrors {\n      message\n      code\n      field\n      ... on RecipeStepError {\n        step\n        label\n      }\n    }\n  }\n}\n\nmutation RecipeStop($id: ID!) {\n  recipeStop(input: {id: $id}) {\n    recipe {\n      ...RecipeSummary\n    }\n    userErrors {\n      message\n      code\n      field\n    }\n  }\n}": types.RecipeStartDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Dashboard($first: Int!, $jobs: Int = 3) {\n  me {\n    id\n    name\n    activeRecipesCount\n  }\n  recipes(first: $first, running: true) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...RecipeSummary\n      jobs(first: $jobs, status: FAILED) {\n        totalCount\n        nodes {\n          ...JobRow\n        }\n      }\n    }\n  }\n  connections(first: 100) {\n    nodes {\n      ...ConnectionHealth\n    }\n  }\n}\n\nquery RecipeDetail($id: ID!) {\n  node(id: $id) {\n    id\n    ... on Recipe {\n      ...RecipeSummary\n      description\n      applications\n    }\n  }\n}"): (typeof documents)["query Dashboard($first: Int!, $jobs: Int = 3) {\n  me {\n    id\n    name\n    activeRecipesCount\n  }\n  recipes(first: $first, running: true) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...RecipeSummary\n      jobs(first: $jobs, status: FAILED) {\n        totalCount\n        nodes {\n          ...JobRow\n        }\n      }\n    }\n  }\n  connections(first: 100) {\n    nodes {\n      ...ConnectionHealth\n    }\n  }\n}\n\nquery RecipeDetail($id: ID!) {\n  node(id: $id) {\n    id\n    ... on Recipe {\n      ...RecipeSummary\n      description\n      applications\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment RecipeSummary on Recipe {\n  id\n  workatoId\n  name\n  running\n  lastRunAt\n  folder {\n    id\n    name\n  }\n}\n\nfragment JobRow on Job {\n  id\n  handle\n  status\n  title\n  error\n  completedAt\n}\n\nfragment ConnectionHealth on Connection {\n  id\n  name\n  application\n  connected\n  authorizationStatus\n  authorizationError\n  connectionLostAt\n}"): (typeof documents)["fragment RecipeSummary on Recipe {\n  id\n  workatoId\n  name\n  running\n  lastRunAt\n  folder {\n    id\n    name\n  }\n}\n\nfragment JobRow on Job {\n  id\n  handle\n  status\n  title\n  error\n  completedAt\n}\n\nfragment ConnectionHealth on Connection {\n  id\n  name\n  application\n  connected\n  authorizationStatus\n  authorizationError\n  connectionLostAt\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecipeStart($id: ID!) {\n  recipeStart(input: {id: $id}) {\n    recipe {\n      ...RecipeSummary\n    }\n    userErrors {\n      message\n      code\n      field\n      ... on RecipeStepError {\n        step\n        label\n      }\n    }\n  }\n}\n\nmutation RecipeStop($id: ID!) {\n  recipeStop(input: {id: $id}) {\n    recipe {\n      ...RecipeSummary\n    }\n    userErrors {\n      message\n      code\n      field\n    }\n  }\n}"): (typeof documents)["mutation RecipeStart($id: ID!) {\n  recipeStart(input: {id: $id}) {\n    recipe {\n      ...RecipeSummary\n    }\n    userErrors {\n      message\n      code\n      field\n      ... on RecipeStepError {\n        step\n        label\n      }\n    }\n  }\n}\n\nmutation RecipeStop($id: ID!) {\n  recipeStop(input: {id: $id}) {\n    recipe {\n      ...RecipeSummary\n    }\n    userErrors {\n      message\n      code\n      field\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
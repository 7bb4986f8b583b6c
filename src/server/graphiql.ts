import type { GraphiQLOptions } from 'graphql-yoga';
import { GRAPHIQL_EXAMPLES } from './graphiql-examples.js';

/** The query GraphiQL opens on (the first example tab). */
export const EXAMPLE_QUERY = GRAPHIQL_EXAMPLES[0].query;

/** A small mark for the header and the browser tab, inline so nothing is fetched (a node graph in a rounded square). */
const MARK = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
<rect width="32" height="32" rx="7" fill="#1b3a4b"/><g stroke="#7fdbca" stroke-width="2" fill="#7fdbca">
<path d="M9 10 L23 10 L16 22 Z" fill="none"/><circle cx="9" cy="10" r="3"/><circle cx="23" cy="10" r="3"/>
<circle cx="16" cy="22" r="3"/></g></svg>`;

/**
 * GraphiQL served by the gateway itself (plugins/graphiql-page.ts, graphiql-page.ts), every asset from the gateway:
 * nothing is fetched from a CDN (yoga's default page loads from unpkg, which fails offline and behind strict CSPs).
 * test/graphiql.browser.test.ts checks that in a real browser.
 */
export const graphiqlOptions: GraphiQLOptions = {
  title: 'Workato GraphQL gateway',
  logo: MARK,
  favicon: `data:image/svg+xml,${encodeURIComponent(MARK)}`,
  // One tab per domain, used on a first visit (afterwards GraphiQL restores the person's own tabs).
  defaultTabs: GRAPHIQL_EXAMPLES.map(({ query, variables }) => ({ query, variables: variables ?? null, headers: null })),
  defaultQuery: EXAMPLE_QUERY,
  // Tokens are secrets: never written to the browser's storage. The tabs' comments say where the token goes.
  headers: JSON.stringify({}),
  shouldPersistHeaders: false,
  defaultEditorToolsVisibility: 'headers',
};

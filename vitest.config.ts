import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module). Node loads yoga's `graphql` as CJS; make Vite load ours the
    // same way, or two GraphQLError classes exist and yoga's `instanceof` checks fail (dual package hazard).
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores on CI: keep the number of simultaneous servers small.
    maxWorkers: 2,
  },
});

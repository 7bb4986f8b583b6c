/**
 * GraphiQL in a real browser, used the way a person would: headless Chromium opens the gateway's page, runs an
 * example, is told to send a token, types one into the Headers editor, types a query of its own, and reads the docs.
 * It saves a screenshot to test/artifacts/ (and, with UPDATE_SCREENSHOT=1, to docs/graphiql.png for the README: not
 * on every run, where a few changed pixels would leave the working tree dirty), and proves that the page never
 * reaches past loopback. Without Chromium: fails on CI, is skipped with a message elsewhere (support/browser.ts).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, type OperationDefinitionNode } from 'graphql';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_EXAMPLES } from '../src/server/graphiql-examples.js';
import { browserAvailability, CHROMIUM_MISSING, offLoopback, openBrowser, type BrowserSession } from './support/browser.js';
import { startStack, type Stack } from './support/stack.js';

const SCREENSHOTS = [
  new URL('./artifacts/graphiql.png', import.meta.url),
  ...(process.env.UPDATE_SCREENSHOT === '1' ? [new URL('../docs/graphiql.png', import.meta.url)] : []),
];
const CALLS_SCREENSHOTS = [
  new URL('./artifacts/graphiql-calls.png', import.meta.url),
  ...(process.env.UPDATE_SCREENSHOT === '1' ? [new URL('../docs/graphiql-calls.png', import.meta.url)] : []),
];
const availability = browserAvailability();
if (availability === 'skip') console.warn(`SKIPPED test/graphiql.browser.test.ts: ${CHROMIUM_MISSING}`);

describe.runIf(availability === 'fail')('GraphiQL in a real browser', () => {
  it('needs Chromium on CI', () => {
    throw new Error(CHROMIUM_MISSING);
  });
});

describe.runIf(availability === 'present')('GraphiQL in a real browser', () => {
  let stack: Stack;
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    // No server-side token: like a gateway in front of a real workspace, each caller sends their own.
    stack = await startStack();
    session = await openBrowser();
    page = session.page;
  }, 60_000);
  afterAll(async () => {
    await session?.close();
    await stack?.close();
  });

  const queryEditor = () => page.locator('.graphiql-query-editor');
  const headersEditor = () => page.locator('.graphiql-editor-tool .graphiql-editor').last();
  const response = () => page.locator('.graphiql-response .view-lines');
  /** What a person reads in an editor: Monaco renders spaces as U+00A0 and wraps long lines. */
  const textOf = async (locator: Locator) => (await locator.innerText()).replace(/[\s\u00a0]+/g, ' ').trim();
  const responseText = () => textOf(response());
  const run = () => page.getByRole('button', { name: /Execute query/ }).click();

  /** Replaces an editor's text by typing, like a person. Monaco auto-closes brackets and quotes; drop what it added. */
  async function typeInto(editor: Locator, text: string) {
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(text, { delay: 5 });
    await page.keyboard.press('Shift+ControlOrMeta+End');
    await page.keyboard.press('Delete');
    await page.keyboard.press('ControlOrMeta+Home');
    await expect.poll(() => textOf(editor.locator('.view-lines'))).toBe(text);
  }

  it('opens with a title that says what it is and one example tab per domain', async () => {
    await page.goto(stack.gateway.url);
    await page.getByRole('tab').first().waitFor();
    expect(await page.title()).toBe('Workato GraphQL gateway');
    await expect.poll(() => page.locator('.graphiql-logo').innerText()).toContain('Workato GraphQL gateway');
    // GraphiQL titles a tab with its first operation's name.
    const names = GRAPHIQL_EXAMPLES.map((example) => (parse(example.query).definitions[0] as OperationDefinitionNode).name?.value);
    expect(await page.getByRole('tab').allInnerTexts()).toEqual(names);
    await expect.poll(() => textOf(queryEditor().locator('.view-lines'))).toContain('{"Authorization": "Bearer <API client token>"}');
  });

  it('runs the first example, is told to send a token, and sees the data once the Headers editor has one', async () => {
    await run();
    await expect.poll(responseText, { timeout: 15_000 }).toContain('UNAUTHENTICATED');
    expect(await responseText()).toContain('send `Authorization: Bearer <Workato API client token>`');

    await page.getByRole('button', { name: 'Headers' }).click();
    await typeInto(headersEditor(), `{"Authorization": "Bearer ${stack.sim.token}"}`);
    await run();
    await expect.poll(responseText, { timeout: 15_000 }).toContain('"name": "Northwind Ops"');
    expect(await responseText()).not.toContain('"errors"');

    // The screenshot for the README: the example, its data, and the header where the token goes.
    await page.locator('.graphiql-logo').click(); // moves the focus out of the editors: no cursor in the picture
    for (const file of SCREENSHOTS) {
      mkdirSync(new URL('.', file), { recursive: true });
      await page.screenshot({ path: fileURLToPath(file), animations: 'disabled', caret: 'hide' });
    }
  });

  it("draws the last run's Workato calls as a waterfall, grouped by round trip, with the totals", async () => {
    const toggle = page.locator('#workato-cost-toggle');
    // The example: the workspace and a page of recipes go out first; the relations and jobs come after.
    await expect.poll(() => toggle.innerText()).toMatch(/^Workato calls: \d+ · \d+ round trips$/);
    const [, calls, trips] = /(\d+) · (\d+)/.exec(await toggle.innerText())!.map(Number);
    expect(calls).toBeGreaterThan(3);
    expect(trips).toBeGreaterThan(1);
    await toggle.click();
    const panel = page.locator('#workato-cost-panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator('.bar').count()).toBe(calls);
    expect(await panel.locator('.trip').allInnerTexts()).toEqual(Array.from({ length: trips! }, (_, i) => `Round trip ${i + 1}`));
    expect(await panel.locator('.label').first().innerText()).toMatch(/^GET \/\S+ 200 [\d.]+ ms/);
    expect(await panel.innerText()).toContain('quota left');
    for (const file of CALLS_SCREENSHOTS) {
      mkdirSync(new URL('.', file), { recursive: true });
      await page.screenshot({ path: fileURLToPath(file), animations: 'disabled', caret: 'hide' });
    }
    await toggle.click();
  });

  /** Types a query and the token into a new tab, runs it, and reads the answer once it shows `expected`. */
  async function runInNewTab(query: string, expected: string): Promise<string> {
    await page.getByRole('button', { name: 'New tab' }).click();
    await typeInto(queryEditor(), query);
    await page.getByRole('button', { name: 'Headers' }).click();
    await typeInto(headersEditor(), `{"Authorization": "Bearer ${stack.sim.token}"}`);
    await run();
    await expect.poll(responseText, { timeout: 15_000 }).toContain(expected);
    return responseText();
  }

  it('runs a query typed into a new tab', async () => {
    const text = await runInNewTab('query MyRecipes { recipes(first: 3) { nodes { name running folder { name } } } }', '"running": true');
    expect(text).toContain('Salesforce won opportunity');
    expect(text).not.toContain('"errors"');
    expect(await page.getByRole('tab', { selected: true }).innerText()).toBe('MyRecipes');
  });

  it('runs a query with @defer: the deferred jobs show up in the same answer', async () => {
    const text = await runInNewTab('query Deferred { recipes(first: 2) { nodes { name ... @defer { jobs(first: 1) { totalCount } } } } }', '"totalCount"');
    expect(text).toContain('Salesforce won opportunity');
    expect(text).not.toContain('"errors"');
  });

  it('shows readable schema docs: root fields and types with their descriptions', async () => {
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).click();
    await expect.poll(() => docs.innerText()).toContain('Recipes visible to the token, newest id first');
    await docs.getByText('recipes', { exact: true }).first().click();
    await docs.getByText('RecipeConnection', { exact: true }).first().click();
    await docs.getByText('Recipe', { exact: true }).first().click();
    await expect.poll(() => docs.innerText()).toContain('A Workato recipe: an automation made of a trigger and actions');
    await expect.poll(() => docs.innerText()).toContain("Workato's numeric recipe id");
  });

  it('is light: a first visit costs at most 2.5 MB over the wire, a repeat visit at most 50 kB', async () => {
    const context = await session.browser.newContext();
    try {
      const fresh = await context.newPage();
      const visit = async () => {
        const sizes: Array<Promise<number>> = [];
        const urls: string[] = [];
        const onFinished = (request: import('playwright-core').Request) => {
          urls.push(request.url());
          // Transfer sizes: headers plus the (compressed) body; a file served from the browser's cache counts 0.
          sizes.push(request.sizes().then((s) => Math.max(0, s.responseBodySize + s.responseHeadersSize)));
        };
        fresh.on('requestfinished', onFinished);
        // GraphiQL has its schema (introspection, answered from its cached file) once the docs can open.
        const schema = fresh.waitForEvent('requestfinished', { predicate: (r) => /\/graphql\/assets\/[\w-]+\.json$/.test(r.url()), timeout: 20_000 });
        await fresh.goto(stack.gateway.url);
        await fresh.getByRole('tab').first().waitFor();
        await schema;
        fresh.off('requestfinished', onFinished);
        return { bytes: (await Promise.all(sizes)).reduce((a, b) => a + b, 0), urls };
      };
      const first = await visit();
      const repeat = await visit();
      console.log(`GraphiQL over the wire: first visit ${first.bytes} bytes (${first.urls.length} requests), repeat ${repeat.bytes} bytes (${repeat.urls.length})`);
      expect(first.bytes).toBeLessThanOrEqual(2.5 * 1024 * 1024);
      expect(repeat.bytes).toBeLessThanOrEqual(50 * 1024);
      expect(first.urls.some((u) => u.includes('/graphql/assets/'))).toBe(true);
      expect(offLoopback([...first.urls, ...repeat.urls].map((url) => ({ url, kind: 'request' })))).toEqual([]);
      // A repeat visit still renders GraphiQL and runs a query.
      await expect.poll(() => fresh.locator('.graphiql-query-editor').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('never sent a request past loopback, and the page threw no errors', () => {
    expect(session.requests.length).toBeGreaterThan(3);
    expect(offLoopback(session.requests)).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});

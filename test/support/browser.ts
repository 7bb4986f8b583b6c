/**
 * Headless Chromium for browser tests, driven by playwright-core (which ships no browser: we use the system's,
 * Debian's `chromium` package; `.ci/run` installs it). Every request the page makes is recorded, so a test can
 * prove that nothing leaves loopback.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The browser binary: `CHROMIUM_PATH`, or Debian's package. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_MISSING =
  `Chromium not found at ${CHROMIUM_PATH}: the GraphiQL browser test cannot run. ` +
  'Install it with `apt-get update && apt-get install -y chromium` (.ci/run does this), or set CHROMIUM_PATH.';

/**
 * How a browser test behaves without a browser: on CI (`CI` set, as .ci/run and CI services do) it must fail, so a
 * missing browser never passes as green; on a developer machine it is skipped with a console message.
 */
export function browserAvailability(): 'present' | 'fail' | 'skip' {
  if (existsSync(CHROMIUM_PATH)) return 'present';
  return process.env.CI && process.env.CI !== 'false' ? 'fail' : 'skip';
}

/**
 * Flags that keep Chromium from calling home (updates, sync, field trials, QUIC probes) and work as root in CI, and
 * in the Dockerfile's build stage, whose /dev/shm is Docker's 64 MB (too small for the GraphiQL bundle's renderer).
 */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RecordedRequest {
  url: string;
  kind: string;
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every request and WebSocket the page (and its workers) opened, in order. */
  requests: RecordedRequest[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** A fresh browser with a fresh profile (playwright's `launch` always uses a new temporary user-data-dir). */
export async function openBrowser(viewport = { width: 1440, height: 900 }): Promise<BrowserSession> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const requests: RecordedRequest[] = [];
  const pageErrors: string[] = [];
  context.on('request', (request) => requests.push({ url: request.url(), kind: request.resourceType() }));
  const page = await context.newPage();
  page.on('websocket', (socket) => requests.push({ url: socket.url(), kind: 'websocket' }));
  page.on('worker', (worker) => requests.push({ url: worker.url(), kind: 'worker' }));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { browser, context, page, requests, pageErrors, close: () => browser.close() };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Schemes that never touch the network: inlined data and in-page object URLs (GraphiQL's Monaco workers). */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/** The recorded requests that went anywhere other than loopback. */
export function offLoopback(requests: RecordedRequest[]): RecordedRequest[] {
  return requests.filter(({ url }) => {
    const parsed = new URL(url);
    if (LOCAL_SCHEMES.has(parsed.protocol)) {
      // blob:http://127.0.0.1:4000/… carries its origin: it must be ours too.
      return parsed.protocol === 'blob:' && !LOOPBACK_HOSTS.has(new URL(parsed.pathname).hostname);
    }
    return !LOOPBACK_HOSTS.has(parsed.hostname);
  });
}

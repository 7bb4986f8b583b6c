/**
 * The "Workato calls" panel of the GraphiQL page: after each run it shows what the operation cost upstream
 * (extensions.workato: calls, round trips, retries, cache, the quota left) and draws its trace as a waterfall, one
 * bar per Workato call, grouped by round trip. Plain DOM outside GraphiQL's React tree: the page's fetch is wrapped
 * so that GraphQL requests ask for a trace (`X-Workato-Trace: 1`) and their JSON answers are read. Everything is
 * inline (nothing fetched), and answer text is only ever set as text, never as markup.
 */
const STYLE = `
#workato-cost-toggle { position: fixed; right: 16px; bottom: 16px; z-index: 20; font: 13px/1.4 system-ui, sans-serif;
  background: #1b3a4b; color: #fff; border: 0; border-radius: 16px; padding: 6px 14px; cursor: pointer; box-shadow: 0 2px 6px #0004; }
#workato-cost-panel { position: fixed; right: 16px; bottom: 56px; z-index: 20; width: min(720px, calc(100vw - 32px));
  max-height: 45vh; overflow: auto; background: #fff; color: #1b2a33; border: 1px solid #c8d3da; border-radius: 8px;
  box-shadow: 0 6px 24px #0003; font: 12px/1.45 system-ui, sans-serif; padding: 12px 14px; display: none; }
#workato-cost-panel.open { display: block; }
#workato-cost-panel h2 { font-size: 13px; margin: 0 0 6px; }
#workato-cost-panel .totals { display: flex; flex-wrap: wrap; gap: 6px 16px; margin-bottom: 8px; }
#workato-cost-panel .totals b { font-variant-numeric: tabular-nums; }
#workato-cost-panel .trip { margin: 8px 0 2px; color: #56707f; font-weight: 600; }
#workato-cost-panel .call { display: grid; grid-template-columns: 46% 1fr; gap: 8px; align-items: center; margin: 1px 0; }
#workato-cost-panel .label { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-family: ui-monospace, monospace; }
#workato-cost-panel .lane { position: relative; height: 12px; background: #eef3f6; border-radius: 3px; }
#workato-cost-panel .bar { position: absolute; top: 1px; height: 10px; border-radius: 3px; min-width: 2px; }
#workato-cost-panel .bar.failed { background: #d9534f !important; }
#workato-cost-panel .empty { color: #56707f; }
`;

/** The panel's script; a function so that it is type-checked, shipped as its source text. */
function costPanel(graphqlPath: string, schemaUrl: string | null): void {
  const toggle = document.createElement('button');
  toggle.id = 'workato-cost-toggle';
  toggle.type = 'button';
  toggle.textContent = 'Workato calls';
  const panel = document.createElement('section');
  panel.id = 'workato-cost-panel';
  panel.setAttribute('aria-label', 'Workato calls of the last run');
  toggle.addEventListener('click', () => panel.classList.toggle('open'));
  const mount = () => document.body.append(panel, toggle);
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);

  const el = (tag: string, className?: string, text?: string): HTMLElement => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const hue = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);

  interface Call { method: string; path: string; family: string; status: number; startMs: number; durationMs: number; roundTrip: number; attempt: number; fieldPaths: string[]; batchedKeys: number | null }
  interface Report { calls: number; cached: number; roundTrips: number; retries: number; quota: Array<{ family: string; limit: number; remaining: number }>; trace?: Call[] }

  function render(report: Report): void {
    toggle.textContent = `Workato calls: ${report.calls} · ${report.roundTrips} round trip${report.roundTrips === 1 ? '' : 's'}`;
    panel.replaceChildren(el('h2', undefined, 'Workato calls of the last run'));
    const totals = el('div', 'totals');
    const least = [...report.quota].sort((a, b) => a.remaining / a.limit - b.remaining / b.limit)[0];
    for (const [name, value] of [
      ['calls', report.calls],
      ['round trips', report.roundTrips],
      ['retries', report.retries],
      ['from cache', report.cached],
      ['quota left', least ? `${least.remaining}/${least.limit} ${least.family}` : '—'],
    ] as const) {
      const item = el('span', undefined, `${name} `);
      item.append(el('b', undefined, String(value)));
      totals.append(item);
    }
    panel.append(totals);
    const calls = report.trace ?? [];
    if (calls.length === 0) {
      panel.append(el('div', 'empty', report.cached ? 'Answered from the response cache: no Workato call.' : 'No Workato call.'));
      return;
    }
    const end = Math.max(...calls.map((c) => c.startMs + c.durationMs), 1);
    const trips = [...new Set(calls.map((c) => c.roundTrip))].sort((a, b) => a - b);
    for (const trip of trips) {
      // Round trip 0: reads the reference cache answered (ledger.ts `cachedRead`), before any call.
      panel.append(el('div', 'trip', trip === 0 ? 'From the reference cache' : `Round trip ${trip}`));
      for (const call of calls.filter((c) => c.roundTrip === trip)) {
        const row = el('div', 'call');
        const keys = call.batchedKeys && call.batchedKeys > 1 ? ` · ${call.batchedKeys} keys` : '';
        const label = el('div', 'label', `${call.method} ${call.path} ${call.status || '—'} ${call.durationMs.toFixed(1)} ms${keys}`);
        label.title = `${call.family}${call.attempt ? ` · retry ${call.attempt}` : ''}\n${call.fieldPaths.join('\n')}`;
        const lane = el('div', 'lane');
        const bar = el('div', `bar${call.status >= 400 || call.status === 0 ? ' failed' : ''}`);
        bar.style.left = `${(call.startMs / end) * 100}%`;
        bar.style.width = `${(call.durationMs / end) * 100}%`;
        bar.style.background = `hsl(${hue(call.family)} 55% 48%)`;
        lane.append(bar);
        row.append(label, lane);
        panel.append(row);
      }
    }
  }

  const original = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, location.href);
    const graphql = url.origin === location.origin && url.pathname === graphqlPath && (init?.method ?? 'GET').toUpperCase() === 'POST';
    // GraphiQL's introspection: the same schema for everyone, served as a cached file (graphiql-page.ts).
    if (graphql && schemaUrl && typeof init?.body === 'string' && init.body.includes('"operationName":"IntrospectionQuery"')) {
      return original(schemaUrl);
    }
    if (graphql) {
      const headers = new Headers(init?.headers);
      headers.set('x-workato-trace', '1');
      init = { ...init, headers };
    }
    const response = await original(input, init);
    if (graphql && (response.headers.get('content-type') ?? '').includes('json')) {
      response
        .clone()
        .json()
        .then((body: { extensions?: { workato?: Report } }) => body?.extensions?.workato && render(body.extensions.workato))
        .catch(() => undefined);
    }
    return response;
  };
}

/**
 * The `<style>` and `<script>` the GraphiQL page gets, for a GraphQL endpoint at `graphqlPath`; with `schemaUrl`,
 * GraphiQL's introspection request is answered from that file.
 */
export function costPanelMarkup(graphqlPath: string, schemaUrl?: string): string {
  // `__name`: the helper tsx/esbuild (npm run dev, tests) adds to keep function names; tsc's build has none.
  return `<style>${STYLE}</style><script>(() => { const __name = (target) => target; (${costPanel.toString()})(${JSON.stringify(graphqlPath)}, ${JSON.stringify(schemaUrl ?? null)}); })();</script>`;
}

/** The results as markdown (printed, and kept in bench/RESULTS.md) and the targets with PASS/FAIL. */
import type { LatencyStats, LoadResult } from './measure.js';

export type Variant = 'gateway' | 'unbatched' | 'rest';

export interface Calls {
  total: number;
  counts: Record<string, number>;
}

export interface AtLatency {
  calls: { gateway: Calls; unbatched: Calls; rest: Calls };
  floor: { calls: number; criticalPath: number };
  /** What the gateway's own cost report (extensions.workato) said of the counted run. */
  report?: { calls: number; roundTrips: number };
  latency: Partial<Record<Variant, LatencyStats>>;
  load: Partial<Record<Variant, LoadResult>>;
  /** The same plan through the hop proxy (bench/hop-proxy.ts) and the direct call, taking turns. */
  hop?: { proxy: LatencyStats; rest: LatencyStats };
  problems: string[];
}

export interface OperationResult {
  name: string;
  title: string;
  query: string;
  /** False when the schema does not have the operation's root field yet. */
  available: boolean;
  byLatency: Record<string, AtLatency>;
}

export interface Settings {
  latencies: number[];
  connections: number;
  durationS: number;
  samples: number;
  sampleMs: number;
  recipes: number;
  gateway: string;
  node: string;
  cpus: string;
  /** The gateway's resident memory right after start-up (bytes). */
  gatewayIdleRss?: number;
  /** The current user at 0 ms through the gateway with and without the cost report, taking turns (bench/run.ts). */
  reportOverhead?: { on: LatencyStats; off: LatencyStats };
}

export interface Target {
  name: string;
  pass: boolean;
  detail: string;
}

const MB = 1024 * 1024;
const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : n < 10 ? n.toFixed(2) : n.toFixed(1));
const mb = (n: number | undefined) => (n === undefined ? '–' : `${(n / MB).toFixed(0)} MB`);
const pair = (s: LatencyStats | undefined) => (s ? `${ms(s.p50)} / ${ms(s.p99)}` : '–');
const rate = (l: LoadResult | undefined) => (l ? `${l.perSecond}${l.errors ? ` (${l.errors} err)` : ''}` : '–');

export function evaluateTargets(results: OperationResult[], settings: Settings): Target[] {
  const available = results.filter((r) => r.available);
  const targets: Target[] = [];
  const misses = available.flatMap((r) =>
    Object.entries(r.byLatency)
      .filter(([, a]) => a.calls.gateway.total !== a.floor.calls)
      .map(([l, a]) => `${r.name} @${l} ms: ${a.calls.gateway.total} vs floor ${a.floor.calls}`),
  );
  targets.push({
    name: 'upstream calls equal the floor for every operation',
    pass: misses.length === 0 && available.length > 0,
    detail: misses.length ? misses.join('; ') : `${available.length} of ${results.length} operations measured, all on the floor`,
  });

  const disagree = available.flatMap((r) =>
    Object.entries(r.byLatency)
      .filter(([, a]) => !a.report || a.report.calls !== a.calls.gateway.total || a.report.roundTrips !== a.floor.criticalPath)
      .map(([l, a]) => `${r.name} @${l} ms: report ${a.report?.calls}/${a.report?.roundTrips} vs simulator ${a.calls.gateway.total} calls, floor ${a.floor.criticalPath} round trips`),
  );
  targets.push({
    name: "the cost report (extensions.workato) agrees: calls = the simulator's count, round trips = the floor's critical path",
    pass: disagree.length === 0 && available.length > 0,
    detail: disagree.length ? disagree.join('; ') : `${available.length} operations, every latency`,
  });
  if (settings.reportOverhead) {
    const { on, off } = settings.reportOverhead;
    targets.push({
      name: '0 ms upstream: the cost report adds under 0.1 ms p50 to the current-user query',
      pass: on.p50 - off.p50 < 0.1,
      detail: `report on ${ms(on.p50)} ms − off ${ms(off.p50)} ms = ${ms(on.p50 - off.p50)} ms (p99 ${ms(on.p99)} vs ${ms(off.p99)}; ${on.n} + ${off.n} runs, taking turns)`,
    });
  }

  if (settings.latencies.includes(20)) {
    const rows = available.map((r) => {
      const a = r.byLatency['20']!;
      const budget = a.floor.criticalPath * 20 + 5;
      const p50 = a.latency.gateway?.p50 ?? NaN;
      const rest = a.latency.rest?.p50 ?? NaN;
      // A budget the hand-written client misses, by itself or one hop away, is this machine's cost, not the gateway's.
      const hop = a.hop?.proxy.p50 ?? NaN;
      const note = (rest > budget ? ', over it too' : '') + (a.hop ? `; hop proxy ${ms(hop)}${hop > budget ? ', over it too' : ''}` : '');
      return { name: r.name, pass: p50 <= budget, text: `${r.name} ${ms(p50)} ≤ ${budget} (direct REST ${ms(rest)}${note})` };
    });
    targets.push({
      name: '20 ms upstream: gateway p50 within 5 ms of round trips × 20 ms (direct REST p50 for scale)',
      pass: rows.length > 0 && rows.every((x) => x.pass),
      detail: rows.map((x) => `${x.pass ? '' : '✗ '}${x.text}`).join('; '),
    });
  }

  const me = available.find((r) => r.name === 'me')?.byLatency['0'];
  if (me?.latency.gateway && me.latency.rest) {
    const overhead = me.latency.gateway.p50 - me.latency.rest.p50;
    const hop = me.hop ? ` (the hop proxy, the same call without GraphQL, in its own turns: ${ms(me.hop.proxy.p50)} ms − REST ${ms(me.hop.rest.p50)} ms = ${ms(me.hop.proxy.p50 - me.hop.rest.p50)} ms)` : '';
    targets.push({
      name: '0 ms upstream: current-user p50 within 1 ms of the direct REST call',
      pass: overhead <= 1,
      detail: `gateway ${ms(me.latency.gateway.p50)} ms − REST ${ms(me.latency.rest.p50)} ms = ${ms(overhead)} ms${hop}`,
    });
  }

  const peaks = available.flatMap((r) => Object.values(r.byLatency).map((a) => a.load.gateway?.peakRss ?? 0));
  if (peaks.some((p) => p > 0)) {
    const peak = Math.max(...peaks);
    targets.push({ name: 'gateway peak memory under 150 MB during the load runs', pass: peak < 150 * MB, detail: `peak RSS ${mb(peak)}` });
  }
  return targets;
}

export function markdown(results: OperationResult[], targets: Target[], settings: Settings): string {
  const out: string[] = [];
  out.push(
    `Simulator ${settings.recipes} recipes; gateway \`${settings.gateway}\`; load: ${settings.connections} connections × ${settings.durationS} s; ` +
      `latency: up to ${settings.samples} sequential requests or ${settings.sampleMs / 1000} s; ${settings.node}, ${settings.cpus}. ` +
      `Gateway RSS after start-up, before any request: ${mb(settings.gatewayIdleRss)}.`,
    '',
    '### Upstream REST calls per operation',
    '',
    '| operation | floor: calls | floor: round trips | gateway | gateway report: calls / round trips | batching off | calls by route (gateway) |',
    '|---|---:|---:|---:|---:|---:|---|',
  );
  for (const r of results) {
    const first = Object.values(r.byLatency)[0];
    if (!r.available || !first) {
      out.push(`| ${r.title} | – | – | not available yet | – | – | – |`);
      continue;
    }
    const routes = Object.entries(first.calls.gateway.counts).map(([k, v]) => `${k} ×${v}`).join(', ');
    const mark = first.calls.gateway.total === first.floor.calls ? '' : ' ✗';
    const report = first.report ? `${first.report.calls} / ${first.report.roundTrips}` : '–';
    out.push(`| ${r.title} | ${first.floor.calls} | ${first.floor.criticalPath} | ${first.calls.gateway.total}${mark} | ${report} | ${first.calls.unbatched.total} | ${routes} |`);
  }
  for (const latency of settings.latencies) {
    out.push(
      '',
      `### ${latency} ms upstream latency`,
      '',
      'p50 / p99 in ms, one request at a time (CPU per op: the gateway process, same runs); throughput in operations per second under load; ' +
        'memory = gateway RSS peak during its load run. Hop proxy (bench/hop-proxy.ts): the direct-REST plan run by a bare node:http + undici ' +
        'server, no GraphQL, taking turns with the direct client as the gateway does: the floor for any gateway, one process away, on this machine.',
      '',
      '| operation | gateway p50 / p99 | direct REST p50 / p99 | hop proxy p50 / p99 | batching off p50 / p99 | gateway CPU per op | gateway /s | direct REST /s | batching off /s | gateway peak RSS |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const r of results) {
      const a = r.byLatency[String(latency)];
      if (!r.available || !a) {
        out.push(`| ${r.title} | not available yet | | | | | | | | |`);
        continue;
      }
      out.push(
        `| ${r.title} | ${pair(a.latency.gateway)} | ${pair(a.latency.rest)} | ${pair(a.hop?.proxy)} | ${pair(a.latency.unbatched)} | ${ms(a.latency.gateway?.serverCpuMs)} | ${rate(a.load.gateway)} | ${rate(a.load.rest)} | ${rate(a.load.unbatched)} | ${mb(a.load.gateway?.peakRss)} |`,
      );
    }
  }
  out.push('', '### Targets', '');
  for (const t of targets) out.push(`- **${t.pass ? 'PASS' : 'FAIL'}** ${t.name}: ${t.detail}`);
  const problems = results.flatMap((r) => Object.entries(r.byLatency).flatMap(([l, a]) => a.problems.map((p) => `${r.name} @${l} ms: ${p}`)));
  if (problems.length) out.push('', '### Problems seen', '', ...problems.map((p) => `- ${p}`));
  return out.join('\n');
}

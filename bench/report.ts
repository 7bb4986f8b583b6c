/** The results as markdown (printed, and kept in bench/RESULTS.md) and the targets with PASS/FAIL. */
import type { LatencyStats, LoadResult } from './measure.js';

export type Variant = 'gateway' | 'baseline' | 'unbatched' | 'proxy' | 'rest';

export interface Calls {
  total: number;
  counts: Record<string, number>;
}

export interface AtLatency {
  /** Counted after the warm-up, at this latency; `baseline` when a baseline gateway runs. */
  calls: { gateway: Calls; unbatched: Calls; rest: Calls; baseline?: Calls };
  floor: { calls: number; criticalPath: number };
  /** What the gateway's own cost report (extensions.workato) said of the counted run. */
  report?: { calls: number; roundTrips: number };
  /** One request at a time; gateway, baseline, hop proxy and direct REST take turns (unbatched alone). */
  latency: Partial<Record<Variant, LatencyStats>>;
  load: Partial<Record<Variant, LoadResult>>;
  problems: string[];
}

export interface OperationResult {
  name: string;
  title: string;
  query: string;
  /** False when the schema does not have the operation's root field yet. */
  available: boolean;
  byLatency: Record<string, AtLatency>;
  /** Calls of the first run on a fresh gateway process (cold) and of the run right after it (warm). */
  fresh?: { cold: Calls; warm: Calls };
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
  /** The baseline gateway's git ref and commit (BENCH_BASELINE_REF); undefined when none runs. */
  baseline?: string;
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

/** Operations whose floor is one round trip: the throughput target compares those with the direct client. */
const ONE_ROUND_TRIP = (a: AtLatency) => a.floor.criticalPath === 1;
const CPU_RATIO = 0.5;
const THROUGHPUT_RATIO = 0.9;
const HOP_MARGIN_MS = 1;

export function evaluateTargets(results: OperationResult[], settings: Settings): Target[] {
  const available = results.filter((r) => r.available);
  const targets: Target[] = [];
  const floorOf = (r: OperationResult) => Object.values(r.byLatency)[0]?.floor.calls ?? NaN;
  const over = available.flatMap((r) => {
    const floor = floorOf(r);
    const counted = [
      ...(r.fresh ? ([['cold', r.fresh.cold.total], ['warm', r.fresh.warm.total]] as const) : []),
      ...Object.entries(r.byLatency).map(([l, a]) => [`@${l} ms`, a.calls.gateway.total] as const),
    ];
    return counted.filter(([, n]) => !(n <= floor)).map(([when, n]) => `${r.name} ${when}: ${n} vs floor ${floor}`);
  });
  const below = available.filter((r) => r.fresh && r.fresh.warm.total < floorOf(r)).map((r) => `${r.name} warm ${r.fresh!.warm.total} < ${floorOf(r)}`);
  targets.push({
    name: 'upstream calls ≤ the floor on every operation (cold: first run on a fresh gateway; warm: right after; and after the warm-up)',
    pass: over.length === 0 && available.length > 0,
    detail:
      (over.length ? over.join('; ') : `${available.length} of ${results.length} operations measured, none over the floor`) +
      (below.length ? `; below it: ${below.join(', ')}` : '; none below it warm'),
  });

  const disagree = available.flatMap((r) =>
    Object.entries(r.byLatency)
      // Round trips: at most the floor's (fewer once reference data is cached), at least one when a call was made.
      .filter(([, a]) => !a.report || a.report.calls !== a.calls.gateway.total || a.report.roundTrips > a.floor.criticalPath || (a.report.calls > 0) !== (a.report.roundTrips > 0))
      .map(([l, a]) => `${r.name} @${l} ms: report ${a.report?.calls}/${a.report?.roundTrips} vs simulator ${a.calls.gateway.total} calls, floor ${a.floor.criticalPath} round trips`),
  );
  targets.push({
    name: "the cost report (extensions.workato) agrees: calls = the simulator's count, round trips ≤ the floor's critical path (≥ 1 when a call was made)",
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

  const at20 = available.filter((r) => r.byLatency['20']).map((r) => ({ name: r.name, a: r.byLatency['20']! }));
  if (at20.length) {
    const rows = at20.map(({ name, a }) => {
      const added = (a.latency.gateway?.p50 ?? NaN) - (a.latency.proxy?.p50 ?? NaN);
      return { pass: added <= HOP_MARGIN_MS, text: `${name} ${ms(a.latency.gateway?.p50)} − ${ms(a.latency.proxy?.p50)} = ${ms(added)}` };
    });
    targets.push({
      name: `20 ms upstream, one request at a time: gateway p50 − hop proxy p50 ≤ ${HOP_MARGIN_MS} ms on every operation`,
      pass: rows.every((x) => x.pass),
      detail: rows.map((x) => `${x.pass ? '' : '✗ '}${x.text}`).join('; '),
    });
    const loaded = at20.filter(({ a }) => ONE_ROUND_TRIP(a) && a.load.gateway && a.load.rest);
    if (loaded.length) {
      const rows = loaded.map(({ name, a }) => {
        const ratio = a.load.gateway!.perSecond / a.load.rest!.perSecond;
        const hop = a.load.proxy ? ` (hop proxy ${a.load.proxy.perSecond})` : '';
        return { pass: ratio >= THROUGHPUT_RATIO && !a.load.gateway!.errors, text: `${name} ${a.load.gateway!.perSecond} / ${a.load.rest!.perSecond} = ${ratio.toFixed(2)}${hop}` };
      });
      targets.push({
        name: `20 ms upstream, under load (${settings.connections} connections): gateway ops/s ≥ ${THROUGHPUT_RATIO}× direct REST on one-round-trip operations`,
        pass: rows.every((x) => x.pass),
        detail: rows.map((x) => `${x.pass ? '' : '✗ '}${x.text}`).join('; '),
      });
    }
  }

  if (settings.baseline) {
    const rows = available.flatMap((r) =>
      Object.entries(r.byLatency).map(([l, a]) => {
        const now = a.latency.gateway?.serverCpuMs ?? NaN;
        const before = a.latency.baseline?.serverCpuMs ?? NaN;
        const ratio = now / before;
        const hop = a.latency.proxy?.serverCpuMs;
        return { pass: ratio <= CPU_RATIO, text: `${r.name} @${l} ms ${ms(now)} / ${ms(before)} = ${ratio.toFixed(2)}${hop !== undefined ? ` (hop proxy ${ms(hop)})` : ''}` };
      }),
    );
    targets.push({
      name: `gateway CPU per operation ≤ ${CPU_RATIO}× the baseline's (${settings.baseline}), every operation, same runs`,
      pass: rows.length > 0 && rows.every((x) => x.pass),
      detail: rows.map((x) => `${x.pass ? '' : '✗ '}${x.text}`).join('; '),
    });
  }

  const peaks = available.flatMap((r) => Object.values(r.byLatency).map((a) => a.load.gateway?.peakRss ?? 0));
  if (peaks.some((p) => p > 0)) {
    const peak = Math.max(...peaks);
    targets.push({ name: 'gateway peak RSS ≤ 150 MB during the load runs', pass: peak <= 150 * MB, detail: `peak RSS ${mb(peak)}` });
  }
  return targets;
}

export function markdown(results: OperationResult[], targets: Target[], settings: Settings): string {
  const out: string[] = [];
  const withBaseline = settings.baseline !== undefined;
  out.push(
    `Simulator ${settings.recipes} recipes; gateway \`${settings.gateway}\`${withBaseline ? `; baseline: ${settings.baseline}, the same flags and env` : ''}; ` +
      `load: ${settings.connections} connections × ${settings.durationS} s; ` +
      `latency: up to ${settings.samples} sequential requests or ${settings.sampleMs / 1000} s; ${settings.node}, ${settings.cpus}. ` +
      `Gateway RSS after start-up, before any request: ${mb(settings.gatewayIdleRss)}.`,
    '',
    '### Upstream REST calls per operation',
    '',
    'Gateway calls: cold = the first run on a fresh gateway process, warm = the run right after it, then after the warm-up (counted at the first latency).',
    '',
    `| operation | floor: calls | floor: round trips | gateway cold | gateway warm | gateway after warm-up | gateway report: calls / round trips |${withBaseline ? ' baseline |' : ''} batching off | calls by route (gateway, after warm-up) |`,
    `|---|---:|---:|---:|---:|---:|---:|${withBaseline ? '---:|' : ''}---:|---|`,
  );
  for (const r of results) {
    const first = Object.values(r.byLatency)[0];
    if (!r.available || !first) {
      out.push(`| ${r.title} | – | – | not available yet | – | – | – |${withBaseline ? ' – |' : ''} – | – |`);
      continue;
    }
    const routes = Object.entries(first.calls.gateway.counts).map(([k, v]) => `${k} ×${v}`).join(', ');
    const vsFloor = (n: number | undefined) => (n === undefined ? '–' : `${n}${n > first.floor.calls ? ' ✗' : n < first.floor.calls ? ' (below)' : ''}`);
    const report = first.report ? `${first.report.calls} / ${first.report.roundTrips}` : '–';
    out.push(
      `| ${r.title} | ${first.floor.calls} | ${first.floor.criticalPath} | ${vsFloor(r.fresh?.cold.total)} | ${vsFloor(r.fresh?.warm.total)} | ${vsFloor(first.calls.gateway.total)} | ${report} |` +
        `${withBaseline ? ` ${first.calls.baseline?.total ?? '–'} |` : ''} ${first.calls.unbatched.total} | ${routes} |`,
    );
  }
  for (const latency of settings.latencies) {
    out.push(
      '',
      `### ${latency} ms upstream latency`,
      '',
      'p50 / p99 in ms, one request at a time: the gateway, ' +
        (withBaseline ? 'the baseline gateway, ' : '') +
        'the hop proxy (bench/hop-proxy.ts: the direct-REST plan run by a bare node:http + undici server, no GraphQL — the floor for any gateway, one process away) ' +
        'and the direct REST client take turns request by request; batching off runs alone. CPU per op: the process, over the same runs (warm-up rounds included); ' +
        'the hop proxy\'s is what one process on the path spends without any GraphQL. ' +
        'Throughput in operations per second under load, with the gateway\'s and the hop proxy\'s CPU per op during it; memory = gateway RSS peak during its load run.',
      '',
      `| operation | gateway p50 / p99 |${withBaseline ? ' baseline p50 / p99 |' : ''} hop proxy p50 / p99 | direct REST p50 / p99 | batching off p50 / p99 | gateway CPU per op |${withBaseline ? ' baseline CPU per op | gateway / baseline CPU |' : ''} hop proxy CPU per op |` +
        ` gateway /s (CPU per op) | hop proxy /s (CPU per op) | direct REST /s | batching off /s | gateway peak RSS |`,
      `|---|---:|${withBaseline ? '---:|' : ''}---:|---:|---:|---:|${withBaseline ? '---:|---:|' : ''}---:|---:|---:|---:|---:|---:|`,
    );
    for (const r of results) {
      const a = r.byLatency[String(latency)];
      if (!r.available || !a) {
        out.push(`| ${r.title} | not available yet |${' |'.repeat(withBaseline ? 13 : 10)}`);
        continue;
      }
      const now = a.latency.gateway?.serverCpuMs;
      const before = a.latency.baseline?.serverCpuMs;
      const ratio = now !== undefined && before ? (now / before).toFixed(2) : '–';
      const withLoadCpu = (l: LoadResult | undefined) => `${rate(l)}${l?.cpuMsPerOp !== undefined ? ` (${ms(l.cpuMsPerOp)})` : ''}`;
      out.push(
        `| ${r.title} | ${pair(a.latency.gateway)} |${withBaseline ? ` ${pair(a.latency.baseline)} |` : ''} ${pair(a.latency.proxy)} | ${pair(a.latency.rest)} | ${pair(a.latency.unbatched)} | ${ms(now)} |` +
          `${withBaseline ? ` ${ms(before)} | ${ratio} |` : ''} ${ms(a.latency.proxy?.serverCpuMs)} | ${withLoadCpu(a.load.gateway)} | ${withLoadCpu(a.load.proxy)} | ${rate(a.load.rest)} | ${rate(a.load.unbatched)} | ${mb(a.load.gateway?.peakRss)} |`,
      );
    }
  }
  out.push('', '### Targets', '');
  for (const t of targets) out.push(`- **${t.pass ? 'PASS' : 'FAIL'}** ${t.name}: ${t.detail}`);
  const problems = results.flatMap((r) => Object.entries(r.byLatency).flatMap(([l, a]) => a.problems.map((p) => `${r.name} @${l} ms: ${p}`)));
  if (problems.length) out.push('', '### Problems seen', '', ...problems.map((p) => `- ${p}`));
  return out.join('\n');
}

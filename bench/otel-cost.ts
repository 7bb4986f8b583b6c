/**
 * `npx tsx bench/otel-cost.ts`: what OTEL_TRACING=true costs a request. Two in-process stacks (test/support/stack.ts,
 * simulator at 0 ms), one with tracing on and an SDK registered (async-hooks context, W3C propagator, a batch
 * processor into memory), take turns in 4 rounds of N/4 sequential dashboard requests (25 recipes with folder and
 * jobs) carrying a `traceparent`. Prints the medians over the rounds of the process CPU per request (gateway and
 * simulator together: the difference is tracing's), the rounds' p50 latency, and the Workato calls per request.
 */
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, BatchSpanProcessor, InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { startStack, type Stack } from '../test/support/stack.js';

const exporter = new InMemorySpanExporter();
trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter)] }));
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
propagation.setGlobalPropagator(new W3CTraceContextPropagator());

const QUERY = `query Dashboard { me { name } recipes(first: 25) { nodes { name folder { name } jobs(first: 2) { nodes { handle } } } } }`;
const N = Number(process.env.N ?? 400);

async function run(stack: Stack, n: number): Promise<{ cpuUs: number; wall: number[] }> {
  const wall: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.sim.token}`, traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
      body: JSON.stringify({ query: QUERY, operationName: 'Dashboard' }),
    });
    await r.text();
    wall.push(performance.now() - t);
    if (i % 50 === 0) exporter.reset();
  }
  const cpu = process.cpuUsage(cpu0);
  return { cpuUs: (cpu.user + cpu.system) / n, wall: wall.sort((a, b) => a - b) };
}

const off = await startStack();
const on = await startStack({ env: { OTEL_TRACING: 'true' } });
await run(off, 100);
await run(on, 100);
const results: Record<string, { cpu: number[]; p50: number[] }> = { off: { cpu: [], p50: [] }, on: { cpu: [], p50: [] } };
for (let round = 0; round < 4; round++) {
  for (const [name, stack] of [['off', off], ['on', on]] as const) {
    const r = await run(stack, N / 4);
    results[name]!.cpu.push(r.cpuUs);
    results[name]!.p50.push(r.wall[Math.floor(r.wall.length / 2)]!);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const calls = off.sim.log().length;
for (const name of ['off', 'on']) console.log(`${name}: CPU ${(median(results[name]!.cpu) / 1000).toFixed(2)} ms/request (median of 4 rounds), wall p50 ${median(results[name]!.p50).toFixed(2)} ms`);
console.log(`Workato calls per request: ${calls / (100 + N)}`);
await off.close();
await on.close();

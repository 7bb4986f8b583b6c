import type { Simulator } from '../../src/simulator/index.js';

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** GET (or another method) against the simulator's API root; token defaults to the simulator's first token. */
export async function api<T = any>(
  sim: Simulator,
  path: string,
  opts: { token?: string | null; method?: string; headers?: Record<string, string>; signal?: AbortSignal; body?: unknown } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  const token = opts.token === undefined ? sim.token : opts.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  // A JSON body, when given (write routes).
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(sim.url + path, { method: opts.method ?? 'GET', headers, signal: opts.signal, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** Pure Northwind: no generated data on top of the fixtures. */
export const FIXTURE_ONLY = { recipes: 0, connections: 0, projects: 0 };

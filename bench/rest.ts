/**
 * The direct-REST reference: a hand-written Workato client on undici, the way a careful engineer would write it
 * for each benchmark operation. It counts its calls and the round trips on its critical path: every call is
 * made `after` the calls whose answers it needs, so its depth is one more than theirs, and the critical path is the
 * deepest call. Operations pass depths along explicitly; independent calls share a depth (they go out together).
 */
import { Pool } from 'undici';

export interface Reply<T> {
  body: T;
  /** Round trips on the path that led to this answer (1 for a call that needed nothing before it). */
  depth: number;
}

export class RestClient {
  calls = 0;
  criticalPath = 0;

  constructor(
    private readonly pool: Pool,
    private readonly apiPath: string,
    private readonly token: string,
  ) {}

  /** A fresh tally on the same connection pool: one per run of an operation. */
  fresh(): RestClient {
    return new RestClient(this.pool, this.apiPath, this.token);
  }

  get<T>(path: string, after = 0): Promise<Reply<T>> {
    return this.send<T>('GET', path, after);
  }

  put<T>(path: string, after = 0): Promise<Reply<T>> {
    return this.send<T>('PUT', path, after);
  }

  private async send<T>(method: 'GET' | 'PUT', path: string, after: number): Promise<Reply<T>> {
    this.calls++;
    const depth = after + 1;
    this.criticalPath = Math.max(this.criticalPath, depth);
    const response = await this.pool.request({
      method,
      path: `${this.apiPath}${path}`,
      headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' },
    });
    const text = await response.body.text();
    if (response.statusCode >= 400) throw new Error(`${method} ${path} → ${response.statusCode} ${text.slice(0, 200)}`);
    return { body: (text ? JSON.parse(text) : undefined) as T, depth };
  }
}

/** An undici pool to the simulator, sized like the gateway's upstream pool (WORKATO_CONNECTIONS default 32). */
export function restPool(origin: string, connections = 32): Pool {
  return new Pool(origin, { connections, pipelining: 1 });
}

/** Every page of a page/per_page list, one after the other, stopping on a short page (REFERENCE §6). */
export async function allPages<T>(client: RestClient, path: (page: number) => string, after: number, perPage = 100): Promise<Reply<T[]>> {
  const items: T[] = [];
  let depth = after;
  for (let page = 1; ; page++) {
    const reply = await client.get<T[]>(path(page), depth);
    items.push(...reply.body);
    depth = reply.depth;
    if (reply.body.length < perPage) return { body: items, depth };
  }
}

/** Depth of several replies that were all needed: the longest path among them. */
export function deepest(...depths: number[]): number {
  return Math.max(0, ...depths);
}

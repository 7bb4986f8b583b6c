/**
 * How an answer leaves the simulator, including the broken ways a real upstream fails (REFERENCE §4, §29): a
 * non-JSON error page, a connection reset before the headers or in the middle of the body, and a body that
 * trickles out slowly. Fault injection (server.ts `inject`) picks these per request.
 */
import type { ServerResponse } from 'node:http';
import type { Reply } from './http-helpers.js';

export interface Delivery {
  /** Body sent as is instead of JSON (e.g. a proxy's HTML 502 page), with `contentType` (default text/html). */
  rawBody?: string;
  contentType?: string;
  /** `before-headers`: the socket is destroyed with no answer; `mid-body`: half the body, then the socket dies. */
  reset?: 'before-headers' | 'mid-body';
  /** The body goes out in 10 pieces, this many milliseconds apart. */
  slowBodyMs?: number;
}

const JSON_TYPE = 'application/json; charset=utf-8'; // REFERENCE §3

/** A reply serialized ahead of sending, so the work can happen inside the simulated latency (server.ts). */
export interface Encoded {
  reply: Reply;
  payload: Buffer;
  contentType: string | undefined;
}

export function encode(reply: Reply, delivery: Delivery | undefined): Encoded {
  const raw = delivery?.rawBody;
  const noBody = raw === undefined && (reply.status === 204 || reply.status === 304 || reply.body === undefined);
  const payload = Buffer.from(raw ?? (noBody ? '' : JSON.stringify(reply.body)));
  const contentType = noBody ? undefined : raw !== undefined ? (delivery?.contentType ?? 'text/html; charset=utf-8') : JSON_TYPE;
  return { reply, payload, contentType };
}

export async function deliver(
  res: ServerResponse,
  { reply, payload, contentType }: Encoded,
  delivery: Delivery | undefined,
  sleep: (ms: number) => Promise<void>,
): Promise<void> {
  if (res.destroyed || res.headersSent) return;
  if (delivery?.reset === 'before-headers') {
    res.socket?.destroy();
    return;
  }
  res.statusCode = reply.status;
  if (contentType !== undefined) res.setHeader('content-type', contentType);
  res.setHeader('content-length', payload.length);
  for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
  if (delivery?.reset === 'mid-body') {
    res.write(payload.subarray(0, Math.max(1, Math.floor(payload.length / 2))));
    await sleep(20); // let the first half reach the client, then break the connection
    res.socket?.destroy();
    return;
  }
  if (delivery?.slowBodyMs) {
    const step = Math.max(1, Math.ceil(payload.length / 10));
    for (let at = 0; at < payload.length; at += step) {
      if (res.destroyed) return;
      res.write(payload.subarray(at, at + step));
      await sleep(delivery.slowBodyMs);
    }
    if (!res.destroyed) res.end();
    return;
  }
  res.end(payload);
}

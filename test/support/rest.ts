/** Direct REST calls to the simulator, to compare what the gateway says with what Workato (simulated) says. */
import type { Simulator } from '../../src/simulator/index.js';
import { createTransport, WorkatoApi } from '../../src/workato/http.js';

export async function rest<T = any>(sim: Simulator, path: string, token = sim.token): Promise<T> {
  const response = await fetch(`${sim.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${path} → ${response.status}`);
  return (await response.json()) as T;
}

/** The gateway's own REST client on the simulator, with its own small pool: for tests of loaders without a server. */
export function simulatorApi(sim: Simulator): WorkatoApi {
  return new WorkatoApi(createTransport({ connections: 2, timeouts: { connectMs: 1_000, headersMs: 5_000, bodyMs: 5_000 } }), sim.url, sim.token);
}

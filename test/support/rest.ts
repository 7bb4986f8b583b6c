/** Direct REST calls to the simulator, to compare what the gateway says with what Workato (simulated) says. */
import type { Simulator } from '../../src/simulator/index.js';

export async function rest<T = any>(sim: Simulator, path: string, token = sim.token): Promise<T> {
  const response = await fetch(`${sim.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${path} → ${response.status}`);
  return (await response.json()) as T;
}

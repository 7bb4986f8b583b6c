/** The simulator's control endpoints (src/simulator/server.ts): request counters per route, reset, latency. */
import { request } from 'undici';

export interface SimulatorStats {
  total: number;
  counts: Record<string, number>;
  in_flight: number;
  latency_ms: number;
}

export class SimulatorControl {
  constructor(readonly origin: string) {}

  async stats(): Promise<SimulatorStats> {
    const response = await request(`${this.origin}/__simulator/stats`);
    return (await response.body.json()) as SimulatorStats;
  }

  async reset(): Promise<void> {
    await (await request(`${this.origin}/__simulator/reset`, { method: 'POST' })).body.dump();
  }

  async setLatency(ms: number): Promise<void> {
    const response = await request(`${this.origin}/__simulator/latency?ms=${ms}`, { method: 'PUT' });
    await response.body.dump();
    if (response.statusCode !== 200) throw new Error(`the simulator refused latency ${ms} ms (${response.statusCode})`);
  }

  /**
   * Waits until nothing reaches the simulator any more: a load run ends on the client side while the gateway may
   * still be working through upstream calls of requests nobody waits for.
   */
  async quiet(): Promise<void> {
    let last = await this.stats();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = await this.stats();
      if (now.in_flight === 0 && now.total === last.total) return;
      last = now;
    }
  }

  /** Upstream calls made by `run`, per route (nothing else may talk to the simulator meanwhile). */
  async count(run: () => Promise<void>): Promise<{ total: number; counts: Record<string, number> }> {
    await this.quiet();
    await this.reset();
    await run();
    const { total, counts } = await this.stats();
    return { total, counts };
  }
}

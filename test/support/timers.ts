import { vi } from 'vitest';

/** The call stack of every `setTimeout` armed while `run` runs (the timers themselves still run). */
export async function timersArmedDuring(run: () => Promise<unknown>): Promise<string[]> {
  const original = globalThis.setTimeout;
  const stacks: string[] = [];
  const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((...args: Parameters<typeof setTimeout>) => {
    stacks.push(new Error().stack ?? '');
    return original(...args);
  }) as typeof setTimeout);
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return stacks;
}

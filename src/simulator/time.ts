/**
 * Timestamps in Workato's style: ISO 8601 with milliseconds and the workspace's UTC offset,
 * e.g. `2025-06-12T08:41:07.314-07:00` (REFERENCE §3). Simulated workspaces live in US Pacific time
 * (like the Northwind fixtures: -08:00 in winter, -07:00 in summer).
 */

/** The simulator's "now": shortly after the last fixture activity, so generated data lines up with Northwind. */
export const SIM_NOW = Date.parse('2025-06-12T09:00:00.000-07:00');

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** UTC ms of the n-th Sunday (1-based) of a month at a given UTC hour. */
function nthSunday(year: number, month: number, n: number, utcHour: number): number {
  const first = new Date(Date.UTC(year, month, 1));
  const offset = (7 - first.getUTCDay()) % 7;
  return Date.UTC(year, month, 1 + offset + (n - 1) * 7, utcHour);
}

/** US Pacific offset in minutes for a UTC instant (DST: 2nd Sunday of March 10:00Z to 1st Sunday of November 09:00Z). */
export function pacificOffsetMinutes(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const start = nthSunday(year, 2, 2, 10);
  const end = nthSunday(year, 10, 1, 9);
  return ms >= start && ms < end ? -420 : -480;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function formatTime(ms: number): string {
  const off = pacificOffsetMinutes(ms);
  const d = new Date(Math.round(ms) + off * MINUTE);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** Parses a timestamp; NaN when invalid. */
export function parseTime(value: string | null | undefined): number {
  return value ? Date.parse(value) : NaN;
}

/** A small levelled logger (yoga's logger shape). Never pass tokens to it. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

const ORDER: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

export function createLogger(level: LogLevel): Logger {
  const min = ORDER.indexOf(level);
  const at = (l: Exclude<LogLevel, 'silent'>) =>
    ORDER.indexOf(l) >= min ? (...args: unknown[]) => console[l === 'debug' ? 'log' : l](`[${l}]`, ...args) : () => {};
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

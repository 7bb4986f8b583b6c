/**
 * Structured logs (pino, one JSON object per line), with secrets taken out twice: known fields are redacted by
 * name at any depth, and bearer tokens, API keys and token-shaped strings are scrubbed from messages and texts. Yoga's logger
 * shape: debug/info/warn/error(...args); an object argument adds its fields to the line. A line about a request
 * carries its id as `{ reqId }` (request-scope.ts): the code that writes it knows the request.
 */
import { pino, type DestinationStream } from 'pino';
import { SECRET_FIELD_NAMES } from './secrets.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  /** Whether lines at `level` are written: callers on the hot path skip building lines nobody reads. Absent: yes. */
  enabled?(level: 'debug' | 'info' | 'warn' | 'error'): boolean;
}

const REDACTED = '[redacted]';

/** Field names that may carry a secret, wherever a caller logs a headers, config or answer object: redacted at any depth. */
const SECRET_KEYS = new Set(
  ['token', 'authorization', 'apiKey', 'serverToken', 'x-api-key', 'x-gateway-authorization', 'x-user-token', ...SECRET_FIELD_NAMES].map((k) => k.toLowerCase()),
);

/** Deeper than this, a logged object is cut off: a log line is not the place for a whole answer. */
const MAX_LOGGED_DEPTH = 8;

/** A copy of a logged value with every secret field redacted and every string scrubbed, however deep. */
function redacted(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrub(value);
  if (!value || typeof value !== 'object') return value;
  if (value instanceof Error) return scrubError(value);
  if (seen.has(value) || depth >= MAX_LOGGED_DEPTH) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redacted(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = SECRET_KEYS.has(key.toLowerCase()) ? REDACTED : redacted(item, depth + 1, seen);
  return out;
}

/** `Bearer <anything>`, and long hex or JWT-shaped strings (Workato tokens are 64 hex characters, REFERENCE §2.1). */
const SECRET_PATTERNS: RegExp[] = [
  /(bearer\s+)[^\s"',;]+/gi,
  /\b[a-f0-9]{40,}\b/gi,
  /\beyJ[\w-]+\.[\w-]+\.[\w-]+/g,
  // A token in a URL's query (an MCP server's legacy `…?wkt_token=…`, §28).
  /([?&](?:wkt_)?token=)[^&\s"']+/gi,
];

export function scrub(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, (_m, prefix?: string) => `${typeof prefix === 'string' ? prefix : ''}${REDACTED}`);
  return out;
}

function scrubError(error: Error): Record<string, unknown> {
  const cause = (error as { cause?: unknown }).cause;
  return {
    type: error.name,
    message: scrub(error.message),
    stack: error.stack ? scrub(error.stack) : undefined,
    code: (error as { code?: unknown }).code,
    cause: cause instanceof Error ? scrubError(cause) : undefined,
  };
}

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const base = pino(
    {
      level,
      base: undefined,
    },
    destination,
  );
  const at =
    (method: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]): void => {
      if (!base.isLevelEnabled(method)) return;
      const fields: Record<string, unknown> = {};
      const words: string[] = [];
      for (const arg of args) {
        if (arg instanceof Error) fields.error = scrubError(arg);
        else if (arg && typeof arg === 'object') Object.assign(fields, redacted(arg));
        else if (arg !== undefined) words.push(scrub(String(arg)));
      }
      base[method](fields, words.join(' '));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), enabled: (level) => base.isLevelEnabled(level) };
}

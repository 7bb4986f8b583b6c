/**
 * Structured logs (pino, one JSON object per line), with secrets taken out twice: known fields are redacted by
 * path, and bearer tokens, API keys and token-shaped strings are scrubbed from messages and error texts. Yoga's logger
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

/** Field paths that may carry a secret, wherever a caller logs a headers or config object. */
const REDACT_PATHS = [
  'token', 'authorization', 'apiKey', 'serverToken',
  '*.token', '*.authorization', '*.apiKey', '*.serverToken',
  'headers.authorization', 'headers["x-api-key"]', 'headers["x-gateway-authorization"]', 'headers["x-user-token"]',
  '*.headers.authorization', '*.headers["x-api-key"]', '*.headers["x-gateway-authorization"]', '*.headers["x-user-token"]',
  ...SECRET_FIELD_NAMES.flatMap((name) => [name, `*.${name}`, `*.*.${name}`]),
];

/** `Bearer <anything>`, and long hex or JWT-shaped strings (Workato tokens are 64 hex characters, REFERENCE §2.1). */
const SECRET_PATTERNS: RegExp[] = [
  /(bearer\s+)[^\s"',;]+/gi,
  /\b[a-f0-9]{40,}\b/gi,
  /\beyJ[\w-]+\.[\w-]+\.[\w-]+/g,
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
      redact: { paths: REDACT_PATHS, censor: REDACTED },
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
        else if (arg && typeof arg === 'object') {
          for (const [key, value] of Object.entries(arg)) fields[key] = typeof value === 'string' ? scrub(value) : value;
        }
        else if (arg !== undefined) words.push(scrub(String(arg)));
      }
      base[method](fields, words.join(' '));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), enabled: (level) => base.isLevelEnabled(level) };
}

/**
 * Mutation payloads, one shape for every family: the changed object (or null) and `userErrors`.
 * Workato's refusals become userErrors — HTTP 200 bodies with `success: false` (REFERENCE §4.3), and in
 * mutations its 400/404/409/422 answers. Everything else (401, 403, 429, 5xx, timeouts) stays a top-level error.
 */
import type { UserErrorCode } from '../generated/graphql.js';
import { WorkatoError } from '../workato/http.js';
import type { Workato } from '../workato/types.js';

export interface UserErrorValue {
  __typename: 'InputError' | 'RecipeStepError';
  message: string;
  code: UserErrorCode;
  field: string[] | null;
  step?: number;
  label?: string | null;
}

export const inputError = (code: UserErrorCode, message: string, field: string[] | null = null): UserErrorValue => ({
  __typename: 'InputError',
  code,
  message,
  field,
});

/** What a mutation resolver hands back: the changed object, or why there is none. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; userErrors: UserErrorValue[] };

export const refused = <T>(userErrors: UserErrorValue[]): Outcome<T> => ({ ok: false, userErrors });

/** Shapes an outcome into a payload: `{ [key]: value | null, userErrors }`. */
export function payload<K extends string, T>(key: K, outcome: Outcome<T>): { [P in K]: T | null } & { userErrors: UserErrorValue[] } {
  return {
    [key]: outcome.ok ? outcome.value : null,
    userErrors: outcome.ok ? [] : outcome.userErrors,
  } as { [P in K]: T | null } & { userErrors: UserErrorValue[] };
}

/**
 * Runs a Workato write. Refusals Workato answers with 400/404/409/422 become userErrors; a 200 with
 * `success: false` is read with `refusalErrors`. Other failures propagate as top-level errors.
 * `field` names the input field a 404 is about (the id being changed).
 */
export async function attempt<T>(
  write: () => Promise<T>,
  notFoundField: string[] = ['input', 'id'],
  fieldOf?: (wireField: string) => string[],
): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await write() };
  } catch (error) {
    if (!(error instanceof WorkatoError) || error.kind !== 'http') throw error;
    if (error.status === 404) return refused([inputError('NOT_FOUND', 'Workato has no such object, or the token cannot see it.', notFoundField)]);
    if (error.status === 400 || error.status === 409 || error.status === 422) {
      return refused(validationErrors(error.fieldErrors, error.detail ?? error.message, 'INVALID', fieldOf));
    }
    throw error;
  }
}

/**
 * `{"field": ["message", ...]}` → one userError per message, pointing at `input.<camelCase field>`, or where `fieldOf`
 * says when Workato's keys are not input fields (e.g. paths inside a message payload).
 */
export function validationErrors(
  fieldErrors: Record<string, string[]> | undefined,
  fallback: string,
  code: UserErrorCode = 'INVALID',
  fieldOf: (wireField: string) => string[] = (field) => ['input', camel(field)],
): UserErrorValue[] {
  const errors = Object.entries(fieldErrors ?? {}).flatMap(([field, messages]) =>
    (Array.isArray(messages) ? messages : [String(messages)]).map((m) => inputError(code, `${field} ${m}`, fieldOf(field))),
  );
  return errors.length ? errors : [inputError(code, fallback)];
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/**
 * Reads a 2xx answer that may still be a refusal (REFERENCE §4.3): `success: false` with `errors`
 * (`{"running": ["can't modify running recipe"]}`), or `code_errors`/`config_errors` step tuples.
 * Returns [] when the body reports success.
 */
export function refusalErrors(body: Workato.SuccessResponse | undefined | null): UserErrorValue[] {
  if (!body || body.success !== false) return [];
  const errors: UserErrorValue[] = [
    ...stepErrors(body.code_errors, 'RECIPE_INVALID'),
    ...stepErrors(body.config_errors, 'RECIPE_UNCONNECTED'),
  ];
  for (const [field, messages] of Object.entries(body.errors ?? {})) {
    for (const message of Array.isArray(messages) ? messages : [String(messages)]) {
      const running = field === 'running' && /running/i.test(message);
      errors.push(inputError(running ? 'RECIPE_RUNNING' : 'INVALID', message, running ? null : ['input', camel(field)]));
    }
  }
  if (errors.length === 0) errors.push(inputError('REFUSED', body.message ?? 'Workato refused the request without saying why.'));
  return errors;
}

/**
 * `[step, [[label, value, message, path?, ...], ...]]` tuples, parsed leniently: details may have 3 elements, extra
 * trailing ones, or an object in 4th place (REFERENCE §4.3).
 */
function stepErrors(tuples: unknown[] | undefined, code: UserErrorCode): UserErrorValue[] {
  if (!Array.isArray(tuples)) return [];
  return tuples.flatMap((tuple) => {
    if (!Array.isArray(tuple)) return [];
    const [step, details] = tuple as [unknown, unknown];
    const stepNo = Number.isInteger(step) ? (step as number) : -1;
    return (Array.isArray(details) ? details : []).map((detail): UserErrorValue => {
      const [label, , message, path] = Array.isArray(detail) ? (detail as unknown[]) : [];
      return {
        __typename: 'RecipeStepError',
        code,
        step: stepNo,
        label: typeof label === 'string' ? label : null,
        message: typeof message === 'string' ? message : String(message ?? 'invalid'),
        field: typeof path === 'string' ? path.split('.') : null,
      };
    });
  });
}

/**
 * Recipe write inputs → Workato's `recipe` body (REFERENCE §10.3, §10.4): `code` and `config` travel as JSON-encoded
 * strings, `folder_id` as a string. Shapes Workato would refuse are caught here, before any call.
 */
import type { RecipeCreateInput, RecipeUpdateInput } from '../generated/graphql.js';
import type { Workato } from '../workato/types.js';
import { inputError, refused, type Outcome, type UserErrorValue } from './payload.js';
import { workatoKey } from './relay.js';

/** §5: recipe names hold at most 255 characters. */
export const MAX_RECIPE_NAME = 255;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The step tree: an object, or a string already holding it as JSON text. */
function encodeCode(value: unknown, field: string[]): string | UserErrorValue {
  if (isObject(value)) return JSON.stringify(value);
  if (typeof value === 'string') {
    try {
      if (isObject(JSON.parse(value))) return value;
    } catch {
      /* reported below */
    }
  }
  return inputError('INVALID', '`code` must be the step tree as a JSON object (or that object as JSON text).', field);
}

/** A connection id from `account_id` / `connectionId`: a number, digits, or a Connection global id. */
function connectionId(value: unknown): number | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  try {
    return Number(workatoKey('Connection', value, 'config').key);
  } catch {
    return undefined;
  }
}

/**
 * One config entry. Workato needs `name` as well as `provider` or activation fails silently ([wk], §10.3), and
 * `account_id` must be an integer connection id; both spellings of the keys (wire and `Recipe.config`) are read.
 */
function configEntry(value: unknown, field: string[]): Workato.RecipeConfigEntry | UserErrorValue {
  if (!isObject(value)) return inputError('INVALID', 'Each `config` entry must be an object such as {"provider": "slack", "account_id": 880103}.', field);
  const provider = value.provider ?? value.name;
  if (typeof provider !== 'string' || provider === '') {
    return inputError('INVALID', 'Each `config` entry needs the connector name in `provider` (or `name`).', field);
  }
  const account = connectionId(value.account_id ?? value.connectionId);
  if (account === undefined) return inputError('INVALID', '`account_id` must be a connection id (an integer) or null.', field);
  const skip = value.skip_validation ?? value.skipValidation ?? false;
  return {
    keyword: typeof value.keyword === 'string' ? value.keyword : 'application',
    name: typeof value.name === 'string' && value.name !== '' ? value.name : provider,
    provider,
    skip_validation: skip === true,
    account_id: account,
  };
}

function encodeConfig(value: unknown, field: string[]): string | UserErrorValue {
  if (!Array.isArray(value)) return inputError('INVALID', '`config` must be a JSON list of connector entries.', field);
  const entries: Workato.RecipeConfigEntry[] = [];
  for (const [i, item] of value.entries()) {
    const entry = configEntry(item, [...field, String(i)]);
    if ('__typename' in entry) return entry;
    entries.push(entry);
  }
  return JSON.stringify(entries);
}

/** A folder `id` or `workatoId`, as the string Workato wants (§10.3, §29.4). */
export function folderIdString(value: string, argument: string): { folderId: string; scope?: string } {
  const { key, scope } = workatoKey('Folder', value, argument);
  return { folderId: key, scope };
}

type WriteFields = Pick<RecipeUpdateInput, 'name' | 'code' | 'config' | 'folderId' | 'description'>;

/**
 * The `recipe` body of a create or update: only the fields given (null counts as not given, §10.4 "all optional").
 * Local checks mirror Workato's documented rules, so an obvious mistake costs no call.
 */
export function recipeWriteBody(input: WriteFields): Outcome<Workato.RecipeWrite> {
  const body: Workato.RecipeWrite = {};
  const errors: UserErrorValue[] = [];
  const take = (result: string | UserErrorValue, set: (v: string) => void) =>
    typeof result === 'string' ? set(result) : errors.push(result);
  if (input.name != null) {
    if (input.name.length > MAX_RECIPE_NAME) {
      errors.push(inputError('INVALID', `\`name\` holds at most ${MAX_RECIPE_NAME} characters; got ${input.name.length}.`, ['input', 'name']));
    } else body.name = input.name;
  }
  if (input.code != null) take(encodeCode(input.code, ['input', 'code']), (v) => (body.code = v));
  if (input.config != null) take(encodeConfig(input.config, ['input', 'config']), (v) => (body.config = v));
  if (input.folderId != null) body.folder_id = folderIdString(input.folderId, 'input.folderId').folderId;
  if (input.description != null) body.description = input.description;
  return errors.length ? refused(errors) : { ok: true, value: body };
}

/** Create needs `code` (§10.3); the SDL makes it non-null, but `null` JSON still passes GraphQL's check. */
export function recipeCreateBody(input: RecipeCreateInput): Outcome<Workato.RecipeWrite> {
  if (input.code == null) return refused([inputError('INVALID', '`code` is required: the recipe\'s step tree.', ['input', 'code'])]);
  return recipeWriteBody(input);
}

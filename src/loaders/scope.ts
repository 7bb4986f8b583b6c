/**
 * Which workspace an object was read from: the caller's own (undefined) or an Embedded customer workspace
 * (the managed user path segment, REFERENCE §17.0). Objects carry it so their relations are read from the
 * same workspace, and their global ids say which one.
 */
export const SCOPE = Symbol('workato-scope');

export type Scoped<T> = T & { [SCOPE]?: string };

/** Tags fresh wire objects (parsed for this request only) with their scope; the workspace scope adds nothing. */
export function tag<T extends object>(items: T[], scope: string | undefined): Scoped<T>[] {
  if (scope !== undefined) for (const item of items) (item as Scoped<T>)[SCOPE] = scope;
  return items;
}

/** `tag` for one object. */
export function tagOne<T extends object>(item: T, scope: string | undefined): Scoped<T> {
  if (scope !== undefined) (item as Scoped<T>)[SCOPE] = scope;
  return item;
}

export function scopeOf(value: object): string | undefined {
  return (value as Scoped<object>)[SCOPE];
}

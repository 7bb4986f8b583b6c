/** A lookup by id found nothing: Workato's list did not hold it, or its get-by-id answered 404. */
export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly key: string,
  ) {
    super(`${entity} ${key} was not found, or the token cannot see it.`);
    this.name = 'NotFoundError';
  }
}

/** `.catch(nullIfNotFound)`: an object that is gone (or invisible to the token) is null; any other failure stays one. */
export function nullIfNotFound(e: unknown): null {
  if (e instanceof NotFoundError) return null;
  throw e;
}

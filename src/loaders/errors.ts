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

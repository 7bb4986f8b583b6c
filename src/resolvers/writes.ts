/** Small helpers shared by the connection, folder and project write resolvers. */

/**
 * Keeps only the input fields the caller gave: GraphQL's omitted and null both mean "keep the current value" in
 * update inputs (STYLE §6), and neither may reach Workato's body.
 */
export function given<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as never;
}

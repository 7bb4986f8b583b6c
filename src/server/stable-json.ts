/** JSON with every object's keys sorted: the same variables in another order make the same key (caches, sharing). */
export function stableJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, item: unknown) =>
      item && typeof item === 'object' && !Array.isArray(item)
        ? Object.fromEntries(Object.keys(item).sort().map((key) => [key, (item as Record<string, unknown>)[key]]))
        : item,
    ) ?? ''
  );
}

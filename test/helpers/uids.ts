/**
 * Records as they read, less their uids: two journals made by the same steps differ only in these
 * (random, so that no two devices ever make the same one).
 */
export function withoutUids<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUids) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'uid')
      .map(([key, inner]) => [key, withoutUids(inner)]),
  ) as T;
}

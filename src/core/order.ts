/**
 * Sort orders for journal records. Times are compared as instants, since a stored time may carry any
 * offset; localeCompare would also be wrong for those and loads the collator, slow on a first call.
 */
export function byWhen(a: { when: string }, b: { when: string }): number {
  return Date.parse(a.when) - Date.parse(b.when);
}

export function byCreated(a: { createdAt: string }, b: { createdAt: string }): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt);
}

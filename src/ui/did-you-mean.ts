/** The one wording of a suggestion (see core/suggest.ts): " Did you mean status?", " Did you mean a1 or a10?", or nothing. */
export function didYouMean(suggestions: readonly string[]): string {
  if (!suggestions.length) return '';
  const last = suggestions.at(-1)!;
  return ` Did you mean ${suggestions.length > 1 ? `${suggestions.slice(0, -1).join(', ')} or ${last}` : last}?`;
}

/** How a validation problem is told to a user: where in the document, then what ("meetings[3].when: invalid date-time"). */
export function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  const where = issue.path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`))
    .join('');
  const message = issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
  return where ? `${where}: ${message}` : message;
}

import { oddPathsTrial } from '../odd-paths.mjs';

export default {
  key: 'odd-paths',
  name: 'odd paths',
  guarantee:
    'a pipe, device, folder, link loop or unreadable file where mentee reads, a long colon-laden spec or a looping layout never hangs: one clear line, no stack trace, little memory',
  options: () => ({}),
  size: () => 'odd paths',
  run: ({ dir, sample }) => oddPathsTrial({ dir, sample }),
  summary: (f) =>
    `${f.cases} odd paths: ${f.hangs} hangs, ${f.stackTraces} stack traces, slowest ${f.slowestMs} ms, looping layouts ≤ ${f.maxRssMb} MB`,
};

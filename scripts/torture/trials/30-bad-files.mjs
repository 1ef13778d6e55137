import { badFilesTrial } from '../bad-files.mjs';

export default {
  key: 'bad-files',
  name: 'bad files',
  guarantee: 'a bad journal is refused with one line and never rewritten',
  options: () => ({}),
  size: () => 'bad files',
  run: ({ dir, sample }) => badFilesTrial({ dir, sample }),
  summary: (f) => `${f.cases} bad files: ${f.refusedWell}/${f.runs} refused cleanly, ${f.rewritten} rewritten`,
};

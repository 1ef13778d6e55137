import type { Values } from './command-spec.js';
import { DIRECTIVE } from './completion-shells.js';
import { matching, wantedAt, type Candidate } from './complete-words.js';
import type { Io } from './io.js';

/**
 * The hidden command the completion scripts call at each TAB (`mentee __complete <words…> <typed>`):
 * one candidate a line, `value<TAB>description`, then `:<directive>` (see DIRECTIVE). It never fails,
 * never asks, and never writes the journal: a journal that cannot be read (missing, broken, encrypted
 * without MENTEE_PASSPHRASE) gives no values. The commander program is not built: the command list is
 * read directly, which keeps a TAB as quick as `mentee --version`.
 */
export async function complete(words: string[], io: Io): Promise<void> {
  const wanted = wantedAt(words.length ? words : ['']);
  let candidates = matching(wanted.candidates, wanted.prefix);
  if (wanted.values && wanted.values !== 'file') {
    const values = await valuesOf(wanted.values, wanted.journal, io.env).catch(() => []);
    candidates = [...candidates, ...matching(values, wanted.prefix)];
  }
  const lines = candidates.map(({ value, description }) =>
    description ? `${wanted.before}${value}\t${description}` : `${wanted.before}${value}`,
  );
  const directive = wanted.values === 'file' ? DIRECTIVE.files : DIRECTIVE.noFiles;
  io.stdout.write(`${[...lines, `:${directive}`].join('\n')}\n`);
  await io.stdout.flush?.().catch(() => undefined);
}

async function valuesOf(values: Exclude<Values, 'file'>, journal: string | undefined, env: NodeJS.ProcessEnv) {
  if (typeof values !== 'string') return values.map((value): Candidate => ({ value }));
  if (values === 'template') {
    const [{ loadPrepTemplates }, { shellLine }] = await Promise.all([
      import('../config/prep-templates.js'),
      import('./completion-values.js'),
    ]);
    const { templates } = await loadPrepTemplates();
    return templates.map(({ template }) => ({ value: template.name, description: shellLine(template.description) }));
  }
  const [{ openJournalStore }, { autoCodec }, { resolveJournalPath }, { journalValues, EVERYDAY_VALUES }] =
    await Promise.all([
      import('../store/journal-store.js'),
      import('../store/journal-codec.js'),
      import('../store/paths.js'),
      import('./completion-values.js'),
    ]);
  // Never a question: a TAB is no place to ask for a passphrase.
  const codec = autoCodec(async () => env.MENTEE_PASSPHRASE || Promise.reject(new Error('no passphrase')));
  // No shell expands a ~ while completing: --journal ~/j.json is meant as the shell will run it.
  const typed = env.HOME ? journal?.replace(/^~(?=\/|$)/, env.HOME) : journal;
  const store = openJournalStore(resolveJournalPath(typed, env), () => new Date(), { codec });
  return journalValues(await (EVERYDAY_VALUES.has(values) ? store.readEveryday() : store.read()), values);
}

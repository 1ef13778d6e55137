// Trial c: damaged or foreign journal files. Every command must refuse them with one line naming the
// file and the problem, and never touch the file: same bytes, same inode, same modification time.
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hasStackTrace, runMentee, seconds } from './run.mjs';

/** The damaged journals, made from the bytes of a good one; `says` is what the message must contain. */
export function badFiles(sample) {
  const text = sample.toString('utf8');
  const bent = (bend) => {
    const document = JSON.parse(text);
    bend(document);
    return `${JSON.stringify(document, null, 2)}\n`;
  };
  return [
    { name: 'empty', content: '', says: /empty/ },
    { name: 'NUL-filled', content: Buffer.alloc(4096), says: /NUL/ },
    { name: 'truncated JSON', content: text.slice(0, Math.floor(text.length / 2)), says: /not valid JSON/ },
    { name: 'valid JSON of the wrong shape', content: '{"notes": ["a", "b"], "owner": "me"}\n', says: /not a valid/ },
    { name: 'a newer version', content: bent((d) => (d.version = 999)), says: /newer mentee.*version 999/ },
    { name: 'only whitespace', content: ' \n\t\n', says: /empty/ },
    { name: 'NUL bytes after good JSON', content: Buffer.concat([sample, Buffer.alloc(64)]), says: /NUL/ },
    { name: 'a JSON array', content: '[]\n', says: /not a valid/ },
    { name: 'JSON null', content: 'null\n', says: /not a valid/ },
    { name: 'cut inside a string', content: text.slice(0, text.indexOf('Sam') + 2), says: /not valid JSON/ },
    { name: 'a date that is not a date', content: bent((d) => (d.meetings[0].when = 'soon')), says: /meetings\[0\]/ },
    { name: 'ids beyond the counter', content: bent((d) => (d.counters.a = 1)), says: /counters/ },
    { name: 'a newer version of another shape', content: '{"version": 1000, "entries": {}}\n', says: /newer mentee/ },
    { name: 'an encrypted journal cut short', content: 'mentee-encrypted v1\nscrypt N=', says: /cut short|damaged/ },
    { name: 'encrypted in a newer format', content: 'mentee-encrypted v9\n…\n', says: /newer mentee/ },
  ];
}

const COMMANDS = [
  ['read', ['actions', '--json']],
  ['read', ['status']],
  ['read', ['export', '--all', '--format', 'json']],
  ['write', ['action', 'add', 'never saved']],
  ['write', ['done', 'a1']],
  ['write', ['goal', 'update', 'g1', '--note', 'never saved']],
];

async function look(file, dir) {
  const info = await stat(file);
  return { bytes: await readFile(file), ino: info.ino, mtimeMs: info.mtimeMs, entries: (await readdir(dir)).sort() };
}

function changes(before, after) {
  const found = [];
  if (!before.bytes.equals(after.bytes)) found.push('bytes');
  if (before.ino !== after.ino) found.push('inode (replaced)');
  if (before.mtimeMs !== after.mtimeMs) found.push('modification time');
  if (before.entries.join('/') !== after.entries.join('/')) found.push(`folder (${after.entries.join(', ')})`);
  return found;
}

export async function badFilesTrial({ dir, sample }) {
  const started = performance.now();
  const problems = [];
  const cases = badFiles(sample);
  let runs = 0;
  let refusedWell = 0;
  let rewritten = 0;
  for (const [index, badFile] of cases.entries()) {
    const folder = join(dir, `case-${index + 1}`);
    await mkdir(folder, { recursive: true });
    const journal = join(folder, 'journal.json');
    await writeFile(journal, badFile.content, { mode: 0o600 });
    // In the past, so that any rewrite shows as a new modification time.
    await utimes(journal, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    const before = await look(journal, folder);
    for (const [kind, args] of COMMANDS) {
      runs++;
      const result = await runMentee(args, { journal, home: folder, cwd: folder, timeoutMs: 10_000 });
      const lines = result.stderr.split('\n').filter((line) => line.trim());
      const faults = [];
      if (result.code === 0) faults.push('exit 0');
      if (result.timedOut) faults.push('hung');
      if (result.code === 70 || /unexpected error/.test(result.stderr)) faults.push('unexpected error');
      if (hasStackTrace(result.stderr)) faults.push('stack trace');
      if (lines.length !== 1) faults.push(`${lines.length} lines on stderr`);
      if (!result.stderr.includes(journal)) faults.push('does not name the file');
      if (!badFile.says.test(result.stderr)) faults.push(`does not say ${badFile.says}`);
      if (result.stdout) faults.push('wrote to stdout');
      const changed = changes(before, await look(journal, folder));
      if (changed.length) {
        rewritten++;
        faults.push(`changed the ${changed.join(', ')}`);
      }
      if (faults.length) {
        problems.push(`${badFile.name}, ${kind} (mentee ${args.join(' ')}): ${faults.join('; ')}: ${lines[0] ?? ''}`);
      } else refusedWell++;
    }
  }
  const ms = performance.now() - started;
  return {
    name: 'bad files',
    line:
      `${cases.length} bad journals × ${COMMANDS.length} commands: ${refusedWell}/${runs} refused with one line ` +
      `naming the file and the problem, ${problems.length} faults, ${rewritten} files changed; ${seconds(ms)}`,
    problems,
    figures: { cases: cases.length, runs, refusedWell, rewritten, ms },
  };
}

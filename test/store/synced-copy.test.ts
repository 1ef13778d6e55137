import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyJournal } from '../../src/core/model.js';
import type { Journal } from '../../src/core/schema.js';
import { parseSyncedCopy } from '../../src/store/journal-validation.js';
import { syncedText } from '../../src/store/synced-copy.js';
import { NOW } from '../helpers/clock.js';
import { tempFolders } from '../helpers/temp.js';
import { addTask, validMentor } from './fixtures.js';

const git = promisify(execFile);
const tempFolder = tempFolders();

function journalWithWork(): Journal {
  const journal = emptyJournal(NOW);
  journal.mentors.push(validMentor());
  for (const title of ['Read the style guide', 'Write the first test', 'Ask about code review'])
    addTask(journal, title);
  journal.history.undo.push({
    at: NOW.toISOString(),
    records: [{ kind: 'profile', id: '', before: {}, after: { name: 'Sam' } }],
  });
  return journal;
}

/** The same data with the keys of every object in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .reverse()
      .map((key) => [key, reversedKeys((value as Record<string, unknown>)[key])]),
  );
}

describe('the synced copy', () => {
  it('reads back as the journal less its undo history and when this device last saved it', () => {
    const journal = journalWithWork();
    expect(parseSyncedCopy(syncedText(journal), 'journal.json')).toEqual({
      ...journal,
      updatedAt: journal.createdAt,
      history: { undo: [], redo: [] },
    });
  });

  it('never carries the undo history to another device', () => {
    const text = syncedText(journalWithWork());
    expect(text).not.toContain('history');
    expect(text).not.toContain('"undo"');
  });

  it('is the same bytes for the same journal, whatever order its keys were written in', () => {
    const journal = journalWithWork();
    expect(syncedText(reversedKeys(journal) as Journal)).toBe(syncedText(journal));
  });

  it('is the same bytes for any data whatever its key order, and reads back as that data', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.string(), fc.constant('__proto__')), fc.jsonValue()), (data) => {
        const text = syncedText(data as never);
        expect(syncedText(reversedKeys(data) as never)).toBe(text);
        const { history: _history, updatedAt: _saved, ...synced } = data;
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(synced)));
        expect(text.endsWith('}\n')).toBe(true);
      }),
    );
  });

  it('puts each top-level key on a line of its own, keys sorted, and each record on one line', () => {
    const journal = journalWithWork();
    const lines = syncedText(journal).split('\n');
    expect(lines[0]).toBe('{');
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toBe('}');
    const keys = lines.filter((line) => /^ {2}"/.test(line)).map((line) => JSON.parse(line.split(':')[0]!));
    expect(keys).toEqual(
      Object.keys(journal)
        .filter((key) => key !== 'history' && key !== 'updatedAt')
        .sort(),
    );
    const actionLines = lines.filter((line) => line.startsWith('    ') && line.includes('"title"'));
    expect(actionLines).toHaveLength(3);
    for (const line of actionLines) expect(JSON.parse(line.replace(/,$/, ''))).toHaveProperty('id');
  });

  it('shows a change to one action as a one-line change in git', async () => {
    const { dir } = await tempFolder();
    const journal = journalWithWork();
    await writeFile(join(dir, 'before.json'), syncedText(journal));
    journal.actions[1]!.status = 'done';
    await writeFile(join(dir, 'after.json'), syncedText(journal));
    const diff = await git('git', ['diff', '--no-index', '--numstat', 'before.json', 'after.json'], { cwd: dir }).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    );
    expect(diff.trim()).toBe('1\t1\tbefore.json => after.json');
  });

  it('says which copy is damaged when it is not JSON', () => {
    expect(() => parseSyncedCopy('{"version": 3,', 'the remote copy')).toThrow(
      /^the remote copy is not valid JSON: /,
    );
  });
});

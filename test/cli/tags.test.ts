import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TagsJsonSchema } from '../../src/ui/json-shapes.js';
import { cli, runCli } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';
import { searchJournal } from './search-journal.js';

describe('mentee tags', () => {
  let journal: string;
  let cleanup: () => Promise<void>;
  const run = (args: string[]) => cli(args, { journal });
  const ids = async (args: string[], key: string) =>
    (JSON.parse(await run([...args, '--json']))[key] as { id: string }[]).map((record) => record.id);

  beforeAll(async () => ({ journal, cleanup } = await searchJournal()));
  afterAll(() => cleanup());

  it('lists each tag with how often and when it was last used, most used first', async () => {
    expect(await run(['tags'])).toBe(
      [
        '#research  2 mentions  last Wed 25 Nov, today',
        '#audit     1 mention   last Wed 25 Nov, today',
        '#comms     1 mention   last Wed 25 Nov, today',
        '#career    1 mention   last Tue 20 Oct, 5 weeks ago',
        '',
      ].join('\n'),
    );
  });

  it('prints the same as JSON, counting private reflections only with --include-private', async () => {
    const plain = TagsJsonSchema.parse(JSON.parse(await run(['tags', '--json'])));
    expect(plain.tags[0]).toEqual({ tag: 'research', count: 2, lastUsed: '2026-11-25' });
    expect(plain.tags.map((use) => use.tag)).not.toContain('wellbeing');
    const all = TagsJsonSchema.parse(JSON.parse(await run(['tags', '--json', '--include-private'])));
    expect(all.tags).toContainEqual({ tag: 'wellbeing', count: 1, lastUsed: '2026-09-10' });
  });

  it('says how to start when there are none', async () => {
    const empty = await tempFolder();
    try {
      await cli(['mentor', 'add', 'Dr Ada Lovelace'], { journal: empty.journal });
      expect(await cli(['tags'], { journal: empty.journal })).toBe(
        'No tags yet. Write a #word in any text to tag it, e.g. mentee log --advice "Start an audit #research"\n',
      );
    } finally {
      await empty.cleanup();
    }
  });

  describe('--tag on lists', () => {
    it('keeps the actions that have the tag', async () => {
      expect(await ids(['actions', '--tag', 'audit'], 'actions')).toEqual(['a2']);
      expect(await ids(['action', 'list', '--tag', 'research'], 'actions')).toEqual([]);
      expect(await run(['actions', '--tag', 'AUDIT'])).toContain('a2  Book the audit meeting #audit');
    });

    it('keeps the goals that have the tag', async () => {
      expect(await ids(['goal', 'list', '--tag', '#research'], 'goals')).toEqual(['g1']);
      expect(await ids(['goal', 'list', '--tag', 'career', '--all'], 'goals')).toEqual([]);
    });

    it('keeps the meetings that have the tag in any of their texts, never a private one', async () => {
      expect(await ids(['meetings', '--tag', 'research'], 'meetings')).toEqual(['m1']);
      expect(await ids(['meetings', '--tag', 'career', '--mentor', 'cox'], 'meetings')).toEqual(['m2']);
      expect(await ids(['meetings', '--tag', 'wellbeing'], 'meetings')).toEqual([]);
    });

    it('refuses what cannot be a tag', async () => {
      const result = await runCli(['meetings', '--tag', '#'], { journal });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        'mentee: --tag: "#" is not a tag: a tag is one word of letters, digits, - and _, starting with a letter, like research or #wellbeing.\n',
      );
    });
  });
});

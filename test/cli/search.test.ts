import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchJsonSchema } from '../../src/ui/json-shapes.js';
import { cli, runCli } from '../helpers/run-cli.js';
import { SECRET, searchJournal } from './search-journal.js';

describe('mentee search', () => {
  let journal: string;
  let cleanup: () => Promise<void>;
  const run = (args: string[]) => cli(['search', ...args], { journal });
  const found = async (args: string[]) =>
    SearchJsonSchema.parse(JSON.parse(await run([...args, '--json']))).results.map((hit) => `${hit.id} ${hit.text}`);

  beforeAll(async () => ({ journal, cleanup } = await searchJournal()));
  afterAll(() => cleanup());

  it('finds word forms: "GP" finds "GPs", "research" finds "researching"', async () => {
    expect(await found(['GP'])).toEqual(['m2 Apply for GP training #career', 'm1 Talk to three GPs about researching']);
    expect(await found(['researched'])).toContain('m1 Talk to three GPs about researching');
  });

  it('ignores case and accents both ways', async () => {
    expect(await found(['resume'])).toEqual(['m1 Your Résumé needs a clearer story']);
    expect(await found(['RÉSUMÉS'])).toEqual(['m1 Your Résumé needs a clearer story']);
  });

  it('needs every word in one text', async () => {
    expect(await found(['research', 'three'])).toEqual(['m1 Talk to three GPs about researching']);
    expect(await found(['three', 'PhD'])).toEqual([]);
  });

  it('matches a phrase as consecutive words, given as one argument or in quotes', async () => {
    expect(await found(['talk to three'])).toEqual(['m1 Talk to three GPs about researching']);
    expect(await found(['"three GP"'])).toEqual(['m1 Talk to three GPs about researching']);
    expect(await found(['"talk', 'three"'])).toEqual([]);
    expect(await found(['"to', 'three"', 'about'])).toEqual(['m1 Talk to three GPs about researching']);
    expect(await found(['three talk'])).toEqual([]);
  });

  it('lists results newest first, with the day, the mentor handle and the kind', async () => {
    const { results } = SearchJsonSchema.parse(JSON.parse(await run(['research', '--json'])));
    expect(results.map(({ kind, id, date, mentor }) => [kind, id, date, mentor])).toEqual([
      ['goal', 'g1', '2026-11-25', 'lovelace'],
      ['challenged', 'm2', '2026-10-20', 'cox'],
      ['topic', 'm1', '2026-09-10', 'lovelace'],
      ['advice', 'm1', '2026-09-10', 'lovelace'],
    ]);
  });

  it('says when nothing matches, and succeeds', async () => {
    const result = await runCli(['search', 'cardiology', 'rota'], { journal });
    expect(result).toMatchObject({ code: 0, stdout: 'Nothing found for "cardiology" "rota".\n', stderr: '' });
    expect(JSON.parse(await run(['cardiology', '--json']))).toEqual({ results: [] });
  });

  it('shows each hit with its day, mentor name, kind and the id to show', async () => {
    expect(await run(['GP'])).toBe(
      [
        'Tue 20 Oct 2026  Prof Brian Cox   decision  m2',
        '    Apply for GP training #career',
        'Thu 10 Sep 2026  Dr Ada Lovelace  advice    m1',
        '    Talk to three GPs about researching',
        '',
      ].join('\n'),
    );
  });

  describe('filters', () => {
    it('--mentor keeps the texts concerning that mentor', async () => {
      expect(await found(['research', '--mentor', 'cox'])).toEqual(['m2 That research needs a PhD']);
    });

    it('--kind keeps one kind of text', async () => {
      expect(await found(['research', '--kind', 'advice'])).toEqual(['m1 Talk to three GPs about researching']);
      expect(await found(['audit', '--kind', 'Action'])).toEqual(['a2 Book the audit meeting #audit']);
    });

    it('--since and --to keep a period, named as export names one', async () => {
      expect(await found(['research', '--since', '2026-10-01', '--to', 'october 2026'])).toEqual([
        'm2 That research needs a PhD',
      ]);
      expect(await found(['research', '--to', '2026-09-10'])).toHaveLength(2);
    });

    it('--tag keeps the texts that carry the tag themselves, so every result shows it', async () => {
      expect(await found(['research', '--tag', '#Research'])).toEqual([
        'g1 Publish an audit #research',
        'm1 Research plans #research',
      ]);
      expect(await found(['research', '--tag', 'wellbeing'])).toEqual([]);
    });

    it('--tag with no words lists every text with the tag', async () => {
      expect(await found(['--tag', 'career'])).toEqual(['m2 Apply for GP training #career']);
      expect((await runCli(['search'], { journal })).stderr).toBe(
        'mentee: words: give at least one word to look for, or a --tag. Try: mentee search research\n',
      );
    });
  });

  describe('private reflections', () => {
    it('are searched only with --include-private', async () => {
      expect(await found(['anxious'])).toEqual([]);
      expect(await run(['anxious'])).not.toContain('anxious about');
      expect(await found(['anxious', '--include-private'])).toEqual([`m1 ${SECRET}`]);
    });

    it('are marked private where they are found, in text and in JSON', async () => {
      expect(await run(['anxious', '--include-private'])).toContain('note (private)  m1');
      const { results } = SearchJsonSchema.parse(JSON.parse(await run(['anxious', '--include-private', '--json'])));
      expect(results.map((hit) => hit.private)).toEqual([true]);
      const shared = SearchJsonSchema.parse(JSON.parse(await run(['research', '--json']))).results;
      expect(shared.every((hit) => !hit.private)).toBe(true);
    });

    it('are found by their tag only with --include-private', async () => {
      expect(await found(['--tag', 'wellbeing'])).toEqual([]);
      expect(await found(['--tag', 'wellbeing', '--include-private'])).toEqual([`m1 ${SECRET}`]);
    });
  });

  describe('refusals', () => {
    it.each([
      [['search', '"', '#'], 'mentee: words: give at least one word to look for. Try: mentee search research'],
      [
        ['search', 'gp', '--kind', 'memo'],
        'mentee: --kind: must be one of advice, feedback, decision, challenged, topic, action, goal, note.',
      ],
      [
        ['search', 'gp', '--tag', '2'],
        'mentee: --tag: "2" is not a tag: a tag is one word of letters, digits, - and _, starting with a letter, like research or #wellbeing.',
      ],
      [
        ['search', 'gp', '--since', '2026-10-01', '--to', '2026-09-01'],
        'mentee: --since is after --to; nothing could match.',
      ],
      [
        ['search', 'gp', '--mentor', 'nobody'],
        'mentee: No mentor matches "nobody". Known mentors: lovelace (Dr Ada Lovelace), cox (Prof Brian Cox).',
      ],
    ])('%j is refused in one line, the journal untouched', async (args, message) => {
      const before = await readFile(journal);
      const result = await runCli(args, { journal });
      expect(result.code).not.toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(message);
      expect(await readFile(journal)).toEqual(before);
    });

    it('never writes the journal', async () => {
      const before = await readFile(journal);
      await run(['research', '--include-private']);
      expect(await readFile(journal)).toEqual(before);
    });
  });
});

describe('mentee search with many results', () => {
  it('shows the newest 20 and says how to see the rest; --json gives all unless --limit', async () => {
    const { tempFolder } = await import('../helpers/temp.js');
    const { journal, cleanup } = await tempFolder();
    try {
      for (let n = 1; n <= 25; n++)
        await cli(['action', 'add', `Audit step ${n}`], {
          journal,
          now: `2026-11-${String(n).padStart(2, '0')}T09:00`,
        });
      const text = (await cli(['search', 'audit'], { journal })).trimEnd().split('\n');
      expect(text.filter((line) => line.startsWith('    '))).toHaveLength(20);
      expect(text[1]).toBe('    Audit step 25');
      expect(text.at(-1)).toBe('… 5 older results (add --limit 25 to see them all)');
      const all = JSON.parse(await cli(['search', 'audit', '--json'], { journal })).results;
      expect(all).toHaveLength(25);
      const three = JSON.parse(await cli(['search', 'audit', '--json', '--limit', '3'], { journal })).results;
      expect(three.map((hit: { id: string }) => hit.id)).toEqual(['a25', 'a24', 'a23']);
      expect((await runCli(['search', 'audit', '--limit', '0'], { journal })).stderr).toBe(
        'mentee: --limit: must be at least 1.\n',
      );
    } finally {
      await cleanup();
    }
  });
});

/** Text typed on the command line is saved without control characters that could rewrite a terminal. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../helpers/cli.js';
import { cli } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';

/** Characters that must never be saved from typed text: C0/C1 controls (not newline or tab) and bidi overrides. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('control characters in typed text', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await tempFolder());
  });
  afterAll(() => cleanup());

  it('are removed from an action title before saving, the rest of the text kept', async () => {
    await cli(['action', 'add', 'Call the lead\u001b]0;pwned\u0007 today\u001b[2J now\u202E reversed'], { journal });
    const title = (await readJournal(journal)).actions[0].title;
    expect(title).not.toMatch(UNSAFE);
    expect(title).toBe('Call the lead]0;pwned today[2J now reversed');
  });

  it('are removed from a mentor name, advice and a private reflection', async () => {
    await cli(['mentor', 'add', 'Dr Ada\u0007 Lovelace'], { journal });
    await cli(
      [
        'log',
        '--mentor',
        'lovelace',
        '--when',
        'yesterday 15:00',
        '--advice',
        '\u001b[2JTalk to three GPs',
        '--private',
        'Felt \u202Eanxious\u202C',
      ],
      { journal },
    );
    const saved = await readJournal(journal);
    expect(saved.mentors[0].name).toBe('Dr Ada Lovelace');
    expect(saved.meetings[0].log.advice).toEqual(['[2JTalk to three GPs']);
    expect(saved.meetings[0].log.privateReflection).toBe('Felt anxious');
  });
});

import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { newUid } from '../../src/core/ids.js';
import { emptyJournal } from '../../src/core/model.js';
import { search } from '../../src/core/search.js';
import { renderSearch } from '../../src/ui/render/search.js';
import { NOW } from '../helpers/clock.js';

describe('search results on a terminal', () => {
  it('highlight the words found, as they were written, and nothing else', () => {
    const journal = emptyJournal(NOW);
    journal.goals.push({
      id: 'g1',
      uid: newUid(),
      title: 'Talk to three GPs\nabout researching',
      category: 'career',
      status: 'active',
      progress: [],
      mentors: [],
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    const style = new Chalk({ level: 1 });
    const query = { terms: ['gp', 'research'] };
    const [head, text] = renderSearch(journal, search(journal, query), query, { now: NOW, style }).split('\n');
    expect(text).toBe(`    Talk to three ${style.bold.underline('GPs')} about ${style.bold.underline('researching')}`);
    expect(head).toContain(style.bold('g1'));
  });
});

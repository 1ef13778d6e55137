/** Editing a record as a form: only the fields changed are applied, to the journal as it is when saved. */
import { describe, expect, it } from 'vitest';
import { applyEdit, editForm } from '../../src/core/edit.js';
import { logMeeting } from '../../src/core/log.js';
import { prepMeeting } from '../../src/core/prep.js';
import type { Journal } from '../../src/core/schema.js';
import { parseForm, renderForm, type FormEntry } from '../../src/ui/edit-form.js';
import { action, logInput, NOW, prepInput, withAda, worded } from './fixtures.js';

const edit = (j: Journal, ref: string, changes: Record<string, unknown>, includePrivate = false) =>
  worded(() => applyEdit(j, ref, changes, NOW, includePrivate));

describe('applying an edit', () => {
  it('keeps a field changed meanwhile by another command when the edit left it alone', () => {
    const j = withAda();
    action(j, { title: 'Email the lead', due: '2026-12-04' });
    const opened = structuredClone(j);
    j.actions[0]!.title = 'Email the training lead'; // another process, while the editor was open
    edit(j, 'a1', { due: '2026-12-11' });
    expect(j.actions[0]).toMatchObject({ title: 'Email the training lead', due: '2026-12-11' });
    expect(opened.actions[0]!.title).toBe('Email the lead');
  });

  it('clears an optional field given as nothing', () => {
    const j = withAda();
    action(j, { title: 'Email the lead', due: '2026-12-04' });
    edit(j, 'a1', { due: undefined });
    expect(j.actions[0]!.due).toBeUndefined();
  });

  it('refuses to change an id, saying so', () => {
    const j = withAda();
    action(j, { title: 'Email the lead' });
    expect(() => edit(j, 'a1', { id: 'a9' })).toThrow('id of a1 cannot be edited');
  });

  it('refuses a reference to a mentor that does not exist', () => {
    const j = withAda();
    action(j, { title: 'Email the lead' });
    expect(() => edit(j, 'a1', { mentor: 'nobody' })).toThrow('mentor of a1: refers to "nobody"');
  });

  it('refuses emptying a field a record must have', () => {
    const j = withAda();
    action(j, { title: 'Email the lead' });
    expect(() => edit(j, 'a1', { title: undefined })).toThrow('title of a1: must not be empty');
  });

  it('keeps what the form does not show of a topic (where it was carried from)', () => {
    const j = withAda();
    prepMeeting(j, prepInput({ when: '2026-12-03 17:30', topic: ['Rota:10'] }), NOW);
    j.meetings[0]!.prep!.topics[0]!.carriedFrom = 'm0';
    edit(j, 'm1', { topics: [{ title: 'Rota', minutes: 5 }, { title: 'Exams' }] });
    expect(j.meetings[0]!.prep!.topics).toEqual([{ title: 'Rota', minutes: 5, carriedFrom: 'm0' }, { title: 'Exams' }]);
  });

  it('offers a private reflection only when asked to, and refuses changing it otherwise', () => {
    const j = withAda();
    const { meeting } = logMeeting(j, logInput({ when: '2026-11-24 17:30', private: 'Felt unsure' }), NOW);
    expect(editForm(j, meeting.id, false).fields.map((field) => field.key)).not.toContain('private-reflection');
    expect(() => edit(j, meeting.id, { 'private-reflection': 'x' })).toThrow('cannot be edited');
    edit(j, meeting.id, { 'private-reflection': 'Felt sure' }, true);
    expect(j.meetings[0]!.log!.privateReflection).toBe('Felt sure');
  });
});

describe('the form as text', () => {
  it('reads back what it writes, quoting only what plain text would misread', () => {
    const entries: FormEntry[] = [
      { key: 'title', value: 'Ask: which rota? #1' },
      { key: 'why', value: '- a dash first' },
      { key: 'plain', value: 'Email the lead' },
      { key: 'long', value: 'line one\n\nline three', block: true },
      { key: 'rules', value: ['Email first', 'yes'], list: 'texts' },
      { key: 'topics', value: [{ title: 'Rota', minutes: '10' }, { title: '"Quoted"' }], list: 'records' },
      { key: 'empty', value: [], list: 'texts' },
      { key: 'none', value: undefined },
    ];
    const text = renderForm(['a header'], entries);
    expect(text).toContain('plain: Email the lead\n');
    const read = parseForm(text, new Set(['rules', 'topics', 'empty']));
    expect(Object.fromEntries(read)).toEqual(Object.fromEntries(entries.map((entry) => [entry.key, entry.value])));
  });

  it('writes the header, a blank line and a comment above each field, and quotes only what YAML would misread', () => {
    const text = renderForm(
      ['Editing a1.', 'Lines starting with # are ignored.'],
      [
        { key: 'title', comment: 'title: text', value: 'null' },
        { key: 'due', comment: 'due: a day', value: '2026-12-04' },
        { key: 'length', value: '60' },
        { key: 'goal', value: undefined },
      ],
    );
    expect(text).toBe(
      '# Editing a1.\n# Lines starting with # are ignored.\n\n# title: text\ntitle: "null"\n\n# due: a day\ndue: 2026-12-04\n\nlength: 60\n\ngoal:\n',
    );
  });

  it('reads what YAML would take for a number, a yes/no or a date as the text typed, and null or nothing as empty', () => {
    const read = parseForm('a: 045\nb: no\nc: 2026-12-03\nd: ~\ne: null\nf:\ng: .inf\n', new Set());
    expect(Object.fromEntries(read)).toEqual({
      a: '045',
      b: 'no',
      c: '2026-12-03',
      d: undefined,
      e: undefined,
      f: undefined,
      g: '.inf',
    });
  });

  it('names the line of a syntax problem', () => {
    expect(() => parseForm('title: a\ndue: "2026-12-04\n', new Set())).toThrow(/quote/);
    try {
      parseForm('title: a\n\ndue: b: c\n', new Set());
    } catch (error) {
      expect((error as { line: number }).line).toBe(3);
    }
  });
});

describe('an edit measured against the record as the editor opened it', () => {
  const opened = () => {
    const j = withAda();
    action(j, { title: 'Email the lead', due: '2026-12-04' });
    const base = Object.fromEntries(editForm(j, 'a1', false).fields.map(({ key, value }) => [key, value]));
    return { j, base };
  };
  const withBase = (j: Journal, changes: Record<string, unknown>, base: Record<string, unknown>) =>
    worded(() => applyEdit(j, 'a1', changes, NOW, false, base));

  it.each([
    ['nobody else changed it', undefined, '2026-12-11', '2026-12-11'],
    ['another command changed it to the same value', '2026-12-11', '2026-12-11', '2026-12-11'],
  ])('applies the field when %s', (_, theirs, mine, expected) => {
    const { j, base } = opened();
    if (theirs) j.actions[0]!.due = theirs;
    withBase(j, { due: mine }, base);
    expect(j.actions[0]!.due).toBe(expected);
  });

  it('refuses, naming every field another command changed to something else, and changes nothing', () => {
    const { j, base } = opened();
    j.actions[0]!.due = '2026-12-18';
    j.actions[0]!.title = 'Email the training lead';
    const before = structuredClone(j);
    expect(() => withBase(j, { due: '2026-12-11', title: 'Email the boss', owner: 'me' }, base)).toThrow(
      'Not saved: title, due of a1 were also changed by another command while the editor was open.',
    );
    expect(j).toEqual(before);
  });

  it('is not confused by empty and absent, or by the order of a topic’s fields', () => {
    const j = withAda();
    worded(() => prepMeeting(j, prepInput({ when: '2026-12-03 17:30', topic: ['Rota:10'] }), NOW));
    const base = Object.fromEntries(editForm(j, 'm1', false).fields.map(({ key, value }) => [key, value]));
    j.meetings[0]!.prep!.topics = [{ minutes: 10, title: 'Rota' }];
    worded(() => applyEdit(j, 'm1', { topics: [{ title: 'Rota', minutes: 15 }], intention: '' }, NOW, false, base));
    expect(j.meetings[0]!.prep!.topics[0]!.minutes).toBe(15);
  });
});

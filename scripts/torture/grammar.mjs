// Random command lines for mentee, built with fast-check from a grammar of its real commands and flags.
// Values are mostly what the flag expects (ids, dates, numbers), often plain hostile text: any unicode,
// control characters, emoji, 10,000-character strings, prototype keys, template and markup syntax.
import fc from 'fast-check';

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const LONG = ['x'.repeat(10_000), '🦄'.repeat(5_000), 'a1 '.repeat(3_400), `${'é'.repeat(9_999)}:15`];

const CONTROL = fc.string({ unit: fc.integer({ min: 1, max: 0x9f }).map((code) => String.fromCharCode(code)) });
const EMOJI = fc.string({
  unit: fc.constantFrom('😀', '👩🏽‍⚕️', '🏳️‍🌈', '🇬🇧', '\u200d', '\ufe0f', '🦄', '💩', '\u0301', 'ﷺ', '𝕏'),
});
const SPECIAL = fc.constantFrom(
  ...PROTOTYPE_KEYS,
  '',
  ' ',
  '\n',
  '\t\t',
  '\r\n',
  '-',
  '--',
  '--json',
  '--help',
  '-h',
  '-V',
  '--all',
  '--yes',
  ':',
  '::',
  '\\:',
  'a:b:c',
  '=',
  'a1=',
  '{{ journal }}',
  '{% raw %}',
  '{{ "x" | append: 1 }}',
  '${process.exit(1)}',
  '%s%n%d',
  '<script>alert(1)</script>',
  '](javascript:x)',
  '\u202eevil',
  '\u2066x\u2069',
  'null',
  'undefined',
  'NaN',
  '{"__proto__": {"polluted": true}}',
  '../../../../etc/passwd',
  'BEGIN:VEVENT\nEND:VCALENDAR',
  '\ud800',
  '\udfff lone',
  'Ω≈ç√∫˜µ≤≥÷',
  '943 476 5919',
  'NHS 9434765919',
  'ＡＢＣ１２３',
);
/** Any text at all: the hostile end of every flag. */
export const hostileText = fc.oneof(
  { arbitrary: fc.string(), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme' }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary' }), weight: 2 },
  { arbitrary: CONTROL, weight: 2 },
  { arbitrary: EMOJI, weight: 1 },
  { arbitrary: SPECIAL, weight: 3 },
  { arbitrary: fc.constantFrom(...LONG), weight: 1 },
  { arbitrary: fc.string({ minLength: 200, maxLength: 2_000 }), weight: 1 },
);

export const hostileId = fc.oneof(
  {
    arbitrary: fc.constantFrom('a1', 'a2', 'a3', 'a4', 'g1', 'm1', 'm2', 'lovelace', 'smith', 'ada', 'Ada', 'LOVELACE'),
    weight: 4,
  },
  {
    arbitrary: fc.constantFrom('a-1', 'm99999999999999999999', 'g0', 'a0', 'A1', 'a1 ', ' m1', 'a01', 'm1.5', 'a1e3'),
    weight: 2,
  },
  {
    arbitrary: fc.constantFrom('a', 'm', 'g', 'x1', 'a 1', 'a١', 'ａ1', 'a1\u0000', 'g-0', ...PROTOTYPE_KEYS),
    weight: 1,
  },
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom('a', 'g', 'm'),
        fc.oneof(fc.bigInt({ min: 0n, max: 12n }), fc.bigInt({ min: -1n, max: 10n ** 25n })),
      )
      .map(([kind, n]) => `${kind}${n}`),
    weight: 2,
  },
  { arbitrary: hostileText, weight: 1 },
);

export const hostileDate = fc.oneof(
  fc.constantFrom('2026-02-30', 'tomorrow', 'in -3 weeks', '99999-01-01', '', 'today', 'yesterday', 'now'),
  fc.constantFrom('next friday 5pm', 'in 2 weeks', 'last monday', '3 dec', '2026-12-03', '2026-12-03 17:30'),
  fc.constantFrom('2026-12-03 25:00', '2026-12-03T17:30:00Z', '2026-12-03T17:30:00+99:99', '0000-01-01'),
  fc.constantFrom('275760-09-13', '-271821-04-20', 'in 99999999 years', 'in 1e309 days', '03/12/2026', '2026-13-01'),
  fc.constantFrom('2026-W49', '2026-12-03T24:00', 'noon', 'midnight', 'next fridy', '1e10', 'Infinity', '-1'),
  // Readable, but beyond the years a journal can hold (four digits, from 1000).
  fc.constantFrom('in 10000 years', 'in 7974 years', '2100 years ago', '5000 years ago', '19249 years', '1 year ago'),
  fc
    .tuple(
      fc.constantFrom('in', 'next', 'last', ''),
      fc.oneof(fc.integer(), fc.integer({ min: -20_000, max: 20_000 }), fc.constantFrom(0, -0, 1e21, 2 ** 53)),
      fc.constantFrom('days', 'weeks', 'months', 'years', 'friday', 'hours', 'ago', ''),
    )
    .map((parts) => parts.join(' ').trim()),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((date) => date.toISOString()),
  fc
    .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);

const hostileNumber = fc.oneof(
  fc.constantFrom('30', '0', '-5', '1e3', '0x10', '1441', '1440', '99999999999999999999', '3.5', ' 30 ', '٣٠', '３０'),
  fc.integer().map(String),
  fc.double().map(String),
);

const OUT_NAMES = ['out.md', 'out.html', 'out.ics', 'out.json', 'out.docx', 'journal.json', '.', '', 'x'];

/** What a flag takes: each kind is mostly sensible values of its own, and sometimes anything at all. */
const KINDS = {
  text: fc.oneof(fc.constantFrom('Draft a statement', 'Rota worries', 'Talk to GPs'), hostileText),
  id: hostileId,
  mentor: fc.oneof(fc.constantFrom('lovelace', 'smith', 'ada', 'Dr Ada Lovelace', 'nobody'), hostileId),
  date: hostileDate,
  number: hostileNumber,
  owner: fc.constantFrom('me', 'mentor', 'MENTOR', 'them', ''),
  category: fc.constantFrom('career', 'Clinical', 'hobby', ''),
  goalStatus: fc.constantFrom('active', 'achieved', 'paused', 'dropped', 'done', ''),
  mode: fc.constantFrom('in-person', 'video', 'phone', 'other', 'VIDEO', 'carrier pigeon'),
  topicKind: fc.constantFrom('question', 'decision', 'update', 'feedback', 'personal', 'rant'),
  support: fc.constantFrom('career', 'opportunities', 'pitfalls', 'emotional', 'balance', 'other', 'wellbeing', 'x'),
  cadence: fc.constantFrom(
    '4w',
    '2 weeks',
    '30d',
    'monthly',
    '0d',
    '9999w',
    '-4w',
    '1e3d',
    'sometimes',
    '__proto__',
    'constructor',
  ),
  contact: fc.oneof(
    fc.constantFrom('email:ada@example.org', 'phone:+44 7700 900000', 'pigeon', ':', 'email:'),
    hostileText,
  ),
  topic: fc.oneof(
    fc.tuple(hostileText, fc.oneof(hostileNumber, fc.constant(''))).map(([title, minutes]) => `${title}:${minutes}`),
    fc.constantFrom('Specialty choice:15', 'Rota', 'a\\:b:5', ':10', 'x:0', 'x:-3', 'x:1441'),
  ),
  numbers: fc.oneof(fc.constantFrom('1', '1,2', '1-3', '3-1', '0', '99', '1,,2', '-', '1-', 'all'), hostileNumber),
  review: fc.oneof(
    fc
      .tuple(hostileId, fc.constantFrom('done', 'progress', 'blocked', 'dropped', 'open', 'maybe', ''), hostileText)
      .map(([id, state, note]) => `${id}=${state}:${note}`),
    fc.constantFrom('a1=done', 'a4=blocked:waiting', '=done', 'a1', 'a1==', '__proto__=done'),
  ),
  action: fc.oneof(
    fc.tuple(hostileText, hostileDate).map(([title, due]) => `${title}:${due}`),
    fc.constantFrom('Email the lead:in 2 weeks', 'Call\\: now:tomorrow', 'x:', ':tomorrow'),
  ),
  format: fc.constantFrom('md', 'html', 'ics', 'json', 'MD', 'pdf', ''),
  template: fc.oneof(fc.constantFrom('check-in', 'first-meeting', 'wellbeing', '../../package', 'nope'), hostileText),
  // Only names inside the run's own folder: an export must never be written anywhere else.
  out: fc.constantFrom(...OUT_NAMES),
  bool: fc.constant(undefined),
};

const ACTION_FIELDS = { due: 'date', goal: 'id', mentor: 'mentor', owner: 'owner', note: 'text' };
const GOAL_FIELDS = { category: 'category', target: 'date', why: 'text', success: 'text', mentor: 'mentor' };
const MENTOR_FIELDS = {
  role: 'text',
  contact: 'contact',
  cadence: 'cadence',
  length: 'number',
  rule: 'text',
  expect: 'support',
  since: 'date',
};
const MEETING_FIELDS = { mentor: 'mentor', when: 'date', length: 'number', mode: 'mode', json: 'bool' };

/** Each command: its words, its positional arguments (`?` optional) and its flags with what they take. */
export const COMMANDS = [
  { words: ['action', 'add'], args: ['text'], flags: { ...ACTION_FIELDS, json: 'bool' } },
  { words: ['action', 'edit'], args: ['id'], flags: { ...ACTION_FIELDS, title: 'text', 'clear-due': 'bool' } },
  { words: ['action', 'done'], args: ['id'], flags: { note: 'text' } },
  { words: ['done'], args: ['id'], flags: { note: 'text' } },
  { words: ['goal', 'add'], args: ['text'], flags: { ...GOAL_FIELDS, json: 'bool' } },
  {
    words: ['goal', 'update'],
    args: ['id'],
    flags: { ...GOAL_FIELDS, note: 'text', title: 'text', status: 'goalStatus' },
  },
  { words: ['mentor', 'add'], args: ['text'], flags: { ...MENTOR_FIELDS, handle: 'text', json: 'bool' } },
  {
    words: ['mentor', 'edit'],
    args: ['mentor'],
    flags: { ...MENTOR_FIELDS, name: 'text', 'clear-rules': 'bool', 'clear-expect': 'bool' },
  },
  {
    words: ['prep'],
    args: [],
    flags: {
      ...MEETING_FIELDS,
      meeting: 'id',
      intention: 'text',
      topic: 'topic',
      kind: 'topicKind',
      goal: 'id',
      review: 'review',
      'carry-parked': 'bool',
      template: 'template',
      yes: 'bool',
    },
  },
  {
    words: ['log'],
    args: ['id?'],
    flags: {
      ...MEETING_FIELDS,
      topic: 'topic',
      covered: 'numbers',
      parked: 'numbers',
      advice: 'text',
      feedback: 'text',
      decision: 'text',
      challenged: 'text',
      action: 'action',
      'mentor-action': 'action',
      private: 'text',
      next: 'date',
      amend: 'bool',
      yes: 'bool',
    },
  },
  { words: ['show'], args: ['id'], flags: { json: 'bool', 'include-private': 'bool' } },
  {
    words: ['export'],
    args: [],
    flags: {
      format: 'format',
      next: 'bool',
      meeting: 'id',
      since: 'date',
      from: 'date',
      to: 'date',
      all: 'bool',
      mentor: 'mentor',
      'include-private': 'bool',
      out: 'out',
      force: 'bool',
    },
  },
  { words: ['status'], args: [], flags: { json: 'bool' } },
  {
    words: ['actions'],
    args: [],
    flags: { overdue: 'bool', mentor: 'mentor', goal: 'id', mine: 'bool', all: 'bool', json: 'bool' },
  },
  { words: ['meetings'], args: [], flags: { mentor: 'mentor', json: 'bool' } },
  { words: ['init'], args: [], flags: { name: 'text', stage: 'text', yes: 'bool' } },
  { words: ['meeting', 'cancel'], args: ['id'], flags: {} },
  { words: ['templates', 'show'], args: ['template'], flags: { json: 'bool' } },
  { words: ['goal', 'show'], args: ['id'], flags: { json: 'bool' } },
  { words: ['mentor', 'show'], args: ['mentor'], flags: { json: 'bool' } },
  { words: ['doctor'], args: [], flags: { json: 'bool', restore: 'number' } },
  { words: ['undo'], args: [], flags: { json: 'bool' } },
  { words: ['encrypt'], args: [], flags: {} },
  { words: ['decrypt'], args: [], flags: {} },
];

/** Read commands, whose `--json` output must be one JSON document. */
export const READS = new Set([
  'show',
  'status',
  'actions',
  'meetings',
  'templates show',
  'goal show',
  'mentor show',
  'doctor',
]);

/** Mostly what the flag expects; one time in four, any hostile text at all. */
const valueOf = (kind) =>
  kind === 'out' ? KINDS.out : fc.oneof({ arbitrary: KINDS[kind], weight: 3 }, { arbitrary: hostileText, weight: 1 });
const flagValue = (kind) => (kind === 'bool' ? fc.constant([]) : valueOf(kind).map((value) => [value]));

/** One flag as typed: `--name value`, sometimes `--name=value`, and rarely with its value missing. */
const typedFlag = (name, kind) =>
  fc.tuple(flagValue(kind), fc.nat({ max: 19 })).map(([value, style]) => {
    if (!value.length || style > 17) return [`--${name}`];
    return style === 17 ? [`--${name}=${value[0]}`] : [`--${name}`, value[0]];
  });

/** Some of a command's flags in any order, now and then one given twice. */
function flagsArbitrary(flags) {
  const names = Object.keys(flags);
  if (!names.length) return fc.constant([]);
  return fc
    .tuple(
      fc.shuffledSubarray(names, { maxLength: Math.min(6, names.length) }),
      fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.constantFrom(...names), weight: 1 }),
    )
    .chain(([chosen, twice]) => {
      const all = twice === null || !chosen.length ? chosen : [...chosen, twice];
      return fc.tuple(...all.map((name) => typedFlag(name, flags[name]))).map((typed) => typed.flat());
    });
}

const oddBits = fc.constantFrom(
  ['--bogus'],
  ['--json'],
  ['--no-color'],
  ['--allow-identifiers'],
  ['-y'],
  ['--'],
  ['extra', 'words'],
  ['--help'],
  ['--__proto__', 'x'],
  ['--constructor'],
);

/** A whole command line: a command, its arguments (sometimes too few or too many), some flags, odd bits. */
export const argvArbitrary = fc
  .nat({ max: COMMANDS.length - 1 })
  .chain((index) => {
    const command = COMMANDS[index];
    const positional = command.args.map((kind) => valueOf(kind.replace('?', '')));
    return fc.record({
      command: fc.constant(command),
      args: fc.tuple(...positional),
      dropArgs: fc.nat({ max: 15 }),
      flags: flagsArbitrary(command.flags),
      odd: fc.oneof({ arbitrary: fc.constant(null), weight: 7 }, { arbitrary: oddBits, weight: 1 }),
      unknownCommand: fc.oneof({ arbitrary: fc.constant(null), weight: 39 }, { arbitrary: hostileText, weight: 1 }),
    });
  })
  .map(({ command, args, dropArgs, flags, odd, unknownCommand }) => {
    const words = unknownCommand === null ? command.words : [unknownCommand];
    const positional = dropArgs === 0 ? [] : args;
    return safeArgv([...words, ...positional, ...flags, ...(odd ?? [])]);
  });

/**
 * Arguments a process can receive (no NUL), that never point the run at another journal, and that
 * name an export file only from OUT_NAMES, all inside the run's own folder.
 */
export function safeArgv(argv) {
  const clean = argv.map((arg) => arg.replaceAll('\u0000', '␀'));
  return clean.map((arg, index) => {
    if (/^--journal(=|$)/.test(arg)) return 'x';
    const joined = /^--out=(.*)$/s.exec(arg);
    if (joined) return OUT_NAMES.includes(joined[1]) ? arg : 'x';
    if (clean[index - 1] === '--out' && !OUT_NAMES.includes(arg)) return 'out.md';
    return arg;
  });
}

/** `count` command lines from `seed`: the same seed gives the same lines. */
export function sampleArgvs(count, seed) {
  return fc.sample(argvArbitrary, { numRuns: count, seed });
}

export function describeArgv(argv) {
  return JSON.stringify(argv.map((arg) => (arg.length > 80 ? `${arg.slice(0, 40)}…(${arg.length} chars)` : arg)));
}

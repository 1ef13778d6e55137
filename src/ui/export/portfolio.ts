/**
 * The portfolio formats: plain text to paste into a portfolio's web form (Horus, FourteenFish, Kaizen),
 * one block per field of its reflective entry or development plan, and the plan as CSV. No Markdown:
 * a form shows `#`, `*`, `_` and `|` as they are, so the layout writes none (a line's label says what it
 * is), tags are listed apart rather than left in the words, and each item keeps to one line.
 */
import { oneLine } from '../../core/text.js';
import { withoutTagMarks } from '../../core/tags.js';
import type { MeetingView } from '../views/meeting-view.js';
import type { ActionView } from '../views/record-views.js';
import type { PdpView } from '../views/pdp-view.js';

/** One item of user text as a form shows it: on one line, without tag marks. */
const plain = (text: string) => oneLine(withoutTagMarks(text)).trim();

/** A block: its field's name on a line of its own, then its lines (or what to say when it has none). */
function block(field: string, lines: string[], none: string): string {
  return [field, ...(lines.length ? lines : [none])].join('\n');
}

/** A meeting's record as a reflective entry: what happened, so what, now what, and suggested curriculum links. */
export function meetingEntry(meeting: MeetingView, tags: string[]): string {
  const record = meeting.record!;
  const labelled = (label: string, items: string[]) => items.map((item) => `${label}: ${plain(item)}`);
  const topics = meeting.topics.filter((topic) => topic.outcome === 'covered');
  const parked = meeting.topics.filter((topic) => topic.outcome === 'parked');
  const role = meeting.mentor.role ? ` (${plain(meeting.mentor.role)})` : '';
  const reflections = meeting.private
    ? [
        ...(meeting.private.reflection ? [`My reflection: ${plain(meeting.private.reflection)}`] : []),
        ...meeting.private.reflections
          .filter(({ answer }) => answer.trim())
          .map(({ prompt, answer }) => `${plain(prompt)} ${plain(answer)}`),
      ]
    : [];
  return `${[
    `Reflection on a mentoring meeting with ${plain(meeting.mentor.name)}${role}`,
    `${meeting.when}, ${meeting.lengthMinutes} minutes, ${meeting.mode}`,
  ].join('\n')}

${block(
  'What happened',
  [
    ...(meeting.intention ? [`What I wanted from it: ${plain(meeting.intention)}`] : []),
    ...topics.map(
      (topic) => `Discussed: ${plain(topic.title)}${topic.outcomeNote ? `. ${plain(topic.outcomeNote)}` : ''}`,
    ),
    ...parked.map((topic) => `Left for another meeting: ${plain(topic.title)}`),
  ],
  'No topics were recorded as covered.',
)}

${block(
  'So what',
  [
    ...labelled('Advice', record.advice),
    ...labelled('Feedback', record.feedback),
    ...labelled('An assumption challenged', record.challenged),
    ...reflections,
  ],
  'No advice, feedback or challenged assumptions were recorded.',
)}

${block(
  'Now what',
  [...labelled('I decided', record.decisions), ...record.myPlan.map((action) => `I will: ${actionLine(action)}`)],
  'No decisions or actions of my own were agreed.',
)}

${block(
  'Curriculum links (suggested)',
  tags.length ? [tags.join(', ')] : [],
  "None: tag the meeting's notes (#research, #wellbeing) to suggest some.",
)}
`;
}

/** "Book clinic shadowing, by Fri 20 Nov 2026 (done Wed 18 Nov 2026)". */
function actionLine(action: ActionView): string {
  const by = action.due ? `, by ${action.due}` : '';
  const state =
    action.status === 'done'
      ? ` (done${action.completed ? ` ${action.completed}` : ''})`
      : action.status === 'dropped'
        ? ' (dropped)'
        : '';
  return `${plain(action.title)}${by}${state}`;
}

/** The development plan in plain text: a block per goal, each field on its own line, lists indented. */
export function pdpText(pdp: PdpView): string {
  const who = [pdp.mentee, pdp.stage].filter(Boolean).map(plain).join(', ');
  const narrowed = [pdp.mentor && `goals with ${plain(pdp.mentor)}`, pdp.tag && `tagged ${pdp.tag}`].filter(Boolean);
  const head = [
    `${pdp.title}${who ? `: ${who}` : ''}`,
    `As of ${pdp.asOf}${narrowed.length ? `, ${narrowed.join(', ')}` : ''}`,
  ];
  const list = (items: string[]) => (items.length ? items.map((item) => `\n  ${item}`).join('') : ' none yet');
  const goals = pdp.goals.map((goal) =>
    [
      `Objective ${goal.number}: ${plain(goal.objective)}`,
      `Why (the need): ${goal.why ? plain(goal.why) : 'not given'}`,
      `How I will address it:${list(goal.actions.map((action) => `${plain(action.title)} (${action.standing})`))}`,
      `Target date: ${goal.target || 'none set'}`,
      `How I will know: ${goal.success ? plain(goal.success) : 'not given'}`,
      `Progress:${list(goal.progress.map((note) => `${note.date}: ${plain(note.note)}`))}`,
      `Achieved: ${goal.achieved || `not yet (${goal.status})`}`,
    ].join('\n'),
  );
  return `${[head.join('\n'), ...(goals.length ? goals : ['No goals to show.'])].join('\n\n')}\n`;
}

/** The header row of the plan's CSV, in the order of a portfolio's PDP form. */
export const PDP_COLUMNS = [
  'Objective',
  'Why (the need)',
  'How I will address it',
  'Target date',
  'How I will know',
  'Progress',
  'Achieved date',
] as const;

/**
 * The plan's rows, one per goal: dates as YYYY-MM-DD (a spreadsheet sorts them), lists one item a line,
 * each cell one a spreadsheet shows as text (see csvCell).
 */
export function pdpRows(pdp: PdpView): string[][] {
  return pdp.goals.map((goal) =>
    [
      plain(goal.objective),
      plain(goal.why),
      goal.actions.map((action) => `${plain(action.title)} (${action.standing})`).join('\n'),
      goal.targetDay,
      plain(goal.success),
      goal.progress.map((note) => `${note.date}: ${plain(note.note)}`).join('\n'),
      goal.achievedDay,
    ].map(csvCell),
  );
}

/**
 * A cell as text, never a formula: one that starts with =, +, -, @ (or their full-width forms), a tab or
 * a carriage return is run by a spreadsheet as a formula (`=HYPERLINK(...)` as a goal's title), so it
 * gets a leading ' as OWASP's advice on CSV injection has it; the spreadsheet shows the rest as typed.
 */
export function csvCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

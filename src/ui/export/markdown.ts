import type { Agenda } from '../../core/agenda.js';
import { formatDateTime, formatDay } from '../../core/dates.js';
import type { Action, Journal, Meeting, Topic } from '../../core/schema.js';
import { mentorName } from '../../core/refs.js';
import type { Summary } from '../../core/summary.js';

/** User text inside Markdown: one line, with the characters that would change the structure escaped. */
export function md(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/[\\`*_[\]<>|~#]/g, '\\$&');
}

const list = (items: string[]) => items.map((item) => `- ${md(item)}`);
const part = (title: string, lines: string[]) => (lines.length ? [`## ${title}`, '', ...lines, ''] : []);

function topicTable(topics: Topic[], withOutcome: boolean): string[] {
  if (!topics.length) return [];
  const header = withOutcome ? '| # | Topic | Kind | Minutes | Outcome |' : '| # | Topic | Kind | Minutes |';
  const rule = withOutcome ? '|---|---|---|---:|---|' : '|---|---|---|---:|';
  return [
    header,
    rule,
    ...topics.map((topic, index) => {
      const cells = [
        String(index + 1),
        md(topic.title) + (topic.carriedFrom ? ' (carried over)' : ''),
        topic.kind ?? '',
        topic.minutes ? String(topic.minutes) : '',
      ];
      if (withOutcome)
        cells.push(topic.outcome ? md(`${topic.outcome}${topic.outcomeNote ? `: ${topic.outcomeNote}` : ''}`) : '');
      return `| ${cells.join(' | ')} |`;
    }),
  ];
}

function actionLine(journal: Journal, action: Action, state = action.status as string, note?: string): string {
  const box = state === 'done' ? '[x]' : '[ ]';
  const who = action.owner === 'mentor' ? `${md(mentorName(journal, action.mentor))}: ` : '';
  const due = action.due ? ` (due ${formatDay(action.due)})` : '';
  const status = state === 'open' ? '' : ` — ${md(state)}${note ? `: ${md(note)}` : ''}`;
  return `- ${box} ${who}${md(action.title)}${due}${status}`;
}

/** Reflection answers and the private reflection, for an export the mentee asked to include them in. */
function privateMarkdown(meeting: Meeting): string[] {
  return [
    ...(meeting.prep?.reflections ?? []).map(({ prompt, answer }) => `- *${md(prompt)}* ${md(answer)}`),
    ...(meeting.log?.privateReflection ? [md(meeting.log.privateReflection)] : []),
  ];
}

/** The agenda to send ahead, or (once logged) the record of the meeting. */
export function meetingMarkdown(journal: Journal, agenda: Agenda, includePrivate: boolean): string {
  const { meeting, mentor } = agenda;
  const log = meeting.log;
  const prep = meeting.prep;
  const title = log ? `Meeting notes: ${md(mentor.name)}` : `Agenda: meeting with ${md(mentor.name)}`;
  const total = agenda.timeCheck;
  const fromHere = agenda.actionsAgreed;
  const lines = [
    `# ${title}`,
    '',
    `**When:** ${formatDateTime(meeting.when)} · **Length:** ${meeting.lengthMinutes} min · **Mode:** ${meeting.mode}`,
    '',
    ...(prep?.intention ? [`**What I want from this meeting:** ${md(prep.intention)}`, ''] : []),
    ...part('Topics', [
      ...topicTable(agenda.topics, Boolean(log)),
      ...(agenda.topics.length ? ['', `Planned: ${total.plannedMinutes} of ${total.lengthMinutes} minutes.`] : []),
    ]),
    ...part(
      'Progress on actions',
      agenda.actionsReviewed.map(({ action, state, note }) => actionLine(journal, action, state, note)),
    ),
    ...part(
      'Goals to discuss',
      agenda.goals.map(
        (goal) =>
          `- **${md(goal.title)}** (${goal.category}${goal.targetDate ? `, target ${formatDay(goal.targetDate)}` : ''})`,
      ),
    ),
    ...(log
      ? [
          ...part('Advice', list(log.advice)),
          ...part('Feedback', list(log.feedback)),
          ...part('Decisions', list(log.decisions)),
          ...part('Assumptions challenged', list(log.challenged)),
          ...part(
            'My action plan',
            fromHere.filter((action) => action.owner === 'me').map((action) => actionLine(journal, action)),
          ),
          ...part(
            `What ${md(mentor.name)} offered`,
            fromHere.filter((action) => action.owner === 'mentor').map((action) => actionLine(journal, action)),
          ),
          ...(includePrivate ? part('Private reflection', privateMarkdown(meeting)) : []),
          ...(log.nextMeeting ? [`**Next meeting:** ${formatDateTime(log.nextMeeting)}`, ''] : []),
        ]
      : []),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

export function summaryMarkdown(journal: Journal, summary: Summary, includePrivate: boolean): string {
  const { scope, figures } = summary;
  const period = `${scope.from ? formatDay(scope.from) : 'the start'} to ${formatDay(scope.to)}`;
  const who = journal.profile.name ? `${md(journal.profile.name)}: ` : '';
  const rate = figures.onTimeRate === null ? '' : ` (${Math.round(figures.onTimeRate * 100)}% on time)`;
  const meetingLines = (meeting: Meeting) => {
    const log = meeting.log;
    const items = [
      ...(log?.advice ?? []).map((text) => `  - Advice: ${md(text)}`),
      ...(log?.decisions ?? []).map((text) => `  - Decision: ${md(text)}`),
      ...(includePrivate && log?.privateReflection ? [`  - Private reflection: ${md(log.privateReflection)}`] : []),
    ];
    return [`- **${formatDateTime(meeting.when)}** with ${md(mentorName(journal, meeting.mentor))}`, ...items];
  };
  const lines = [
    `# ${who}mentoring summary${scope.mentor ? ` with ${md(scope.mentor.name)}` : ''}`,
    '',
    `Period: ${period}.`,
    '',
    `Meetings held: ${figures.meetingsHeld} · Actions completed: ${figures.actionsCompleted}${rate}`,
    '',
    ...part('Meetings', summary.meetings.flatMap(meetingLines)),
    ...part(
      'Goals',
      summary.goals.flatMap(({ goal, progress }) => [
        `- **${md(goal.title)}** — ${goal.status}${goal.targetDate ? `, target ${formatDay(goal.targetDate)}` : ''}`,
        ...progress.map((note) => `  - ${formatDay(note.at)}: ${md(note.note)}`),
      ]),
    ),
    ...part(
      'Actions completed',
      summary.actionsDone.map((action) => actionLine(journal, action)),
    ),
    ...part(
      'Actions open',
      summary.actionsOpen.map((action) => actionLine(journal, action)),
    ),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

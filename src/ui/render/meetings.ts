import type { Agenda, TimeCheck } from '../../core/agenda.js';
import { isPrepared } from '../../core/meetings.js';
import { hasPrivate } from '../../core/privacy.js';
import { mentorName } from '../../core/refs.js';
import type { Journal, Meeting, Topic } from '../../core/schema.js';
import { oneLine } from '../../core/text.js';
import { formatDateTime, relativeDay } from '../words.js';
import { actionRow } from './actions.js';
import { blocks, bullets, columns, section } from './layout.js';
import type { RenderOptions } from './options.js';

export function renderMeetingList(journal: Journal, meetings: Meeting[], { now, style }: RenderOptions): string {
  if (!meetings.length) return 'No meetings yet. Prepare one with: mentee prep --when "next thursday 17:30"';
  return columns(
    meetings.map((meeting) => [
      style.bold(meeting.id),
      formatDateTime(meeting.when),
      style.dim(relativeDay(new Date(meeting.when), now)),
      mentorName(journal, meeting.mentor),
      meetingState(meeting, style),
    ]),
  ).join('\n');
}

function meetingState(meeting: Meeting, style: RenderOptions['style']): string {
  if (meeting.status === 'cancelled') return style.dim('cancelled');
  if (meeting.status === 'held') return meeting.log ? style.green('held, logged') : 'held';
  return isPrepared(meeting) ? style.green('planned, prepared') : style.yellow('planned, not prepared');
}

export function heading(journal: Journal, meeting: Meeting, { now, style }: RenderOptions): string {
  return `${style.bold(`${meeting.id}  ${mentorName(journal, meeting.mentor)}`)} — ${formatDateTime(meeting.when)} ${style.dim(`(${relativeDay(new Date(meeting.when), now)})`)}, ${meeting.lengthMinutes} min, ${meeting.mode}, ${meeting.status}`;
}

export function renderAgenda(journal: Journal, agenda: Agenda, options: RenderOptions): string {
  const { style } = options;
  const { meeting } = agenda;
  return blocks(
    [
      heading(journal, meeting, options),
      ...(meeting.prep?.intention ? [`${style.dim('Intention:')} ${oneLine(meeting.prep.intention)}`] : []),
    ],
    section('Topics', [
      ...topicLines(agenda.topics, options),
      ...(agenda.topics.length ? [timeCheckLine(agenda.timeCheck, style)] : []),
    ]),
    section(
      'Actions since last time',
      columns(
        agenda.actionsReviewed.map(({ action, state, note }) => {
          const row = actionRow(journal, action, options);
          return [
            ...row.slice(0, 3),
            state === action.status ? row[3]! : `${state}${note ? `: ${oneLine(note)}` : ''}`,
          ];
        }),
      ),
    ),
    section(
      'Goals to discuss',
      agenda.goals.map((goal) => `${style.bold(goal.id)}  ${oneLine(goal.title)}`),
    ),
  );
}

export function topicLines(topics: Topic[], { style }: RenderOptions): string[] {
  return columns(
    topics.map((topic, index) => [
      `${index + 1}.`,
      oneLine(topic.title),
      topic.kind ?? '',
      topic.minutes ? `${topic.minutes} min` : style.dim('untimed'),
      [
        topic.goalId,
        topic.carriedFrom ? `parked at ${topic.carriedFrom}` : '',
        topic.outcome ? outcomeText(topic, style) : '',
      ]
        .filter(Boolean)
        .join(', '),
    ]),
  );
}

function outcomeText(topic: Topic, style: RenderOptions['style']): string {
  const text = `${topic.outcome}${topic.outcomeNote ? `: ${oneLine(topic.outcomeNote)}` : ''}`;
  return topic.outcome === 'covered' ? style.green(text) : style.yellow(text);
}

export function timeCheckLine(check: TimeCheck, style: RenderOptions['style']): string {
  const untimed = check.untimed ? ` (${check.untimed} untimed)` : '';
  if (check.overBy > 0)
    return style.red(`Total ${check.plannedMinutes} of ${check.lengthMinutes} min: ${check.overBy} min over${untimed}`);
  const spare = check.lengthMinutes - check.plannedMinutes;
  return style.dim(
    `Total ${check.plannedMinutes} of ${check.lengthMinutes} min${spare ? `, ${spare} to spare` : ''}${untimed}`,
  );
}

/** The whole record of a meeting. The private reflection is shown, marked, only when `includePrivate`. */
export function renderMeeting(
  journal: Journal,
  agenda: Agenda,
  options: RenderOptions & { includePrivate: boolean },
): string {
  const { meeting } = agenda;
  const { style } = options;
  const log = meeting.log;
  const fromHere = agenda.actionsAgreed;
  return blocks(
    [renderAgenda(journal, agenda, options)],
    log
      ? blocks(
          bullets('Advice', log.advice),
          bullets('Feedback', log.feedback),
          bullets('Decisions', log.decisions),
          bullets('Assumptions challenged', log.challenged),
          section('Action plan', columns(fromHere.map((action) => actionRow(journal, action, options)))),
          log.nextMeeting ? [`${style.dim('Next meeting:')} ${formatDateTime(log.nextMeeting)}`] : [],
        ).split('\n')
      : [],
    privateBlock(meeting, options),
  );
}

/** Private reflections: shown, marked as never shared, only when asked for; otherwise only said to exist. */
function privateBlock(
  meeting: Meeting,
  { style, includePrivate }: RenderOptions & { includePrivate: boolean },
): string[] {
  if (!hasPrivate(meeting)) return [];
  if (!includePrivate) return [style.dim('Private reflection: hidden (show it with --include-private)')];
  const lines = [
    ...(meeting.prep?.reflections ?? []).flatMap(({ prompt, answer }) => [
      style.dim(oneLine(prompt)),
      ...answer.split('\n').map(oneLine),
    ]),
    ...(meeting.log?.privateReflection ?? '').split('\n').filter(Boolean).map(oneLine),
  ];
  return section(style.magenta('Private reflection (never shared)'), lines);
}

import type { Agenda } from '../../core/agenda.js';
import { isPrepared } from '../../core/meetings.js';
import { mentorName } from '../../core/refs.js';
import type { Journal, Meeting } from '../../core/schema.js';
import { oneLine } from '../../core/text.js';
import type { Style } from '../style.js';
import { meetingView, type MeetingView } from '../views/meeting-view.js';
import type { TopicView } from '../views/record-views.js';
import { formatDateTime, fromNow } from '../words.js';
import { actionRow } from './actions.js';
import { blocks, bullets, columns, section } from './layout.js';
import type { RenderOptions } from './options.js';

export function renderMeetingList(journal: Journal, meetings: Meeting[], { now, style }: RenderOptions): string {
  if (!meetings.length) return 'No meetings yet. Prepare one with: mentee prep --when "next thursday 17:30"';
  return columns(
    meetings.map((meeting) => [
      style.bold(meeting.id),
      formatDateTime(meeting.when),
      style.dim(fromNow(new Date(meeting.when), now)),
      mentorName(journal, meeting.mentor),
      meetingState(meeting, style),
    ]),
  ).join('\n');
}

function meetingState(meeting: Meeting, style: Style): string {
  if (meeting.status === 'cancelled')
    return style.dim(meeting.cancelNote ? `cancelled: ${oneLine(meeting.cancelNote)}` : 'cancelled');
  if (meeting.status === 'held') return meeting.log ? style.green('held, logged') : 'held';
  return isPrepared(meeting) ? style.green('planned, prepared') : style.yellow('planned, not prepared');
}

/** A meeting's agenda: what `prep` prints, and the top of `show`. */
export function renderAgenda(journal: Journal, agenda: Agenda, { now, style }: RenderOptions): string {
  return agendaText(meetingView(journal, agenda, { includePrivate: false, now }), style);
}

/** The whole record of a meeting. The private reflection is shown, marked, only when `includePrivate`. */
export function renderMeeting(
  journal: Journal,
  agenda: Agenda,
  { now, style, includePrivate }: RenderOptions & { includePrivate: boolean },
): string {
  const view = meetingView(journal, agenda, { includePrivate, now });
  const { record } = view;
  return blocks(
    [agendaText(view, style)],
    record
      ? blocks(
          bullets('Advice', record.advice),
          bullets('Feedback', record.feedback),
          bullets('Decisions', record.decisions),
          bullets('Assumptions challenged', record.challenged),
          section('Action plan', columns(record.agreed.map((action) => actionRow(action, style)))),
          record.nextMeeting ? [`${style.dim('Next meeting:')} ${record.nextMeeting}`] : [],
        ).split('\n')
      : [],
    privateLines(view, style),
  );
}

function agendaText(view: MeetingView, style: Style): string {
  return blocks(
    [
      heading(view, style),
      ...(view.cancelNote ? [`${style.dim('Cancelled:')} ${oneLine(view.cancelNote)}`] : []),
      ...(view.intention ? [`${style.dim('Intention:')} ${oneLine(view.intention)}`] : []),
    ],
    section('Topics', [...topicLines(view.topics, style), ...(view.topics.length ? [timeCheckLine(view, style)] : [])]),
    section(
      'Actions since last time',
      columns(
        view.actionsReviewed.map((action) => {
          const row = actionRow(action, style);
          // What the mentee reported in prep, where it differs from where the action stands.
          const reported = `${action.state}${action.note ? `: ${oneLine(action.note)}` : ''}`;
          return [...row.slice(0, 3), action.state === action.status ? row[3]! : reported];
        }),
      ),
    ),
    section(
      'Goals to discuss',
      view.goals.map((goal) => `${style.bold(goal.id)}  ${oneLine(goal.title)}`),
    ),
  );
}

function heading(view: MeetingView, style: Style): string {
  return `${style.bold(`${view.id}  ${view.mentor.name}`)} — ${view.when} ${style.dim(`(${view.whenRelative})`)}, ${view.lengthMinutes} min, ${view.mode}, ${view.status}`;
}

function topicLines(topics: TopicView[], style: Style): string[] {
  return columns(
    topics.map((topic) => [
      `${topic.number}.`,
      oneLine(topic.title),
      topic.kind,
      topic.minutes ? `${topic.minutes} min` : style.dim('untimed'),
      [
        topic.goal,
        topic.carriedFrom ? `carried from ${topic.carriedFrom}` : '',
        topic.outcome ? outcomeText(topic, style) : '',
      ]
        .filter(Boolean)
        .join(', '),
    ]),
  );
}

function outcomeText(topic: TopicView, style: Style): string {
  const text = `${topic.outcome}${topic.outcomeNote ? `: ${oneLine(topic.outcomeNote)}` : ''}`;
  return topic.outcome === 'covered' ? style.green(text) : style.yellow(text);
}

function timeCheckLine({ time }: MeetingView, style: Style): string {
  const untimed = time.untimed ? ` (${time.untimed} untimed)` : '';
  if (time.overBy > 0)
    return style.red(`Total ${time.plannedMinutes} of ${time.lengthMinutes} min: ${time.overBy} min over${untimed}`);
  const spare = time.lengthMinutes - time.plannedMinutes;
  return style.dim(
    `Total ${time.plannedMinutes} of ${time.lengthMinutes} min${spare ? `, ${spare} to spare` : ''}${untimed}`,
  );
}

/** Private reflections: shown, marked as never shared, only when asked for; otherwise only said to exist. */
function privateLines(view: MeetingView, style: Style): string[] {
  if (view.privateLeftOut) return [style.dim('Private reflection: hidden (show it with --include-private)')];
  if (!view.private) return [];
  const lines = [
    ...view.private.reflections.flatMap(({ prompt, answer }) => [
      style.dim(oneLine(prompt)),
      ...answer.split('\n').map(oneLine),
    ]),
    ...view.private.reflection.split('\n').filter(Boolean).map(oneLine),
  ];
  return section(style.magenta('Private reflection (never shared)'), lines);
}

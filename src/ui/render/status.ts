import { lastProgressAt } from '../../core/goal-progress.js';
import type { Journal } from '../../core/schema.js';
import type { PlannedMeeting, Status } from '../../core/status.js';
import { DUE_SOON_DAYS, STALE_GOAL_DAYS, UPCOMING_WEEKS } from '../../core/status.js';
import { oneLine } from '../../core/text.js';
import { actionLine } from '../views/record-views.js';
import { cadenceText, count, formatDateTime, formatDay, fromNow, relativeDay, spanText } from '../words.js';
import { actionRow } from './actions.js';
import { blocks, columns, section } from './layout.js';
import type { RenderOptions } from './options.js';

/** Rows of each action list on the home screen; the rest are counted, with the command that lists them. */
export const STATUS_LIST_LIMIT = 8;

export function renderStatus(journal: Journal, status: Status, options: RenderOptions): string {
  const { now, style } = options;
  const who = journal.profile.name ? `, ${journal.profile.name.split(' ')[0]}` : '';
  const addMentor = 'mentee mentor add "Dr Ada Lovelace"';
  const { profile, mentors, actions, goals, meetings } = journal;
  const started = profile.name || mentors.length || actions.length || goals.length || meetings.length;
  if (!started)
    return `Welcome${who}. Start with: mentee init --name "Your Name" --stage "FY2 doctor", then ${addMentor}`;
  // A home screen is read in seconds: long lists show their first rows and say where the rest are.
  const firstOf = <T>(items: T[], show: (shown: T[]) => string[], rest: string) => [
    ...show(items.slice(0, STATUS_LIST_LIMIT)),
    ...(items.length > STATUS_LIST_LIMIT ? [style.dim(`…and ${items.length - STATUS_LIST_LIMIT} more: ${rest}`)] : []),
  ];
  const meetingLines = ({ meeting, mentor, prepared }: PlannedMeeting) => [
    `${oneLine(mentor.name)}${mentor.status === 'paused' ? style.dim(' (mentoring paused)') : ''}, ${formatDateTime(meeting.when)} (${fromNow(new Date(meeting.when), now)}) ${style.dim(meeting.id)}`,
    prepared
      ? style.green('  Agenda prepared.')
      : style.yellow(`  Not prepared yet: mentee prep --meeting ${meeting.id}`),
  ];
  const next = status.nextMeeting;
  // Every meeting in the coming weeks; past them, the next one alone, so a plan is never hidden.
  const nextLines = !journal.mentors.length
    ? [`${style.bold('No mentor yet')}  add yours with: ${addMentor}`]
    : status.upcoming.length
      ? section(
          style.bold(`Coming up in the next ${count(UPCOMING_WEEKS, 'week')}`),
          firstOf(status.upcoming, (shown) => shown.flatMap(meetingLines), 'mentee meetings'),
        )
      : next
        ? meetingLines(next).map((line, index) => (index ? line : `${style.bold('Next meeting')}  ${line}`))
        : [`${style.bold('Next meeting')}  none planned. Plan one with: mentee prep --when "next thursday 17:30"`];
  const awaiting = status.awaitingLog
    ? [
        style.yellow(
          `${status.awaitingLog.id} on ${formatDateTime(status.awaitingLog.when)} has no notes yet: mentee log ${status.awaitingLog.id}`,
        ),
      ]
    : [];
  const rows = (actions: Status['overdue'], rest: string) =>
    firstOf(
      actions,
      (shown) => columns(shown.map((action) => actionRow(actionLine(journal, action, now), style))),
      rest,
    );
  const body = blocks(
    [...nextLines, ...awaiting],
    section(style.red('Overdue'), rows(status.overdue, 'mentee actions --overdue')),
    section(`Due in the next ${DUE_SOON_DAYS} days`, rows(status.dueSoon, 'mentee actions')),
    section(
      'Goals past their target date',
      firstOf(
        status.goalsPastTarget,
        (shown) =>
          columns(
            shown.map(({ goal }) => [
              style.bold(goal.id),
              `${oneLine(goal.title)} ${style.dim(`(target ${formatDay(goal.targetDate!)}, ${fromNow(goal.targetDate!, now)})`)}`,
            ]),
          ),
        'mentee goal list',
      ),
    ),
    section('What mentors offered to do', rows(status.mentorCommitments, 'mentee actions')),
    section(
      `Goals with no progress in ${STALE_GOAL_DAYS} days`,
      firstOf(
        status.staleGoals,
        (shown) =>
          columns(
            shown.map((goal) => [
              style.bold(goal.id),
              `${oneLine(goal.title)} ${style.dim(`(last ${relativeDay(new Date(lastProgressAt(goal)), now)})`)}`,
            ]),
          ),
        'mentee goal list',
      ),
    ),
    section(
      'Time to get in touch',
      status.mentorsOverdue.map(({ mentor, lastMet, daysSince }) => {
        const met = lastMet
          ? `last met ${relativeDay(new Date(lastMet), now)}`
          : `no meeting in the ${spanText(daysSince)} since you started`;
        return `${style.bold(mentor.name)}: ${met}; you usually meet ${cadenceText(mentor.cadenceDays!)}; a short "how are you?" message can help`;
      }),
    ),
  );
  const quiet =
    !status.overdue.length &&
    !status.dueSoon.length &&
    !status.mentorCommitments.length &&
    !status.staleGoals.length &&
    !status.goalsPastTarget.length &&
    !status.mentorsOverdue.length;
  if (quiet && !journal.mentors.length) return `Welcome${who}. Add your mentor with: ${addMentor}`;
  return quiet ? `${body}\n\n${style.green('Nothing overdue. Well done.')}` : body;
}

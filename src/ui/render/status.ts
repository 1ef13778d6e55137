import { cadenceText, formatDateTime, relativeDay, spanText } from '../../core/dates.js';
import { lastProgressAt } from '../../core/goal-progress.js';
import type { Journal } from '../../core/schema.js';
import type { Status } from '../../core/status.js';
import { DUE_SOON_DAYS, STALE_GOAL_DAYS } from '../../core/status.js';
import { actionRow } from './actions.js';
import { blocks, columns, oneLine, section } from './layout.js';
import type { RenderOptions } from './options.js';

export function renderStatus(journal: Journal, status: Status, options: RenderOptions): string {
  const { now, style } = options;
  const who = journal.profile.name ? `, ${journal.profile.name.split(' ')[0]}` : '';
  if (!journal.mentors.length) {
    return `Welcome${who}. Start with: mentee init --name "Your Name" --stage "FY2 doctor", then mentee mentor add "Dr Ada Lovelace"`;
  }
  const next = status.nextMeeting;
  const nextLines = next
    ? [
        `${style.bold('Next meeting')}  ${next.mentor.name}, ${formatDateTime(next.meeting.when)} (${relativeDay(new Date(next.meeting.when), now)}) ${style.dim(next.meeting.id)}`,
        next.prepared
          ? style.green('  Agenda prepared.')
          : style.yellow(`  Not prepared yet: mentee prep --meeting ${next.meeting.id}`),
      ]
    : [`${style.bold('Next meeting')}  none planned. Plan one with: mentee prep --when "next thursday 17:30"`];
  const awaiting = status.awaitingLog
    ? [
        style.yellow(
          `${status.awaitingLog.id} on ${formatDateTime(status.awaitingLog.when)} has no notes yet: mentee log ${status.awaitingLog.id}`,
        ),
      ]
    : [];
  const rows = (actions: Status['overdue']) => columns(actions.map((action) => actionRow(journal, action, options)));
  const body = blocks(
    [...nextLines, ...awaiting],
    section(style.red('Overdue'), rows(status.overdue)),
    section(`Due in the next ${DUE_SOON_DAYS} days`, rows(status.dueSoon)),
    section('What mentors offered to do', rows(status.mentorCommitments)),
    section(
      `Goals with no progress in ${STALE_GOAL_DAYS} days`,
      status.staleGoals.map(
        (goal) =>
          `${style.bold(goal.id)}  ${oneLine(goal.title)} ${style.dim(`(last ${relativeDay(new Date(lastProgressAt(goal)), now)})`)}`,
      ),
    ),
    section(
      'Time to get in touch',
      status.mentorsOverdue.map(({ mentor, lastMet, daysSince, booked }) => {
        const met = lastMet
          ? `last met ${spanText(daysSince)} ago`
          : `no meeting in the ${spanText(daysSince)} since you started`;
        const plan = booked
          ? `; next meeting booked ${relativeDay(new Date(booked.when), now)}`
          : `; a short "how are you?" message can help`;
        return `${style.bold(mentor.name)}: ${met}; you usually meet ${cadenceText(mentor.cadenceDays!)}${plan}`;
      }),
    ),
  );
  const quiet =
    !status.overdue.length &&
    !status.dueSoon.length &&
    !status.mentorCommitments.length &&
    !status.staleGoals.length &&
    !status.mentorsOverdue.length;
  return quiet ? `${body}\n\n${style.green('Nothing overdue. Well done.')}` : body;
}

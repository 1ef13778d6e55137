/**
 * How the command line says what the core refused: one line, naming the flag or command that fixes it.
 * Problems a person can fix by typing the command differently are usage errors (exit 2).
 */
import { formatDateTime } from '../ui/words.js';
import type { MentorName, Problem } from '../core/problems.js';
import { UsageError, UserError } from '../errors.js';
import { didYouMean } from '../ui/did-you-mean.js';
import { recordKind } from '../core/refs.js';

const ADD_MENTOR = 'Add one with: mentee mentor add "Dr Ada Lovelace"';
const LIST_COMMAND = { goal: 'mentee goal list', meeting: 'mentee meetings', action: 'mentee actions --all' };
const NOTHING_TO_CHANGE = {
  mentor: 'Nothing to change: give --role, --contact, --cadence, --rule or another field.',
  goal: 'Nothing to update: give --note, --title, --target, --status or another field.',
  action: 'Nothing to change: give --title, --due, --goal, --mentor, --owner or --note.',
};

/** `command`: the words of the command that was run ("prep", "action add"), for hints that repeat it. */
export function wordProblem(problem: Problem, command = 'COMMAND'): UserError {
  switch (problem.code) {
    case 'record-not-found': {
      // "m7" given where an action is wanted: say what m7 is rather than only that no action has it.
      const named = recordKind(problem.ref);
      const other =
        named !== 'mentor' && named !== problem.kind ? ` ${problem.ref.trim().toLowerCase()} is a ${named} id.` : '';
      return new UserError(`No ${problem.kind} with id "${problem.ref}".${other}${didYouMean(problem.nearest ?? [])}`, {
        hint: `See the ids with: ${LIST_COMMAND[problem.kind]}`,
      });
    }
    case 'mentor-not-found': {
      const near = problem.nearest?.length ? didYouMean(problem.nearest.map(mentorLabel)) : '';
      const known =
        !near && problem.known.length ? ` Known mentors: ${problem.known.map(mentorLabel).join(', ')}.` : '';
      return new UserError(`No mentor matches "${problem.ref}".${near}${known}`, {
        hint: problem.known.length ? undefined : ADD_MENTOR,
      });
    }
    case 'mentor-ambiguous':
      return new UserError(
        `"${problem.ref}" matches several mentors: ${problem.matches.map(mentorLabel).join(', ')}; use a handle.`,
      );
    case 'mentor-ref-empty':
      return new UsageError('A mentor must be named by handle or part of the name, not left empty.');
    case 'no-active-mentor':
      return new UserError('You have no active mentor yet.', { hint: ADD_MENTOR });
    case 'mentor-needed':
      return new UsageError(
        `Which mentor? Give --mentor: ${problem.active.join(', ')}.`,
        `e.g. mentee ${command} --mentor ${problem.active[0]}`,
      );
    case 'mentorship-ended':
      return new UserError(
        `Your mentoring with ${problem.mentor.name} has ended; resume it with: mentee mentor resume ${problem.mentor.handle}`,
      );
    case 'handle-invalid':
      return new UsageError(`--handle: "${problem.handle}" must start with a letter and use only a-z, 0-9 and -.`);
    case 'handle-like-id':
      return new UsageError(`--handle: "${problem.handle}" looks like a record id (m1, g1, a1); choose another.`);
    case 'handle-taken':
      return new UserError(`A mentor with handle "${problem.handle}" already exists; choose another with --handle.`);
    case 'nothing-to-change':
      return new UsageError(NOTHING_TO_CHANGE[problem.record]);
    case 'mentor-commitment-needs-mentor':
      return new UsageError(
        problem.adding
          ? '--owner mentor needs --mentor: whose commitment is it?'
          : 'A mentor commitment needs --mentor.',
      );
    case 'action-already':
      return new UserError(`${problem.id} is already ${problem.status}.`);
    case 'meeting-not-planned':
      if (problem.change === 'cancel')
        return new UserError(`${problem.id} is ${problem.status}; only a planned meeting can be cancelled.`);
      if (problem.change === 'move')
        return new UserError(`${problem.id} is ${problem.status}; only a planned meeting can be moved.`, {
          hint: problem.status === 'cancelled' ? 'Plan a new one with: mentee prep --when "..."' : undefined,
        });
      return new UserError(`${problem.id} is ${problem.status}; prepare a planned meeting instead.`, {
        hint: problem.status === 'held' ? `Record what happened with: mentee log ${problem.id}` : undefined,
      });
    case 'meeting-cancelled':
      return new UserError(`${problem.id} was cancelled; there is nothing to log.`);
    case 'meeting-when-needed':
      return new UsageError(
        `When is the meeting with ${problem.mentor.name}? Give --when, e.g. --when "next thursday 17:30".`,
      );
    case 'meeting-to-log-needed':
      return new UsageError(
        'Which meeting? Give its id (mentee log m3), or --mentor and --when for one that was not planned.',
      );
    case 'meeting-still-to-come':
      return new UserError(
        problem.planned
          ? `${problem.id} is planned for ${formatDateTime(problem.when)}; log it once it has happened, or give --when if it moved.`
          : `${formatDateTime(problem.when)} is still to come; log it once it has happened.`,
      );
    case 'meeting-already-logged':
      return new UserError(`${problem.id} already has notes; add --amend to add to them.`, {
        hint: `See them with: mentee show ${problem.id}`,
      });
    case 'next-meeting-not-after':
      return new UsageError(`--next: the next meeting must come after this one (${formatDateTime(problem.when)}).`);
    case 'no-such-topic':
      return new UsageError(
        problem.count
          ? `--${problem.outcome}: there is no topic ${problem.number}; the agenda has ${problem.count} (1-${problem.count}).`
          : `--${problem.outcome}: this meeting has no topics; add them with --topic.`,
      );
    case 'no-planned-meeting':
      return new UserError(`No planned meeting${problem.mentor ? ` with ${problem.mentor.name}` : ''} to export.`, {
        hint: 'Plan one with: mentee prep --when "next thursday 17:30"',
      });
    case 'meeting-change-empty':
      return new UsageError(
        problem.of === 'meeting'
          ? `Nothing to change: give --when, --length or --mode, e.g. mentee meeting move ${problem.id} --when "next thursday 17:30".`
          : `Nothing to change: give --title, --minutes, --no-minutes, --kind, --move-to or --remove.`,
      );
    case 'meeting-topics-fixed':
      return new UserError(
        `${problem.id} is ${problem.status}; only a planned meeting's topics can be changed.`,
        problem.status === 'held' ? { hint: `Change its record with: mentee edit ${problem.id}` } : {},
      );
    case 'topic-not-found':
      if (problem.as === 'position')
        return new UsageError(
          `--move-to: there is no place ${problem.number}; ${problem.id} has ${problem.count} topics (1-${problem.count}).`,
        );
      return new UsageError(
        problem.count
          ? `${problem.id} has no topic ${problem.number}; its agenda has ${problem.count} (1-${problem.count}).`
          : `${problem.id} has no topics yet; add them with: mentee prep --meeting ${problem.id} --topic "..."`,
      );
    case 'topic-title-taken':
      return new UsageError(
        `--title: topic ${problem.number} of ${problem.id} is already "${problem.title}"; change or remove that one instead.`,
      );
    case 'edit-field-fixed':
      return new UserError(`${problem.field} of ${problem.record} cannot be edited; put it back as it was.`);
    case 'edit-invalid':
      return new UserError(`${problem.field} of ${problem.record}: ${problem.message}.`);
    case 'state-change-refused':
      return new UserError(wordStateChange(problem));
    case 'topic-covered-and-parked':
      return new UsageError(
        `--covered and --parked both name topic ${problem.number}; give it once: covered if you discussed it, parked to carry it to next time.`,
      );
    case 'nothing-to-amend':
      return new UserError(
        problem.id
          ? `${problem.id} has no notes yet, so there is nothing to amend; log it with: mentee log ${problem.id}`
          : 'No notes found to amend; log the meeting without --amend, or name one: mentee log m3 --amend',
      );
    case 'review-of-closed-action':
      return new UsageError(
        `--review ${problem.id}=${problem.state}: ${problem.id} is ${problem.status}; reopen it first with --review ${problem.id}=open or: mentee action reopen ${problem.id}`,
      );
    case 'edit-conflict':
      return new UserError(
        `Not saved: ${problem.fields.join(', ')} of ${problem.record} ${problem.fields.length > 1 ? 'were' : 'was'} also changed by another command while the editor was open. Run mentee edit ${problem.record} again to see both and choose.`,
      );
    case 'goal-has-open-actions': {
      const verb = problem.to === 'dropped' ? 'drop' : 'pause';
      const open = problem.actions.map((action) => `${action.id} (${action.title})`).join(', ');
      return new UsageError(
        `${problem.id} still has open actions: ${open}. Drop them too with: mentee goal ${verb} ${problem.id} --drop-actions, or keep them open with: mentee goal ${verb} ${problem.id} --keep-actions`,
      );
    }
    case 'nothing-to-step':
      return problem.direction === 'undo'
        ? new UserError(`Nothing to undo: no earlier change is kept (mentee keeps the last ${problem.kept}).`, {
            hint: 'Older versions of the journal are kept as backups: mentee doctor lists them.',
          })
        : new UserError('Nothing to redo: no undone change is waiting (a new change after an undo clears them).');
    case 'changed-since': {
      const record = problem.kind === 'profile' ? 'the profile' : `${problem.kind} ${problem.id}`;
      const title = problem.title ? ` "${problem.title}"` : '';
      return new UserError(
        `Cannot ${problem.direction}: ${record}${title} has been changed outside mentee since, and ${problem.direction === 'undo' ? 'undoing' : 'redoing'} that change would lose it.`,
        { hint: 'Nothing was changed. Change it back by hand, or see the backups with: mentee doctor' },
      );
    }
  }
}

const MEETING_SOON = '--when "next thursday 17:30"';

/** A refused status change, with the command that does what was meant (see core/transitions.ts). */
function wordStateChange(problem: Extract<Problem, { code: 'state-change-refused' }>): string {
  const { ref, from, to, mentor } = problem;
  const handle = mentor?.handle ?? 'HANDLE';
  switch (problem.instead) {
    case 'already':
      return problem.record === 'mentor'
        ? `Your mentoring with ${mentor?.name ?? ref} is already ${to}.`
        : `${ref} is already ${to}.`;
    case 'reopen-action-first':
      return `${ref} is ${from}; to mark it ${to}, reopen it first with: mentee action reopen ${ref}`;
    case 'reactivate-goal-first':
      return `${ref} is ${from}; to mark it ${to}, make it active first with: mentee goal update ${ref} --status active`;
    case 'resume-mentor-first':
      return `Your mentoring with ${mentor?.name ?? ref} has ended; resume it first with: mentee mentor resume ${handle}`;
    case 'amend-notes':
      return `${ref} was held and has notes, so it cannot be cancelled; correct its notes with: mentee log ${ref} --amend`;
    case 'plan-new-meeting':
      return `${ref} is ${from}; plan a new meeting with: mentee prep --mentor ${handle} ${MEETING_SOON}`;
    case 'log-unplanned':
      return `${ref} was cancelled; if you met after all, log it as its own meeting: mentee log --mentor ${handle} --when "..."`;
  }
}

function mentorLabel(mentor: MentorName): string {
  return `${mentor.handle} (${mentor.name})`;
}

/**
 * What the core refuses, as data. The core never words a problem for a person: the command line (see
 * src/commands/problem-words.ts) says it with the flags and commands that fix it, and a wizard can ask again.
 */
export interface MentorName {
  handle: string;
  name: string;
}

export type RecordKindWithId = 'goal' | 'meeting' | 'action';

/** Records with a status that changes (see transitions.ts). */
export type StatusRecord = 'meeting' | 'action' | 'goal' | 'mentor';

/**
 * What to do instead of a refused status change: nothing (it is already so), reopen or reactivate it
 * first, add to a held meeting's notes, plan a new meeting, or log the one that happened as unplanned.
 */
export type Instead =
  | 'already'
  | 'reopen-action-first'
  | 'reactivate-goal-first'
  | 'resume-mentor-first'
  | 'amend-notes'
  | 'plan-new-meeting'
  | 'log-unplanned';

export type Problem =
  /** `nearest`: ids of that kind close to what was typed (see suggest.ts), when one stands out. */
  | { code: 'record-not-found'; kind: RecordKindWithId; ref: string; nearest?: string[] }
  | { code: 'mentor-not-found'; ref: string; known: MentorName[]; nearest?: MentorName[] }
  | { code: 'mentor-ambiguous'; ref: string; matches: MentorName[] }
  | { code: 'mentor-ref-empty' }
  | { code: 'no-active-mentor' }
  | { code: 'mentor-needed'; active: string[] }
  | { code: 'mentorship-ended'; mentor: MentorName }
  | { code: 'handle-invalid'; handle: string }
  | { code: 'handle-like-id'; handle: string }
  | { code: 'handle-taken'; handle: string }
  | { code: 'nothing-to-change'; record: 'mentor' | 'goal' | 'action' }
  | { code: 'mentor-commitment-needs-mentor'; adding: boolean }
  | { code: 'action-already'; id: string; status: string }
  | { code: 'meeting-not-planned'; id: string; status: string; change: 'prepare' | 'cancel' | 'move' }
  | { code: 'meeting-cancelled'; id: string }
  | { code: 'meeting-when-needed'; mentor: MentorName }
  | { code: 'meeting-to-log-needed' }
  | { code: 'meeting-still-to-come'; id: string; when: string; planned: boolean }
  | { code: 'meeting-already-logged'; id: string }
  | { code: 'next-meeting-not-after'; when: string }
  | { code: 'no-such-topic'; number: number; count: number; outcome: 'covered' | 'parked' }
  | { code: 'no-planned-meeting'; mentor: MentorName | undefined }
  | { code: 'meeting-change-empty'; id: string; of: 'meeting' | 'topic' }
  | { code: 'meeting-topics-fixed'; id: string; status: string }
  | { code: 'topic-not-found'; id: string; number: number; count: number; as: 'topic' | 'position' }
  | { code: 'topic-title-taken'; id: string; title: string; number: number }
  | { code: 'edit-field-fixed'; field: string; record: string }
  | { code: 'edit-invalid'; field: string; message: string; record: string }
  | {
      code: 'state-change-refused';
      record: StatusRecord;
      /** An id, or a mentor's handle. */
      ref: string;
      from: string;
      to: string;
      instead: Instead;
      /** The mentor concerned: the mentor changed, or the meeting's or the action's. */
      mentor?: MentorName;
    }
  | { code: 'topic-covered-and-parked'; number: number }
  | { code: 'nothing-to-amend'; id: string | undefined }
  | { code: 'review-of-closed-action'; id: string; status: string; state: string }
  /** Fields another command changed, differently, while the record was open in the editor. */
  | { code: 'edit-conflict'; fields: string[]; record: string }
  | { code: 'goal-has-open-actions'; id: string; to: 'dropped' | 'paused'; actions: { id: string; title: string }[] }
  | HistoryProblem;

/** Undo or redo with no step kept that way, or whose step would overwrite a record changed since. */
export type HistoryProblem =
  | { code: 'nothing-to-step'; direction: 'undo' | 'redo'; kept: number }
  | {
      code: 'changed-since';
      direction: 'undo' | 'redo';
      kind: 'profile' | 'mentor' | 'goal' | 'meeting' | 'action';
      id: string;
      title: string | undefined;
    };

export type ProblemCode = Problem['code'];

export class DomainError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
    this.name = 'DomainError';
  }
}

export function refuse(problem: Problem): never {
  throw new DomainError(problem);
}

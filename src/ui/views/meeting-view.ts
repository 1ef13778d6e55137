/**
 * The one view of a meeting: its agenda before, its record once logged. The terminal (render/
 * meetings.ts), the Markdown and HTML layouts and the calendar all draw from it; `--json` draws
 * from the same shared agenda (see json.ts).
 */
import type { Agenda } from '../../core/agenda.js';
import type { Journal, Meeting } from '../../core/schema.js';
import { formatDateTime, fromNow, modeText } from '../words.js';
import {
  privateView,
  recordViews,
  topicView,
  type RecordViews,
  type ActionView,
  type GoalView,
  type PrivateView,
  type TopicView,
} from './record-views.js';
import { shareAgenda } from './shared-agenda.js';

export interface MeetingView {
  /** An agenda to send ahead, or the record of a meeting that has been logged. */
  kind: 'agenda' | 'record';
  id: string;
  title: string;
  mentor: { name: string; role: string };
  mentee: string;
  /** "Thu 3 Dec 2026, 17:30", and relative to the time of the view: "in 8 days". */
  when: string;
  whenRelative: string;
  lengthMinutes: number;
  /** "in person", "video call", "phone call" or "other". */
  mode: string;
  /** planned, held or cancelled. */
  status: Meeting['status'];
  /** Why a cancelled meeting was cancelled, in the mentee's words ('' when none was given). */
  cancelNote: string;
  intention: string;
  topics: TopicView[];
  time: { plannedMinutes: number; lengthMinutes: number; overBy: number; untimed: number };
  actionsReviewed: ActionView[];
  goals: GoalView[];
  record: {
    advice: string[];
    feedback: string[];
    decisions: string[];
    challenged: string[];
    /** Everything agreed at the meeting, in the order it was agreed; then the same split by who does it. */
    agreed: ActionView[];
    myPlan: ActionView[];
    mentorOffers: ActionView[];
    nextMeeting: string;
  } | null;
  private: PrivateView | null;
  /** The meeting holds private notes that were left out of this view. */
  privateLeftOut: boolean;
}

export interface MeetingViewOptions {
  includePrivate: boolean;
  now: Date;
  /** The views of actions and goals already made, when this is one meeting of many (see RecordViews). */
  views?: RecordViews | undefined;
}

export function meetingView(
  journal: Journal,
  agenda: Agenda,
  { includePrivate, now, views = recordViews(journal, now) }: MeetingViewOptions,
): MeetingView {
  const { meeting, mentor, privateLeftOut } = shareAgenda(agenda, includePrivate);
  const log = meeting.log;
  const agreed = log ? agenda.actionsAgreed.map((action) => views.action(action)) : [];
  return {
    kind: log ? 'record' : 'agenda',
    id: meeting.id,
    title: log
      ? `Meeting notes: ${mentor.name}`
      : meeting.status === 'cancelled'
        ? `Cancelled: meeting with ${mentor.name}`
        : `Agenda: meeting with ${mentor.name}`,
    mentor: { name: mentor.name, role: mentor.role ?? '' },
    mentee: journal.profile.name ?? '',
    when: formatDateTime(meeting.when),
    whenRelative: fromNow(new Date(meeting.when), now),
    lengthMinutes: meeting.lengthMinutes,
    mode: modeText(meeting.mode),
    status: meeting.status,
    cancelNote: meeting.status === 'cancelled' ? (meeting.cancelNote ?? '') : '',
    intention: meeting.prep?.intention ?? '',
    topics: agenda.topics.map(topicView),
    time: {
      plannedMinutes: agenda.timeCheck.plannedMinutes,
      lengthMinutes: agenda.timeCheck.lengthMinutes,
      overBy: agenda.timeCheck.overBy,
      untimed: agenda.timeCheck.untimed,
    },
    actionsReviewed: agenda.actionsReviewed.map(({ action, state, note }) => views.action(action, { state, note })),
    goals: agenda.goals.map((goal) => views.goal(goal)),
    record: log
      ? {
          advice: log.advice,
          feedback: log.feedback,
          decisions: log.decisions,
          challenged: log.challenged,
          agreed,
          myPlan: agreed.filter((action) => !action.byMentor),
          mentorOffers: agreed.filter((action) => action.byMentor),
          nextMeeting: log.nextMeeting ? formatDateTime(log.nextMeeting) : '',
        }
      : null,
    private: includePrivate ? privateView(meeting) : null,
    privateLeftOut,
  };
}

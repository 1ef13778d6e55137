import type { Agenda } from './agenda.js';
import { formatDateTime } from './dates.js';
import { actionView, goalView, privateView, topicView, type MeetingView } from './export-view.js';
import type { Journal, Meeting } from './schema.js';

const MODE_WORDS: Record<Meeting['mode'], string> = {
  'in-person': 'in person',
  video: 'video call',
  phone: 'phone call',
  other: 'other',
};

export function meetingView(journal: Journal, agenda: Agenda, includePrivate: boolean): MeetingView {
  const { meeting, mentor } = agenda;
  const log = meeting.log;
  const agreed = agenda.actionsAgreed;
  return {
    kind: log ? 'record' : 'agenda',
    id: meeting.id,
    title: log ? `Meeting notes: ${mentor.name}` : `Agenda: meeting with ${mentor.name}`,
    mentor: { name: mentor.name, role: mentor.role ?? '' },
    mentee: journal.profile.name ?? '',
    when: formatDateTime(meeting.when),
    lengthMinutes: meeting.lengthMinutes,
    mode: MODE_WORDS[meeting.mode],
    intention: meeting.prep?.intention ?? '',
    topics: agenda.topics.map(topicView),
    time: {
      plannedMinutes: agenda.timeCheck.plannedMinutes,
      lengthMinutes: agenda.timeCheck.lengthMinutes,
      overBy: agenda.timeCheck.overBy,
      untimed: agenda.timeCheck.untimed,
    },
    actionsReviewed: agenda.actionsReviewed.map(({ action, state, note }) =>
      actionView(journal, action, { state, note }),
    ),
    goals: agenda.goals.map((goal) => goalView(goal, goal.progress)),
    record: log
      ? {
          advice: log.advice,
          feedback: log.feedback,
          decisions: log.decisions,
          challenged: log.challenged,
          myPlan: agreed.filter((action) => action.owner === 'me').map((action) => actionView(journal, action)),
          mentorOffers: agreed
            .filter((action) => action.owner === 'mentor')
            .map((action) => actionView(journal, action)),
          nextMeeting: log.nextMeeting ? formatDateTime(log.nextMeeting) : '',
        }
      : null,
    private: includePrivate ? privateView(meeting) : null,
  };
}

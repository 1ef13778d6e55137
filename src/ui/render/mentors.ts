import { lastHeldMeeting, nextPlannedMeeting } from '../../core/meetings.js';
import type { Journal, Mentor, SupportKind } from '../../core/schema.js';
import { oneLine } from '../../core/text.js';
import { cadenceText, formatDay, relativeDay } from '../words.js';
import { blocks, bullets, card, columns, section } from './layout.js';
import type { RenderOptions } from './options.js';

export const SUPPORT_LABELS: Record<SupportKind, string> = {
  career: 'career guidance',
  opportunities: 'opportunities and open doors',
  pitfalls: 'honesty about pitfalls',
  emotional: 'emotional support',
  balance: 'reflecting on work-life balance',
  other: 'other support',
};

export function renderMentorList(journal: Journal, mentors: Mentor[], { now, style }: RenderOptions): string {
  if (!mentors.length) return 'No mentors yet. Add one with: mentee mentor add "Dr Ada Lovelace" --cadence 4w';
  return columns(
    mentors.map((mentor) => {
      const last = lastHeldMeeting(journal, mentor.handle);
      return [
        style.bold(mentor.handle),
        oneLine(mentor.name),
        statusLabel(mentor, style),
        mentor.cadenceDays ? cadenceText(mentor.cadenceDays) : '',
        last ? `last met ${relativeDay(new Date(last.when), now)}` : style.dim('not met yet'),
      ];
    }),
  ).join('\n');
}

function statusLabel(mentor: Mentor, style: RenderOptions['style']): string {
  if (mentor.status === 'active') return style.green('active');
  return mentor.status === 'paused' ? style.yellow('paused') : style.dim('ended');
}

export function renderMentor(journal: Journal, mentor: Mentor, options: RenderOptions): string {
  const { now, style } = options;
  const last = lastHeldMeeting(journal, mentor.handle);
  const next = nextPlannedMeeting(journal, now, mentor.handle);
  const facts: [string, string | undefined][] = [
    ['role', oneLine(mentor.role ?? '')],
    [
      'contact',
      mentor.contact
        ? oneLine(`${mentor.contact.channel}${mentor.contact.address ? `: ${mentor.contact.address}` : ''}`)
        : '',
    ],
    [
      'meets',
      [
        mentor.cadenceDays ? cadenceText(mentor.cadenceDays) : '',
        mentor.lengthMinutes ? `${mentor.lengthMinutes} min` : '',
      ]
        .filter(Boolean)
        .join(', '),
    ],
    ['since', formatDay(mentor.startDate)],
    ['status', `${statusLabel(mentor, style)}${mentor.endNote ? ` — ${oneLine(mentor.endNote)}` : ''}`],
    ['last met', last ? `${relativeDay(new Date(last.when), now)} (${last.id})` : 'not yet'],
    ['next', next ? `${relativeDay(new Date(next.when), now)} (${next.id})` : 'not planned'],
  ];
  return blocks(
    card(`${style.bold(oneLine(mentor.name))} ${style.dim(`(${mentor.handle})`)}`, facts, style),
    bullets('Ground rules', mentor.rules),
    section(
      'Support you hope for',
      mentor.expectations.map((kind) => `- ${SUPPORT_LABELS[kind]}`),
    ),
  );
}

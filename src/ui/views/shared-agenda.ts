import type { Agenda } from '../../core/agenda.js';
import { hasPrivate, shareable } from '../../core/privacy.js';

/**
 * An agenda as it may be shown: its meeting without the private reflections unless the mentee asked
 * for them. Every way of showing an agenda (terminal, layouts, calendar, JSON) starts from this, so
 * what is private is decided here once.
 */
export interface SharedAgenda extends Agenda {
  /** Something private was left out (so the terminal can say it is hidden). */
  privateLeftOut: boolean;
}

export function shareAgenda(agenda: Agenda, includePrivate: boolean): SharedAgenda {
  return {
    ...agenda,
    meeting: shareable(agenda.meeting, includePrivate),
    privateLeftOut: !includePrivate && hasPrivate(agenda.meeting),
  };
}

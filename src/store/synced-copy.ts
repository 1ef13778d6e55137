import { canonical } from '../core/canonical.js';
import type { Synced } from '../core/merge.js';
import type { Journal } from '../core/schema.js';

/**
 * The synced copy: the journal as it is pushed to the sync remote. Canonical, so that the same journal
 * always gives the same bytes on every device (keys sorted at every depth), and readable in git's
 * history: one top-level key per line and each record on a line of its own, so that a change to one
 * action is a one-line diff. `history` (undo and redo) stays on the device.
 */

/**
 * What stays on the device: the undo history, its mark of what it last synced, and when this device last saved the journal (a stamp
 * every save changes, so two devices in step would otherwise go on sending each other new copies).
 */
const LOCAL = new Set(['history', 'sync', 'updatedAt']);

/** The synced copy's text of a journal, less its local undo history (a Synced journal has none). */
export function syncedText(journal: Synced | Journal): string {
  const members = Object.keys(journal)
    .filter((key) => !LOCAL.has(key))
    .sort()
    .flatMap((key) => {
      const value = (journal as Record<string, unknown>)[key];
      if (value === undefined) return [];
      const name = JSON.stringify(key);
      if (!Array.isArray(value) || value.length === 0) return [`  ${name}: ${canonical(value)}`];
      return [`  ${name}: [\n${value.map((item) => `    ${canonical(item)}`).join(',\n')}\n  ]`];
    });
  return `{\n${members.join(',\n')}\n}\n`;
}

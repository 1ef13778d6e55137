import type { Goal } from './schema.js';

/** When progress was last recorded: the newest note, else when the goal was set. */
export function lastProgressAt(goal: Goal): string {
  return goal.progress.at(-1)?.at ?? goal.createdAt;
}

import { isValidMinutes, MAX_MINUTES } from '../core/model.js';
import { InputError } from './input-error.js';

/** Whole minutes: "30" yes; "1e3", "0x10", "half an hour" no. */
export function readMinutes(text: string | number): number {
  const minutes = typeof text === 'number' ? text : /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(minutes)) throw new InputError('must be a whole number of minutes');
  if (minutes <= 0) throw new InputError('must be more than 0 minutes');
  if (!isValidMinutes(minutes)) throw new InputError(`must be at most a day (${MAX_MINUTES} minutes)`);
  return minutes;
}

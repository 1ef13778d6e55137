import * as z from 'zod';
import { withoutControls } from './text.js';

/** Text as typed, less control characters (see text.ts), trimmed, and not empty. */
export const text = z
  .string({ error: 'is required' })
  .transform(withoutControls)
  .pipe(z.string().trim().min(1, 'must not be empty'));
export const optionalText = text.optional();

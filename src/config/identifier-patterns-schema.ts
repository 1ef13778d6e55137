import * as z from 'zod';

/** The shape of identifiers.json; a module of its own so that the schema library loads only for that file. */
export const PatternsFile = z.strictObject({
  patterns: z.array(z.strictObject({ name: z.string().trim().min(1), pattern: z.string().min(1) })),
});

import { UserError } from '../errors.js';

/** The journal on disk is not one we can trust; the message says where, and the file is left alone. */
export class JournalFileError extends UserError {}

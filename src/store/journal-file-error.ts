import { UserError } from '../errors.js';

/** The journal on disk is not one we can trust; the message says where, and the file is left alone. */
export class JournalFileError extends UserError {}

/**
 * An encrypted file that cannot be opened: a wrong passphrase, damage, or a newer format. Its backups
 * cannot be checked without the passphrase either, so the store's hint names where they are.
 */
export class UnopenedFileError extends JournalFileError {}

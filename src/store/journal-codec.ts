/**
 * How a journal file's bytes become JSON text and back: the one place that knows how a journal is
 * stored on disk. The store reads and writes the journal and its backups through one codec.
 */
export interface JournalCodec {
  /** The JSON text in `bytes`, read from `file` (named in errors). */
  decode(bytes: Buffer, file: string): Promise<string>;
  /** The bytes to store for `text`. */
  encode(text: string): Promise<Buffer>;
}

/** A journal stored as plain UTF-8 JSON. */
export const plainCodec: JournalCodec = {
  decode: async (bytes) => bytes.toString('utf8'),
  encode: async (text) => Buffer.from(text, 'utf8'),
};

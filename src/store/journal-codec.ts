import { decrypt, encrypt, isEncrypted, keyring, readHeader, readStart, type DerivedKey } from './crypto.js';

/**
 * How a journal file's bytes become JSON text and back: the one place that knows how a journal is
 * stored on disk. The store reads and writes the journal and its backups through one codec.
 */
export interface JournalCodec {
  /** The JSON text in `bytes`, read from `file` (named in errors). */
  decode(bytes: Buffer, file: string): Promise<string>;
  /** The bytes to store for `text`. */
  encode(text: string): Promise<Buffer>;
  /**
   * The bytes to store for `text` in the form of the file whose bytes are `like`: plain beside a plain
   * file, encrypted with its key beside an encrypted one. Restoring keeps the journal's form with it.
   */
  encodeLike?(text: string, like: Buffer): Promise<Buffer>;
  /**
   * Called before the journal's lock is taken: anything slow or interactive the next decode of `file`
   * needs (asking for a passphrase, deriving a key) is done here, so no other command waits on it.
   */
  prepare?(file: string): Promise<void>;
}

/** A journal stored as plain UTF-8 JSON. */
export const plainCodec: JournalCodec = {
  decode: async (bytes) => bytes.toString('utf8'),
  encode: async (text) => Buffer.from(text, 'utf8'),
};

/**
 * Plain journals as plainCodec does; encrypted ones (see crypto.ts) opened with a passphrase asked for
 * only when one is met, and saved encrypted again. The key is derived once per process and salt, so a
 * command that reads then writes runs scrypt once; every save still gets a fresh IV.
 */
export function autoCodec(passphrase: (file: string) => Promise<string>): JournalCodec {
  let file = '';
  const keyFor = keyring(() => passphrase(file));
  /** How the journal last read was stored: saves follow it, and never save plain what was not opened. */
  let current: DerivedKey | 'plain' | 'unopened' = 'plain';
  return {
    async decode(bytes, from) {
      if (!isEncrypted(bytes)) {
        current = 'plain';
        return bytes.toString('utf8');
      }
      file = from;
      current = 'unopened';
      let key: DerivedKey | undefined;
      const plain = await decrypt(bytes, async (kdf) => (key = await keyFor(kdf)), from);
      current = key!;
      return plain.toString('utf8');
    },
    async prepare(path) {
      const start = await readStart(path);
      if (!start || !isEncrypted(start)) return;
      file = path;
      await keyFor(readHeader(start, path).kdf);
    },
    async encode(text) {
      if (current === 'unopened') throw new Error('refusing to save over an encrypted journal that was not opened');
      return current === 'plain' ? Buffer.from(text, 'utf8') : encrypt(text, current);
    },
    async encodeLike(text, like) {
      if (!isEncrypted(like)) return Buffer.from(text, 'utf8');
      // The key that opened that file (derived once per salt), so its passphrase keeps opening the result.
      return encrypt(text, await keyFor(readHeader(like, 'the journal').kdf));
    },
  };
}

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  decrypt,
  deriveKey,
  encrypt,
  isEncrypted,
  isEncryptedFile,
  newKdfParams,
  type DerivedKey,
  type KeySource,
} from '../../src/store/crypto.js';
import { autoCodec, plainCodec } from '../../src/store/journal-codec.js';
import { JournalFileError, UnopenedFileError } from '../../src/store/journal-file-error.js';
import { serialiseJournal } from '../../src/store/journal-file.js';
import { sampleJournal, tempFolder } from './fixtures.js';

// Counts key derivations (scrypt is the slow part a command must not repeat); behaviour is unchanged.
const derivations = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:crypto', async (original) => {
  const crypto = await original<typeof import('node:crypto')>();
  return {
    ...crypto,
    scrypt: (...args: Parameters<typeof crypto.scrypt>) => {
      derivations.count += 1;
      return crypto.scrypt(...args);
    },
  };
});

const PASSPHRASE = 'correct horse battery staple';
const FILE = '/home/sam/journal.json';
const text = serialiseJournal(sampleJournal());
let key: DerivedKey;

beforeAll(async () => {
  key = await deriveKey(PASSPHRASE, newKdfParams());
});

/** The one sentence a file that cannot be opened gets (the store adds where the backups are: see encrypted-store.test.ts). */
async function refusal(bytes: Buffer, secret: string | DerivedKey | KeySource = key, file = FILE) {
  const error = await decrypt(bytes, secret, file).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UnopenedFileError);
  return (error as UnopenedFileError).message;
}

/** Where the three header lines end and the ciphertext starts. */
const headerEnd = (bytes: Buffer) => bytes.indexOf('\n', bytes.indexOf('\naes-256-gcm iv=') + 1) + 1;

describe('the encrypted file format', () => {
  it('a journal encrypted with a key decrypts to the same text, with the passphrase or the key', async () => {
    const bytes = encrypt(text, key);
    expect((await decrypt(bytes, PASSPHRASE, FILE)).toString('utf8')).toBe(text);
    expect((await decrypt(bytes, key, FILE)).toString('utf8')).toBe(text);
  });

  it('starts with the magic and a readable header, and holds none of the journal text', () => {
    const bytes = encrypt(text, key);
    expect(isEncrypted(bytes)).toBe(true);
    const lines = bytes.toString('latin1').split('\n');
    expect(lines[0]).toBe('mentee-encrypted v1');
    expect(lines[1]).toMatch(/^scrypt N=131072 r=8 p=1 salt=[A-Za-z0-9+/]{22}==$/);
    expect(lines[2]).toMatch(/^aes-256-gcm iv=[A-Za-z0-9+/]{16}$/);
    expect(bytes.includes('Lovelace')).toBe(false);
    expect(bytes.includes('"version"')).toBe(false);
  });

  it('every write has a fresh IV: the same text encrypted twice with one key gives different files', () => {
    const [first, second] = [encrypt(text, key), encrypt(text, key)];
    const lines = (bytes: Buffer) => bytes.toString('latin1').split('\n').slice(0, 3);
    expect(lines(first)[1]).toBe(lines(second)[1]);
    expect(lines(first)[2]).not.toBe(lines(second)[2]);
    expect(first.subarray(headerEnd(first)).equals(second.subarray(headerEnd(second)))).toBe(false);
  });

  it('a wrong passphrase gets one sentence naming both possibilities', async () => {
    const message = await refusal(encrypt(text, key), 'Tr0ub4dor&3');
    expect(message).toBe(
      `Cannot open ${FILE}: the passphrase is wrong, or the file is damaged; it has not been changed.`,
    );
  });

  it('a key made for another salt is refused as a wrong passphrase', async () => {
    const other = await deriveKey(PASSPHRASE, newKdfParams());
    expect(await refusal(encrypt(text, key), other)).toMatch(/the passphrase is wrong, or the file is damaged/);
  });

  it('a changed header is refused: the header is authenticated with the ciphertext', async () => {
    const bytes = encrypt(text, key);
    const header = bytes.subarray(0, headerEnd(bytes)).toString('latin1');
    const body = bytes.subarray(headerEnd(bytes));
    const iv = /iv=(.)/.exec(header)![1]!;
    for (const changed of [
      header.replace(/iv=./, `iv=${iv === 'A' ? 'B' : 'A'}`),
      header.replace('N=131072', 'N=65536'),
      header.replace('r=8', 'r=4'),
    ]) {
      const tampered = Buffer.concat([Buffer.from(changed, 'latin1'), body]);
      const source: KeySource = async (kdf) =>
        kdf.N === key.kdf.N && kdf.r === key.kdf.r ? key : deriveKey(PASSPHRASE, kdf);
      expect(await refusal(tampered, source)).toMatch(/the passphrase is wrong, or the file is damaged/);
    }
  });

  it('a flipped byte in the ciphertext or the tag is refused', async () => {
    const bytes = encrypt(text, key);
    for (const at of [headerEnd(bytes), headerEnd(bytes) + 100, bytes.length - 1]) {
      const flipped = Buffer.from(bytes);
      flipped[at]! ^= 0x01;
      expect(await refusal(flipped)).toMatch(/the passphrase is wrong, or the file is damaged/);
    }
  });

  it('a truncated file is refused, wherever it was cut', async () => {
    const bytes = encrypt(text, key);
    expect(await refusal(bytes.subarray(0, bytes.length - 1))).toMatch(
      /the passphrase is wrong, or the file is damaged/,
    );
    expect(await refusal(bytes.subarray(0, headerEnd(bytes) + 10))).toMatch(/cut short, so it is damaged/);
    expect(await refusal(bytes.subarray(0, headerEnd(bytes)))).toMatch(/cut short, so it is damaged/);
    expect(await refusal(bytes.subarray(0, 60))).toMatch(/header is damaged or cut short/);
    expect(await refusal(bytes.subarray(0, 20))).toMatch(/header is damaged/);
  });

  it('scrypt settings above the limits in a crafted file are refused at once, before any key is derived', async () => {
    const bytes = encrypt(text, key);
    const source = vi.fn<KeySource>(async () => key);
    const started = performance.now();
    for (const settings of [
      'N=1073741824 r=1000 p=1',
      'N=2097152 r=8 p=1',
      'N=1048576 r=16 p=1',
      'N=131072 r=17 p=1',
    ]) {
      const crafted = Buffer.from(bytes.toString('latin1').replace('N=131072 r=8 p=1', settings), 'latin1');
      expect(await refusal(crafted, source)).toMatch(
        /beyond mentee's limits .*so it is damaged or was not made by mentee/,
      );
    }
    for (const settings of ['N=131072 r=8 p=5', 'N=100000 r=8 p=1', 'N=1 r=8 p=1']) {
      const crafted = Buffer.from(bytes.toString('latin1').replace('N=131072 r=8 p=1', settings), 'latin1');
      expect(await refusal(crafted, source)).toMatch(/beyond mentee's limits/);
    }
    expect(source).not.toHaveBeenCalled();
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('a salt or IV of the wrong length, and a newer format, are refused with what is wrong', async () => {
    const bytes = encrypt(text, key).toString('latin1');
    const shortSalt = bytes.replace(/salt=\S+/, 'salt=AAAAAAAAAAAAAAAAAAAA==');
    expect(await refusal(Buffer.from(shortSalt, 'latin1'))).toMatch(/header is damaged/);
    const longIv = bytes.replace(/iv=\S+/, 'iv=AAAAAAAAAAAAAAAAAAAA');
    expect(await refusal(Buffer.from(longIv, 'latin1'))).toMatch(/header is damaged/);
    const newer = bytes.replace('mentee-encrypted v1', 'mentee-encrypted v2');
    expect(await refusal(Buffer.from(newer, 'latin1'))).toMatch(/encrypted by a newer mentee \(format v2\)/);
  });

  it('a backup that cannot be opened is named, not the journal', async () => {
    const backup = `${FILE}.backups/journal.json.2026-11-25T09-00-00-000Z.00ab12.saved.json`;
    expect(await refusal(encrypt(text, key), 'wrong passphrase', backup)).toBe(
      `Cannot open ${backup}: the passphrase is wrong, or the file is damaged; it has not been changed.`,
    );
  });
});

describe('isEncryptedFile', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempFolder()));
  afterEach(() => cleanup());

  it('is true for an encrypted journal, false for plain JSON or no file at all', async () => {
    await writeFile(join(dir, 'secret.json'), encrypt(text, key));
    await writeFile(join(dir, 'plain.json'), text);
    expect(await isEncryptedFile(join(dir, 'secret.json'))).toBe(true);
    expect(await isEncryptedFile(join(dir, 'plain.json'))).toBe(false);
    expect(await isEncryptedFile(join(dir, 'missing.json'))).toBe(false);
  });
});

describe('autoCodec', () => {
  it('plain JSON still decodes, and is saved plain, without asking for a passphrase', async () => {
    const ask = vi.fn(async () => PASSPHRASE);
    const codec = autoCodec(ask);
    expect(await codec.decode(Buffer.from(text), FILE)).toBe(text);
    expect((await codec.encode(text)).equals(await plainCodec.encode(text))).toBe(true);
    expect(ask).not.toHaveBeenCalled();
  });

  it('an encrypted journal read then saved asks once, derives the key once, keeps the salt and changes the IV', async () => {
    const ask = vi.fn(async () => PASSPHRASE);
    const codec = autoCodec(ask);
    const onDisk = encrypt(text, key);
    derivations.count = 0;
    expect(await codec.decode(onDisk, FILE)).toBe(text);
    const saved = await codec.encode(text);
    expect(await codec.decode(saved, FILE)).toBe(text);
    const again = await codec.encode(text);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask).toHaveBeenCalledWith(FILE);
    expect(derivations.count).toBe(1);
    const lines = (bytes: Buffer) => bytes.toString('latin1').split('\n');
    expect(new Set([onDisk, saved, again].map((bytes) => lines(bytes)[1])).size).toBe(1);
    expect(new Set([onDisk, saved, again].map((bytes) => lines(bytes)[2])).size).toBe(3);
  });

  it('saves follow the file last read: plain after a plain read, encrypted after an encrypted one', async () => {
    const codec = autoCodec(async () => PASSPHRASE);
    await codec.decode(encrypt(text, key), FILE);
    expect(isEncrypted(await codec.encode(text))).toBe(true);
    await codec.decode(Buffer.from(text), FILE);
    expect(isEncrypted(await codec.encode(text))).toBe(false);
  });

  it('after a wrong passphrase nothing can be saved, so an encrypted journal is never replaced by plain text', async () => {
    const codec = autoCodec(async () => 'not the passphrase');
    await expect(codec.decode(encrypt(text, key), FILE)).rejects.toThrow(
      /the passphrase is wrong, or the file is damaged/,
    );
    await expect(codec.encode(text)).rejects.toThrow(/refusing to save/);
  });

  it('a missing passphrase is reported as the provider words it, and nothing is derived', async () => {
    const codec = autoCodec(async (file) => {
      throw new JournalFileError(`${file} is encrypted: set MENTEE_PASSPHRASE`);
    });
    derivations.count = 0;
    await expect(codec.decode(encrypt(text, key), FILE)).rejects.toThrow(`${FILE} is encrypted: set MENTEE_PASSPHRASE`);
    expect(derivations.count).toBe(0);
  });
});

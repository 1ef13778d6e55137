import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { openRegularFile } from './regular-file.js';
import { UnopenedFileError } from './journal-file-error.js';

/**
 * An encrypted journal (or backup) on disk, with node:crypto only:
 *
 *   mentee-encrypted v1\n
 *   scrypt N=131072 r=8 p=1 salt=<16 bytes, base64>\n
 *   aes-256-gcm iv=<12 bytes, base64>\n
 *   <AES-256-GCM ciphertext of the journal's UTF-8 JSON><16-byte tag>
 *
 * The three text lines are the header; its exact bytes are the GCM additional data, so changing any
 * of them (the KDF settings, the salt, the IV) makes the file fail to open. Every write has a fresh IV.
 * The key is scrypt(passphrase, salt) with the header's settings, which are capped before use.
 */
const MAGIC = 'mentee-encrypted v';
const VERSION_LINE = 'mentee-encrypted v1';
const HEADER_MAX = 256;
const TAG_LENGTH = 16;
const KDF_LINE = /^scrypt N=([1-9]\d{0,9}) r=([1-9]\d{0,4}) p=([1-9]\d{0,4}) salt=([A-Za-z0-9+/]{22}==)$/;
const CIPHER_LINE = /^aes-256-gcm iv=([A-Za-z0-9+/]{16})$/;

const DEFAULT_KDF = { N: 2 ** 17, r: 8, p: 1 } as const;
/** What a file may ask for: beyond these, a crafted header could make scrypt take gigabytes or minutes. */
const KDF_LIMITS = { N: 2 ** 20, r: 16, p: 4, memory: 256 * 1024 * 1024 } as const;

export interface KdfParams {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
}

export interface DerivedKey {
  key: Buffer;
  kdf: KdfParams;
}

/** Gives the key for a file's KDF settings (derived from a passphrase, once per salt). */
export type KeySource = (kdf: KdfParams) => Promise<DerivedKey>;

export function isEncrypted(bytes: Buffer): boolean {
  return bytes.subarray(0, MAGIC.length).toString('latin1') === MAGIC;
}

/** Whether the file at `path` is an encrypted journal; false when it does not exist or cannot be read. */
export async function isEncryptedFile(path: string): Promise<boolean> {
  const start = await readStart(path);
  return start !== undefined && isEncrypted(start);
}

/** The first bytes of a file, enough for an encryption header; undefined when it cannot be read. */
export async function readStart(path: string): Promise<Buffer | undefined> {
  try {
    // A pipe or a device is not a journal: refused here (undefined) rather than waited on.
    const handle = await openRegularFile(path);
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEADER_MAX), 0, HEADER_MAX, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

export function newKdfParams(): KdfParams {
  return { ...DEFAULT_KDF, salt: randomBytes(16) };
}

export function deriveKey(passphrase: string, kdf: KdfParams): Promise<DerivedKey> {
  const { N, r, p } = kdf;
  // OpenSSL needs 128·r·(N + p + 2) bytes; the margin covers its bookkeeping.
  const options: ScryptOptions = { N, r, p, maxmem: 128 * r * (N + p + 2) + 1024 * 1024 };
  // NFC: the same passphrase typed on another system may compose its accents differently.
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), kdf.salt, 32, options, (error, key) =>
      error ? reject(error) : resolve({ key, kdf }),
    ),
  );
}

/** A key source that asks for the passphrase at most once and derives each salt's key at most once. */
export function keyring(passphrase: () => Promise<string>): KeySource {
  let asked: Promise<string> | undefined;
  const keys = new Map<string, Promise<DerivedKey>>();
  return (kdf) => {
    const id = kdfLine(kdf);
    let key = keys.get(id);
    if (!key) {
      asked ??= passphrase();
      key = asked.then((secret) => deriveKey(secret, kdf));
      keys.set(id, key);
      key.catch(() => keys.delete(id));
    }
    return key;
  };
}

export function encrypt(plain: string | Buffer, { key, kdf }: DerivedKey): Buffer {
  const iv = randomBytes(12);
  const header = Buffer.from(`${VERSION_LINE}\n${kdfLine(kdf)}\naes-256-gcm iv=${iv.toString('base64')}\n`, 'latin1');
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LENGTH });
  cipher.setAAD(header);
  return Buffer.concat([header, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** The plain bytes of an encrypted `file`, or an UnopenedFileError saying it cannot be opened. */
export async function decrypt(bytes: Buffer, secret: string | DerivedKey | KeySource, file: string): Promise<Buffer> {
  const { kdf, iv, headerLength } = readHeader(bytes, file);
  const source: KeySource =
    typeof secret === 'string' ? (params) => deriveKey(secret, params) : 'key' in secret ? async () => secret : secret;
  const body = bytes.subarray(headerLength);
  if (body.length < TAG_LENGTH) throw unreadable(file, 'it is cut short, so it is damaged');
  const { key, kdf: keyKdf } = await source(kdf);
  if (kdfLine(keyKdf) !== kdfLine(kdf)) throw wrongOrDamaged(file);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LENGTH });
  decipher.setAAD(bytes.subarray(0, headerLength));
  decipher.setAuthTag(body.subarray(body.length - TAG_LENGTH));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_LENGTH)), decipher.final()]);
  } catch {
    throw wrongOrDamaged(file);
  }
}

/** The header's settings, checked against the limits before any key is derived. */
export function readHeader(bytes: Buffer, file: string): { kdf: KdfParams; iv: Buffer; headerLength: number } {
  const start = bytes.subarray(0, HEADER_MAX).toString('latin1');
  const lines = start.split('\n');
  if (lines[0] !== VERSION_LINE) {
    if (lines.length > 1 && /^mentee-encrypted v\d+$/.test(lines[0]!)) {
      throw unreadable(file, `it was encrypted by a newer mentee (format ${lines[0]!.slice(MAGIC.length - 1)})`);
    }
    throw unreadable(file, 'its encryption header is damaged');
  }
  const kdfMatch = lines.length > 3 ? KDF_LINE.exec(lines[1]!) : null;
  const ivMatch = lines.length > 3 ? CIPHER_LINE.exec(lines[2]!) : null;
  if (!kdfMatch || !ivMatch) throw unreadable(file, 'its encryption header is damaged or cut short');
  const [N, r, p] = [kdfMatch[1], kdfMatch[2], kdfMatch[3]].map(Number) as [number, number, number];
  const powerOfTwo = N >= 2 && Number.isInteger(Math.log2(N));
  if (!powerOfTwo || N > KDF_LIMITS.N || r > KDF_LIMITS.r || p > KDF_LIMITS.p || 128 * N * r > KDF_LIMITS.memory) {
    throw unreadable(
      file,
      `its header asks for scrypt settings beyond mentee's limits (N=${N}, r=${r}, p=${p}), so it is damaged or was not made by mentee`,
    );
  }
  const salt = Buffer.from(kdfMatch[4]!, 'base64');
  const iv = Buffer.from(ivMatch[1]!, 'base64');
  if (salt.length !== 16 || iv.length !== 12) throw unreadable(file, 'its encryption header is damaged');
  const headerLength = lines[0]!.length + lines[1]!.length + lines[2]!.length + 3;
  return { kdf: { N, r, p, salt }, iv, headerLength };
}

function kdfLine({ N, r, p, salt }: KdfParams): string {
  return `scrypt N=${N} r=${r} p=${p} salt=${salt.toString('base64')}`;
}

function wrongOrDamaged(file: string): UnopenedFileError {
  return unreadable(file, 'the passphrase is wrong, or the file is damaged');
}

/** The store adds where the backups are (see journal-store.ts). */
function unreadable(file: string, reason: string): UnopenedFileError {
  return new UnopenedFileError(`Cannot open ${file}: ${reason}; it has not been changed.`);
}

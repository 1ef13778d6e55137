import { closeSync, constants, fstatSync, openSync, readSync, statSync, type BigIntStats, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';

/**
 * The one way mentee opens a file a user can point somewhere (the journal, its backups and drafts,
 * templates, identifiers.json, export layouts). Only a regular file is read: a FIFO would wait for a
 * writer for ever, /dev/zero or /dev/urandom never end, and a folder is not a file. The kind is looked
 * at before opening (opening some devices does something), and again on the open file, which is opened
 * non-blocking so that even a pipe swapped in between cannot hang the read.
 */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** A journal is text: a string that long is past what JavaScript can hold, let alone parse. */
export const MAX_JOURNAL_BYTES = 512 * 1024 * 1024;
/** A template, a layout or identifiers.json is a page or two; anything this size is a mistake. */
export const MAX_CONFIG_BYTES = 16 * 1024 * 1024;

/** What is at a path that mentee will not read as a file; `code` is EISDIR, ENOTFILE or EFBIG. */
export class RefusedFileError extends Error {
  constructor(
    readonly code: 'EISDIR' | 'ENOTFILE' | 'EFBIG',
    /** Why, as the end of "Cannot read X: …" ("it is a named pipe (FIFO), not a file"). */
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'RefusedFileError';
  }
}

function refuseUnlessFile(stats: Stats | BigIntStats, maxBytes: number): void {
  if (stats.isFile()) {
    if (Number(stats.size) > maxBytes)
      throw new RefusedFileError(
        'EFBIG',
        `it is ${megabytes(Number(stats.size))}, more than the ${megabytes(maxBytes)} mentee reads`,
      );
    return;
  }
  if (stats.isDirectory()) throw new RefusedFileError('EISDIR', 'it is a folder, not a file');
  throw new RefusedFileError('ENOTFILE', `it is ${kindOf(stats)}, not a file`);
}

function kindOf(stats: Stats | BigIntStats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MiB`;

/** The bytes of the regular file at `path`; Node's own errors (ENOENT, EACCES…) pass through as they are. */
export function readRegularFileSync(path: string, maxBytes = MAX_CONFIG_BYTES): Buffer {
  return readRegularFileSyncWithStats(path, maxBytes).bytes;
}

/** As readRegularFileSync, with the open file's stat (times to the nanosecond), taken before it was read. */
export function readRegularFileSyncWithStats(path: string, maxBytes: number): { bytes: Buffer; stats: BigIntStats } {
  refuseUnlessFile(statSync(path), maxBytes);
  const fd = openSync(path, READ_FLAGS);
  try {
    const stats = fstatSync(fd, { bigint: true });
    refuseUnlessFile(stats, maxBytes);
    const bytes = readAll(
      (buffer, offset) => readSync(fd, buffer, offset, buffer.length - offset, null),
      Number(stats.size),
      maxBytes,
    );
    return { bytes, stats };
  } finally {
    closeSync(fd);
  }
}

/** As readRegularFileSync, without blocking the event loop. */
export async function readRegularFile(path: string, maxBytes = MAX_CONFIG_BYTES): Promise<Buffer> {
  const handle = await openRegularFile(path, maxBytes);
  try {
    const { size } = await handle.stat();
    const chunks: Buffer[] = [];
    let total = 0;
    // size 0 is also what /proc files say: read until the end, within the limit.
    for (let left = Math.max(size, 64 * 1024); ;) {
      const { buffer, bytesRead } = await handle.read(Buffer.allocUnsafe(left), 0, left, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes)
        throw new RefusedFileError('EFBIG', `it is more than the ${megabytes(maxBytes)} mentee reads`);
      if (size > 0 && total >= size) break;
      left = 64 * 1024;
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** The open regular file at `path`, for reading only part of it (an encryption header); the caller closes it. */
export async function openRegularFile(path: string, maxBytes = MAX_JOURNAL_BYTES): Promise<FileHandle> {
  refuseUnlessFile(await stat(path), maxBytes);
  const handle = await open(path, READ_FLAGS);
  try {
    refuseUnlessFile(await handle.stat(), maxBytes);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function readAll(read: (buffer: Buffer, offset: number) => number, size: number, maxBytes: number): Buffer {
  if (size > 0) {
    // The usual case: one read of the size the file says it is (as readFileSync does).
    const buffer = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const got = read(buffer, filled);
      if (got === 0) break;
      filled += got;
    }
    return filled === size ? buffer : buffer.subarray(0, filled);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const got = read(chunk, 0);
    if (got === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, got));
    total += got;
    if (total > maxBytes)
      throw new RefusedFileError('EFBIG', `it is more than the ${megabytes(maxBytes)} mentee reads`);
  }
}

import { open } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { PRIVATE_FILE_MODE, writeFileAtomic } from './atomic-write.js';

/** Writes an export readable by its owner only; an existing file is replaced only when `force` is set. */
export async function writePrivateFile(path: string, content: string, force: boolean): Promise<void> {
  if (force) return writeFileAtomic(path, content);
  let handle;
  try {
    handle = await open(path, 'wx', PRIVATE_FILE_MODE);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new UserError(`${path} already exists; choose another --out or add --force to replace it.`);
    throw new UserError(`Cannot write ${path}: ${(error as Error).message}`);
  }
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

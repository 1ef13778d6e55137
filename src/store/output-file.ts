import { open } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { PRIVATE_FILE_MODE, writeFileAtomic } from './atomic-write.js';
import { asFileProblem } from './file-errors.js';

/** Writes an export readable by its owner only; an existing file is replaced only when `force` is set. */
export async function writePrivateFile(path: string, content: string, force: boolean): Promise<void> {
  try {
    if (force) return await writeFileAtomic(path, content);
    const handle = await open(path, 'wx', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UserError(`${path} already exists; choose another --out or add --force to replace it.`);
    }
    throw asFileProblem(error, 'write', path);
  }
}

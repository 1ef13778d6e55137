import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/store/atomic-write.js';
import { writePrivateFile } from '../../src/store/output-file.js';
import { modeOf, tempFolder, withUmask } from './fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
let target: string;

beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
  target = join(dir, 'journal.json');
});
afterEach(() => cleanup());

describe('writeFileAtomic', () => {
  it('creates the file with the content, owner-only (0600) even with umask 022, and leaves nothing else behind', async () => {
    await withUmask(0o022, () => writeFileAtomic(target, 'new content\n'));
    expect(await readFile(target, 'utf8')).toBe('new content\n');
    expect(await modeOf(target)).toBe(0o600);
    expect(await readdir(dir)).toEqual(['journal.json']);
  });

  it('replaces an existing file, which becomes 0600, and leaves no temporary file', async () => {
    await writeFile(target, 'old content\n');
    await chmod(target, 0o644);
    await writeFileAtomic(target, 'new content\n');
    expect(await readFile(target, 'utf8')).toBe('new content\n');
    expect(await modeOf(target)).toBe(0o600);
    expect(await readdir(dir)).toEqual(['journal.json']);
  });

  it('runs beforeReplace once, while the target still holds the old content', async () => {
    await writeFile(target, 'old content\n');
    const seen: string[] = [];
    await writeFileAtomic(target, 'new content\n', async () => {
      seen.push(await readFile(target, 'utf8'));
    });
    expect(seen).toEqual(['old content\n']);
    expect(await readFile(target, 'utf8')).toBe('new content\n');
  });

  it('runs beforeReplace after the new content is written to a temporary file beside the target', async () => {
    await writeFile(target, 'old content\n');
    let temporaries: string[] = [];
    await writeFileAtomic(target, 'new content\n', async () => {
      const names = (await readdir(dir)).filter((name) => name !== 'journal.json');
      temporaries = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
    });
    expect(temporaries).toEqual(['new content\n']);
  });

  it('when beforeReplace fails, rejects with its error, keeps the old file and leaves no temporary file', async () => {
    await writeFile(target, 'old content\n');
    const failure = new Error('backup failed: disk full');
    await expect(
      writeFileAtomic(target, 'new content\n', async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await readFile(target, 'utf8')).toBe('old content\n');
    expect(await readdir(dir)).toEqual(['journal.json']);
  });

  it('when beforeReplace fails and there was no file, no file is created and nothing is left behind', async () => {
    await expect(
      writeFileAtomic(target, 'new content\n', async () => {
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await readdir(dir)).toEqual([]);
  });

  it('rejects when the folder does not exist, creating nothing', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'journal.json'), 'x')).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it('many writes in a row leave only the target with the last content', async () => {
    for (let index = 0; index < 20; index++) await writeFileAtomic(target, `version ${index}\n`);
    expect(await readFile(target, 'utf8')).toBe('version 19\n');
    expect(await readdir(dir)).toEqual(['journal.json']);
  });
});

describe('writePrivateFile', () => {
  let out: string;
  beforeEach(() => {
    out = join(dir, 'summary.md');
  });

  it('writes a new file with the content, owner-only (0600) even with umask 022', async () => {
    await withUmask(0o022, () => writePrivateFile(out, '# Summary\n', false));
    expect(await readFile(out, 'utf8')).toBe('# Summary\n');
    expect(await modeOf(out)).toBe(0o600);
  });

  it('refuses to overwrite an existing file without force, mentioning --force, and leaves it unchanged', async () => {
    await writeFile(out, 'keep me\n');
    const error = await writePrivateFile(out, 'replacement\n', false).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain(out);
    expect((error as Error).message).toContain('--force');
    expect(await readFile(out, 'utf8')).toBe('keep me\n');
  });

  it('overwrites an existing file with force, making it 0600 and leaving no temporary file', async () => {
    await writeFile(out, 'old\n');
    await chmod(out, 0o644);
    await withUmask(0o022, () => writePrivateFile(out, 'replacement\n', true));
    expect(await readFile(out, 'utf8')).toBe('replacement\n');
    expect(await modeOf(out)).toBe(0o600);
    expect(await readdir(dir)).toEqual(['summary.md']);
  });

  it('writes a new file with force too', async () => {
    await writePrivateFile(out, 'fresh\n', true);
    expect(await readFile(out, 'utf8')).toBe('fresh\n');
    expect(await modeOf(out)).toBe(0o600);
  });

  it('reports a folder that does not exist as a user error naming the path', async () => {
    const nowhere = join(dir, 'missing', 'summary.md');
    const error = await writePrivateFile(nowhere, 'x', false).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain(nowhere);
  });
});

describe('a target that is not a file', () => {
  it('is refused rather than replaced: a named pipe (like /dev/null, a device) stays what it was', async () => {
    const { dir, cleanup } = await tempFolder();
    try {
      const pipe = join(dir, 'pipe');
      execFileSync('mkfifo', [pipe]);
      await expect(writeFileAtomic(pipe, 'not a pipe')).rejects.toThrow(
        `Cannot write ${pipe}: it is not a regular file, and mentee only replaces files.`,
      );
      expect(statSync(pipe).isFIFO()).toBe(true);
      expect(await readdir(dir)).toEqual(['pipe']);
    } finally {
      await cleanup();
    }
  });
});

// Real parts of the machine for the trials and tests that need them: a small disk that really fills
// up (a tmpfs, mounted as root) and a real second user (made as root). Each says why it cannot be had,
// so a caller can skip and say so instead of pretending.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, writeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const OTHER_USER = 'mentee-other';

const isRoot = () => process.getuid?.() === 0;

/**
 * Mounts a tmpfs of `kib` KiB and returns it, or `{ skipped: reason }` when this process cannot.
 * `fill(leaveBytes)` fills it until at most `leaveBytes` are free; `free()` removes the filler;
 * `unmount()` removes it all.
 */
export function smallDisk(kib = 256) {
  if (!isRoot()) return { skipped: 'a full disk needs root to mount a small tmpfs' };
  const dir = mkdtempSync(join(tmpdir(), 'mentee-small-disk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k,mode=0700`, 'tmpfs', dir], {
    encoding: 'utf8',
  });
  if (mounted.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { skipped: `cannot mount a tmpfs here: ${(mounted.stderr || mounted.error?.message || '').trim()}` };
  }
  let fillers = 0;
  return {
    dir,
    /** Fills the disk with filler files until no more than `leaveBytes` are free (to the page). */
    fill(leaveBytes = 0) {
      const chunk = Buffer.alloc(4096, 120);
      for (;;) {
        const free = freeBytes(dir);
        if (free <= leaveBytes) return;
        const file = join(dir, `.filler-${fillers++}`);
        const fd = openSync(file, 'w');
        try {
          let left = free - leaveBytes;
          while (left > 0) (writeSync(fd, chunk, 0, Math.min(chunk.length, left)), (left -= chunk.length));
        } catch (error) {
          if (error.code !== 'ENOSPC') throw error;
          return;
        } finally {
          closeSync(fd);
        }
      }
    },
    free() {
      for (let i = 0; i < fillers; i++) rmSync(join(dir, `.filler-${i}`), { force: true });
      fillers = 0;
    },
    freeBytes: () => freeBytes(dir),
    unmount() {
      spawnSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freeBytes(dir) {
  const out = execFileSync('df', ['-B1', '--output=avail', dir], { encoding: 'utf8' });
  return Number(out.trim().split('\n').pop());
}

/**
 * A real second user on this machine ({ name, uid, gid }), made when missing; or `{ skipped: reason }`
 * when this process is not root and so can neither make one nor act as one.
 */
export function otherUser() {
  if (!isRoot()) return { skipped: 'acting as a second user needs root' };
  const id = () => spawnSync('id', ['-u', OTHER_USER], { encoding: 'utf8' });
  if (id().status !== 0) {
    const made = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', OTHER_USER], {
      encoding: 'utf8',
    });
    if (made.status !== 0 && id().status !== 0)
      return { skipped: `cannot make a second user: ${(made.stderr || made.error?.message || '').trim()}` };
  }
  const uid = Number(id().stdout.trim());
  const gid = Number(spawnSync('id', ['-g', OTHER_USER], { encoding: 'utf8' }).stdout.trim());
  return { name: OTHER_USER, uid, gid };
}

/** A folder the second user owns and may write (for planting files as them), inside `parent`. */
export function folderOf(user, parent) {
  const dir = join(parent, `of-${user.name}`);
  mkdirSync(dir, { recursive: true });
  execFileSync('chown', [`${user.uid}:${user.gid}`, dir]);
  return dir;
}

/** Runs a shell command as the second user (as a real process with their uid and gid). */
export function runAs(user, command, options = {}) {
  return spawnSync('sh', ['-c', command], { uid: user.uid, gid: user.gid, encoding: 'utf8', ...options });
}

import { readFileSync } from 'node:fs';

/**
 * Whether process `pid` is still running (EPERM: it is, as another user). A zombie is not: it has
 * ended and waits only to be reaped, which in a container without an init may be never.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** Linux says a process's state after the closing bracket of its name in /proc/<pid>/stat. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

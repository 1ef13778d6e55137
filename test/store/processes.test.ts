import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isRunning } from '../../src/store/processes.js';

describe('isRunning', () => {
  it('says a running process runs and this one too', async () => {
    const child = spawn('sleep', ['5']);
    try {
      expect(isRunning(child.pid!)).toBe(true);
      expect(isRunning(process.pid)).toBe(true);
    } finally {
      child.kill();
    }
  });

  it('says an ended process that nobody has reaped (a zombie) has ended', async () => {
    // The shell starts a child that ends at once, then becomes a sleep that never waits for it.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const zombie = Number(
        await new Promise<string>((resolve) => parent.stdout.once('data', (d) => resolve(String(d)))),
      );
      for (let waited = 0; waited < 2_000 && isRunning(zombie); waited += 20)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(isRunning(zombie)).toBe(false);
      // It is still there to be reaped: only its state says it ended.
      expect(() => process.kill(zombie, 0)).not.toThrow();
    } finally {
      parent.kill();
    }
  });

  it('says a process id nobody has is not running', () => {
    expect(isRunning(2 ** 22 + 12345)).toBe(false);
  });
});

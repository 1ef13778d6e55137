import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every test must assert something (test/helpers/setup.ts).
    setupFiles: ['test/helpers/setup.ts'],
    // End-to-end tests start real processes; a shared 2-core machine can be slow.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    env: { TZ: 'UTC', NO_COLOR: '1' },
  },
});

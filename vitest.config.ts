import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs the engine's tests on Node (no build needed); `browser` drives the built site,
// so it gets long timeouts and runs its files one at a time (they share one preview server).
// Timeouts are only a backstop against a hung test, never a wait: on a loaded 2-core machine a test that
// takes 0.5 s idle can take 10 s, so the unit backstop is a minute rather than vitest's 5 s.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Loading and compiling every policy in a hook can take tens of seconds on a busy shared machine.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs the engine's tests on Node (no build needed); `browser` drives the built site,
// so it gets long timeouts and runs its files one at a time (they share one preview server).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Loading and compiling every policy in a hook can take tens of seconds on a busy shared machine.
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

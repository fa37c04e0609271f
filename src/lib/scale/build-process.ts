/**
 * How the site's build process is started, so that 50 payers build within 1 GB (issue #18). Measured with
 * `npm run scale -- 50` on this 2-core machine: 1.31 GB as Node and Rolldown start by default, about 0.83 GB
 * with the settings below, in the same time (35–44 s either way: the build is mostly single-threaded JavaScript).
 *
 * - **Heap limit.** V8 lets its heap grow in proportion to its limit, by default a share of the machine's
 *   memory (4.3 GB here). At 50 payers the live heap is about 290 MB, yet it swelled to 590 MB between
 *   collections. A 1 GB limit makes V8 collect sooner. The limit grows with the site (20 MB per payer) so
 *   that it stays several times the live heap (about 130 MB plus 3 MB per payer): it trades collection time
 *   for memory, and must never end a build.
 * - **Rolldown's threads.** Each of its worker and blocking threads allocates in a malloc arena of its own,
 *   which keeps what it frees; one of each saved about 0.1 GB, and bundling is a small share of the build.
 * - **Malloc arenas** (glibc) capped at two for the remaining threads (Node's file system pool, V8's
 *   helpers): about 0.05 GB more.
 *
 * A variable already set in the environment wins, so a bigger machine can give Rolldown its threads back.
 */
export function buildProcess(payers: number, env: NodeJS.ProcessEnv = process.env): { execArgv: string[]; env: NodeJS.ProcessEnv } {
  const defaults: Record<string, string> = {
    ROLLDOWN_WORKER_THREADS: '1',
    ROLLDOWN_MAX_BLOCKING_THREADS: '1',
    MALLOC_ARENA_MAX: '2',
  };
  return {
    execArgv: [`--max-old-space-size=${Math.max(1024, 20 * payers)}`],
    env: { ...defaults, ...env },
  };
}

/**
 * `npm run build`'s Astro step: `astro build` (arguments passed on) in a Node process started to fit the
 * number of policies: heap limit, Rolldown's threads, malloc arenas (src/lib/scale/build-process.ts). With
 * BUILD_STATS=<file>, that process writes its time and peak memory there (`npm run scale` reads them).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { policyFiles } from '../src/lib/criteria/policy-files.ts';
import { buildProcess } from '../src/lib/scale/build-process.ts';

const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const stats = fileURLToPath(new URL('./build-stats.mjs', import.meta.url));
const { execArgv, env } = buildProcess(policyFiles().length);
const run = spawnSync(process.execPath, [
  ...execArgv,
  ...(process.env.BUILD_STATS ? ['--import', stats] : []),
  astro, 'build', ...process.argv.slice(2),
], { stdio: 'inherit', env });
if (run.error) throw run.error;
process.exit(run.status ?? 1);

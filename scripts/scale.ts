/**
 * `npm run scale -- N [--out DIR] [--no-build] [--json]`: a site of N payers made from the real policies under new
 * payer ids, written to DIR/policies (default: a folder in the system's temporary directory) and built into
 * DIR/dist, with its figures (build time, dist/ size, peak memory, /compare/ initial JavaScript). Serve it with
 * `npx pagefind --site DIR/dist --serve` or check it with `POLICIES_DIR=DIR/policies npm run check`.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildScaleSite, writeScaleFixture } from '../src/lib/scale/build-site.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, 'no-build': { type: 'boolean' }, json: { type: 'boolean' } },
});
const n = Number(positionals[0]);
if (positionals.length !== 1 || !Number.isInteger(n) || n < 1 || n > 1000) {
  console.error(`scale: Unexpected ${positionals.length ? `\`${positionals.join(' ')}\`` : 'nothing'}, expected one payer count from 1 to 1000 (npm run scale -- 20)`);
  process.exit(2);
}
const out = values.out ?? join(tmpdir(), `va-scale-${n}`);
if (values['no-build']) {
  console.log(writeScaleFixture(n, out));
} else {
  const f = await buildScaleSite(n, out);
  if (values.json) console.log(JSON.stringify(f));
  else {
    const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
    console.log(`scale: ${f.payers} payers built in ${f.buildSeconds.toFixed(1)} s (astro ${f.astroSeconds.toFixed(1)} s, pagefind ${f.pagefindSeconds.toFixed(1)} s)`);
    console.log(`scale: dist/ ${mb(f.distBytes)} in ${f.distFiles} files; peak memory ${mb(f.peakMemoryBytes)}; /compare/ initial JS ${(f.compareInitialJsGzipBytes / 1024).toFixed(1)} KiB gz`);
    console.log(`scale: ${f.out}/dist (policies in ${f.out}/policies)`);
  }
}

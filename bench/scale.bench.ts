/**
 * Scale (issue #18): the site built from 5, 20 and 50 payers (`npm run scale`, the real policies copied under new
 * ids), each in its own process so that peak memory is that build's. Reports build time, dist/ size, peak memory
 * and /compare/'s initial JavaScript, and the growth from 20 to 50 payers against the payer count (2.5×).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScaleFigures } from '../src/lib/scale/build-site.ts';

const COUNTS = [5, 20, 50];
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');

export default async function scale() {
  const figures: Record<string, string> = {};
  const runs = new Map<number, ScaleFigures>();
  for (const n of COUNTS) {
    const out = join(tmpdir(), `va-scale-bench-${n}`);
    const json = execFileSync(TSX, ['scripts/scale.ts', String(n), '--out', out, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
    const f = JSON.parse(json.trim().split('\n').pop()!) as ScaleFigures;
    rmSync(out, { recursive: true, force: true });
    runs.set(n, f);
    figures[`${n} payers`] = `build ${f.buildSeconds.toFixed(1)} s (astro ${f.astroSeconds.toFixed(1)} s, pagefind ${f.pagefindSeconds.toFixed(1)} s), dist/ ${(f.distBytes / 1e6).toFixed(1)} MB in ${f.distFiles} files, peak memory ${(f.peakMemoryBytes / 1e6).toFixed(0)} MB, /compare/ initial JS ${(f.compareInitialJsGzipBytes / 1024).toFixed(1)} KiB gz`;
  }
  const [five, twenty, fifty] = COUNTS.map((n) => runs.get(n)!) as [ScaleFigures, ScaleFigures, ScaleFigures];
  figures['50 vs 5 payers: dist/ size'] = `${(fifty.distBytes / five.distBytes).toFixed(2)}× (limit 10×)`;
  figures['20 → 50 payers: build time, dist/ size (payer count 2.5×)'] = `${(fifty.buildSeconds / twenty.buildSeconds).toFixed(2)}×, ${(fifty.distBytes / twenty.distBytes).toFixed(2)}×`;
  return figures;
}

/**
 * Writes a scale fixture of N payers and builds it into its own folder, measuring what issue #18 limits: build
 * time, dist/ size, peak memory and the initial JavaScript of /compare/. The build runs as `npm run build` does
 * (scripts/build.ts, then Pagefind); peak memory is the Astro process's own high-water mark, which it reports.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scaledPolicies } from './copies.ts';
import { initialJs } from './initial-js.ts';

export type ScaleFigures = {
  payers: number;
  buildSeconds: number;
  astroSeconds: number;
  pagefindSeconds: number;
  distBytes: number;
  distFiles: number;
  peakMemoryBytes: number;
  compareInitialJsGzipBytes: number;
  out: string;
};

/** Writes `<out>/policies/*.mdx` (N payers) from the real policies; returns the folder. */
export function writeScaleFixture(n: number, out: string, sourceDir = 'src/content/policies'): string {
  const dir = join(out, 'policies');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const originals = readdirSync(sourceDir).filter((f) => f.endsWith('.mdx')).map((name) => ({ name, text: readFileSync(join(sourceDir, name), 'utf8') }));
  for (const p of scaledPolicies(originals, n)) writeFileSync(join(dir, p.name), p.text);
  return dir;
}

function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const p of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(join(dir, p));
    if (s.isFile()) {
      bytes += s.size;
      files++;
    }
  }
  return { bytes, files };
}

/** Builds the fixture at `<out>/dist` (Astro in this process, then Pagefind) and measures it. */
export async function buildScaleSite(n: number, out: string): Promise<ScaleFigures> {
  out = resolve(out);
  const policies = writeScaleFixture(n, out);
  const dist = join(out, 'dist');
  rmSync(dist, { recursive: true, force: true });
  const statsFile = join(out, 'build-stats.json');
  rmSync(statsFile, { force: true });
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['scripts/build.ts', '--outDir', dist], {
    env: { ...process.env, POLICIES_DIR: policies, BUILD_STATS: statsFile },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`building ${n} payers failed (exit ${run.status}):\n${run.stderr || run.stdout}`);
  const t1 = performance.now();
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as { peakMemoryBytes: number };
  execFileSync(process.execPath, [resolve('node_modules/pagefind/lib/runner/bin.cjs'), '--site', dist], { stdio: 'ignore' });
  const t2 = performance.now();
  const size = folderSize(dist);
  return {
    payers: n,
    buildSeconds: (t2 - t0) / 1000,
    astroSeconds: (t1 - t0) / 1000,
    pagefindSeconds: (t2 - t1) / 1000,
    distBytes: size.bytes,
    distFiles: size.files,
    peakMemoryBytes: stats.peakMemoryBytes,
    compareInitialJsGzipBytes: initialJs(dist, 'compare/index.html').gzipBytes,
    out,
  };
}

/**
 * Writes a scale fixture of N payers and builds it into its own folder, measuring what issue #18 limits: build
 * time, dist/ size, peak memory (this process's, since Astro builds in it) and the initial JavaScript of
 * /compare/. One build per process: peak memory is a process-wide high-water mark.
 */
import { execFileSync } from 'node:child_process';
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
  // The config reads POLICIES_DIR when Astro loads it, which is after this line.
  process.env.POLICIES_DIR = policies;
  const { build } = await import('astro');
  const t0 = performance.now();
  await build({ root: process.cwd(), outDir: dist, logLevel: 'warn' });
  const t1 = performance.now();
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
    // maxRSS is in kilobytes.
    peakMemoryBytes: process.resourceUsage().maxRSS * 1024,
    compareInitialJsGzipBytes: initialJs(dist, 'compare/index.html').gzipBytes,
    out,
  };
}

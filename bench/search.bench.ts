/**
 * Search index: how long Pagefind takes to index the built site and how big its output is. Runs Pagefind on
 * dist/ into a temporary directory (`npm run bench` builds first), several times; reports medians.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { median } from './timing.ts';

const RUNS = 5;
const PAGEFIND = join(process.cwd(), 'node_modules/pagefind/lib/runner/bin.cjs');

function files(dir: string): Array<{ path: string; bytes: number }> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((p) => join(dir, p))
    .filter((p) => statSync(p).isFile())
    .map((p) => ({ path: relative(dir, p), bytes: statSync(p).size }));
}

// The search UI bundles Pagefind also writes (default, modular and component UIs); this site uses only pagefind.js.
const isUiAsset = (path: string) => /^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(path);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB (${bytes.toLocaleString('en-US')} bytes)`;

export default async function search() {
  if (!existsSync(join('dist', 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first (`npm run bench` does).');
  const wall: number[] = [];
  const reported: number[] = [];
  let output = '';
  let out = '';
  for (let i = 0; i < RUNS; i++) {
    if (out) rmSync(out, { recursive: true, force: true });
    out = mkdtempSync(join(tmpdir(), 'pagefind-bench-'));
    const t0 = performance.now();
    output = execFileSync(process.execPath, [PAGEFIND, '--site', 'dist', '--output-path', out], { encoding: 'utf8' });
    wall.push(performance.now() - t0);
    reported.push(Number(/Finished in ([\d.]+) seconds/.exec(output)?.[1] ?? NaN) * 1000);
  }
  const all = files(out);
  rmSync(out, { recursive: true, force: true });
  const index = all.filter((f) => !isUiAsset(f.path));
  const fragments = all.filter((f) => f.path.startsWith('fragment'));
  const data = all.filter((f) => /^(index|filter|fragment)\//.test(f.path) || f.path.endsWith('.pf_meta') || f.path === 'pagefind-entry.json');
  const count = (what: string) => Number(new RegExp(`Indexed (\\d+) ${what}`).exec(output)?.[1] ?? NaN);
  return {
    'pages indexed': count('pages'),
    'words indexed': count('words'),
    [`index build, wall clock incl. process start, median of ${RUNS}`]: `${Math.round(median(wall))} ms`,
    [`index build, as Pagefind reports it, median of ${RUNS}`]: `${Math.round(median(reported))} ms`,
    'output, all files': `${all.length} files, ${kb(all.reduce((n, f) => n + f.bytes, 0))}`,
    'output without unused UI bundles': `${index.length} files, ${kb(index.reduce((n, f) => n + f.bytes, 0))}`,
    'index data (words, filters, metadata, fragments)': `${data.length} files, ${kb(data.reduce((n, f) => n + f.bytes, 0))}`,
    'page fragments (one per page, fetched per result)': `${fragments.length} files, ${kb(fragments.reduce((n, f) => n + f.bytes, 0))}`,
  };
}

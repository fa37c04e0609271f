/**
 * A built site of N payers (the scale fixture, `npm run scale`) for browser tests, built once and reused while
 * its inputs are unchanged: the stamp is a hash of everything the build reads, so an edit rebuilds it and a
 * second test file (or run) reuses it. Built in a child process: a build's memory is not the test's.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = ['src', 'astro.config.mjs', 'package-lock.json', 'scripts/scale.ts'];

function inputsHash(n: number): string {
  const hash = createHash('sha256').update(String(n));
  for (const input of INPUTS) {
    const paths = statSync(input).isDirectory()
      ? readdirSync(input, { recursive: true, encoding: 'utf8' }).map((p) => join(input, p)).filter((p) => statSync(p).isFile()).sort()
      : [input];
    for (const p of paths) hash.update(p).update(readFileSync(p));
  }
  return hash.digest('hex');
}

/** The dist/ folder of a built N-payer site (policies in its sibling `policies/`). */
export function scaleSite(n: number): string {
  const out = join(process.cwd(), 'node_modules/.cache/scale-site', String(n));
  const stamp = join(out, 'stamp');
  const hash = inputsHash(n);
  const dist = join(out, 'dist');
  if (existsSync(join(dist, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return dist;
  const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
  execFileSync(tsx, ['scripts/scale.ts', String(n), '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  writeFileSync(stamp, hash);
  return dist;
}

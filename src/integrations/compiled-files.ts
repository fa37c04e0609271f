/**
 * A built site's compiled policies as standalone files, outside the bundler's module graph (issue #18).
 *
 * Each compiled policy is one self-contained ES module (no imports), so the bundler has nothing to link in it:
 * parsing, tree-shaking and minifying 50 payers' modules three times over (server, page, workers) only cost
 * build memory — about 12 MB per MB of module. The build therefore writes them once, named by content hash:
 * the browser's as assets fetched by URL, the prerender's as files Node imports. `astro dev` keeps serving them
 * as virtual modules (vite-compiled-policies.ts), which is what lets an edit reload its page.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileModule } from '../lib/criteria/compile.ts';
import { loadModel, policyFiles } from '../lib/criteria/load.ts';
import { policyError } from './policy-error.ts';

export type Variant = 'full' | 'slim';
export type CompiledFile = { payer: string; code: string; name: string };

/** Every policy's module compiled, named `<payer>.<hash>.js` by its content; an invalid policy throws. */
export function compiledFiles(variant: Variant): CompiledFile[] {
  return policyFiles().map((file) => {
    const { model, messages } = loadModel(file);
    const errors = messages.filter((m) => m.severity === 'error');
    if (!model || errors.length) throw policyError(errors);
    const code = compileModule(model, { slim: variant === 'slim' });
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 8);
    const payer = basename(file, '.mdx');
    return { payer, code, name: `${payer}.${hash}.js` };
  });
}

/** Source of `export const loaders = { payer: () => import(url) }` over URLs the bundler leaves alone. */
export function loadersByUrl(files: readonly CompiledFile[], urlOf: (f: CompiledFile) => string): string {
  // A non-literal specifier: the bundler neither resolves nor bundles it, and the browser fetches it on demand.
  const rows = files.map((f) => `  ${JSON.stringify(f.payer)}: () => import(/* @vite-ignore */ URLS[${JSON.stringify(f.payer)}]),`);
  return [`const URLS = ${JSON.stringify(Object.fromEntries(files.map((f) => [f.payer, urlOf(f)])))};`, `export const loaders = {`, ...rows, `};`, ''].join('\n');
}

/** Files of earlier versions are removed a day after they were written (a build running then may still read them). */
const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * Writes the full modules under `dir` (written once per content: the name is the hash) and returns the source
 * of `virtual:policies` importing them by file URL, for the prerender, which runs in Node at build time.
 */
export function policiesFromFiles(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const files = compiledFiles('full');
  const current = new Set(files.map((f) => f.name.replace(/\.js$/, '.mjs')));
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!current.has(name) && Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
  }
  const urls = files.map((f) => {
    const path = join(dir, f.name.replace(/\.js$/, '.mjs'));
    if (!existsSync(path)) {
      // Write then rename: two builds sharing the folder never read half a file.
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, f.code);
      renameSync(temp, path);
    }
    return pathToFileURL(path).href;
  });
  return [
    `const URLS = ${JSON.stringify(urls)};`,
    `export const policies = await Promise.all(URLS.map((u) => import(/* @vite-ignore */ u)));`,
    '',
  ].join('\n');
}

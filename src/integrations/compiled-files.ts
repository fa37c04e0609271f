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
import type { Rollup } from 'vite';
import { compileModule } from '../lib/criteria/compile.ts';
import type { PolicyModel } from '../lib/criteria/model.ts';
import { loadModel, policyFiles } from '../lib/criteria/load.ts';
import { policyError } from './policy-error.ts';

export type Variant = 'full' | 'slim';
export type CompiledFile = { payer: string; code: string; name: string };

/** Compiled once per model (the parse cache returns the same model until its text changes) and variant. */
const compiled = new WeakMap<PolicyModel, Partial<Record<Variant, { code: string; hash: string }>>>();

/** Every policy's module compiled, named `<payer>.<hash>.js` by its content; an invalid policy throws. */
export function compiledFiles(variant: Variant): CompiledFile[] {
  return policyFiles().map((file) => {
    const { model, messages } = loadModel(file);
    const errors = messages.filter((m) => m.severity === 'error');
    if (!model || errors.length) throw policyError(errors);
    const byVariant = compiled.get(model) ?? {};
    compiled.set(model, byVariant);
    const { code, hash } = byVariant[variant] ??= (() => {
      const code = compileModule(model, { slim: variant === 'slim' });
      return { code, hash: createHash('sha256').update(code).digest('hex').slice(0, 8) };
    })();
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
  // Node imports them as ES modules whatever package.json says: .mjs.
  const files = compiledFiles('full').map((f) => ({ ...f, path: join(dir, f.name.replace(/\.js$/, '.mjs')) }));
  const current = new Set(files.map((f) => f.path));
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!current.has(path) && Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
  }
  for (const f of files) {
    if (existsSync(f.path)) continue;
    // Write then rename: two builds sharing the folder never read half a file.
    const temp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(temp, f.code);
    renameSync(temp, f.path);
  }
  return [
    `const URLS = ${JSON.stringify(files.map((f) => pathToFileURL(f.path).href))};`,
    `export const policies = await Promise.all(URLS.map((u) => import(/* @vite-ignore */ u)));`,
    '',
  ].join('\n');
}

/** In a build: each payer's module emitted as an asset of its own, and loaders importing it by URL. */
export function emittedLoaders(ctx: Rollup.PluginContext, variant: Variant): string {
  const { base, build } = ctx.environment.config;
  const files = compiledFiles(variant);
  for (const f of files) ctx.emitFile({ type: 'asset', fileName: `${build.assetsDir}/${f.name}`, source: f.code });
  return loadersByUrl(files, (f) => `${base}${build.assetsDir}/${f.name}`);
}

/**
 * The build's compiled-policy files (src/integrations/compiled-files.ts): what the prerender imports is the
 * compiler's output, one file per payer named by its hash, and stale files of earlier versions are pruned.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledFiles, loadersByUrl, policiesFromFiles } from '../../src/integrations/compiled-files.ts';
import { compileModule } from '../../src/lib/criteria/compile.ts';
import { loadModels } from '../../src/lib/criteria/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'compiled-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { models } = loadModels();

describe('compiled policy files', () => {
  it('are the compiler\'s output, named by payer and content hash', () => {
    for (const variant of ['slim', 'full'] as const) {
      const files = compiledFiles(variant);
      expect(files.map((f) => f.payer)).toEqual(models.map((m) => m.payer));
      for (const [i, f] of files.entries()) {
        expect(f.code).toBe(compileModule(models[i]!, { slim: variant === 'slim' }));
        expect(f.name).toMatch(new RegExp(`^${f.payer}\\.[0-9a-f]{8}\\.js$`));
      }
    }
    // Different code, different name: the browser never keeps a stale module under a current name.
    expect(new Set([...compiledFiles('slim'), ...compiledFiles('full')].map((f) => f.name)).size).toBe(2 * models.length);
  });

  it('give the prerender every policy, imported from files it writes once', async () => {
    const stale = join(dir, 'gone.0000000a.mjs');
    const recent = join(dir, 'other-build.0000000b.mjs');
    writeFileSync(stale, 'export {};');
    utimesSync(stale, new Date(Date.now() - 2 * 86_400_000), new Date(Date.now() - 2 * 86_400_000));
    writeFileSync(recent, 'export {};');
    const source = policiesFromFiles(dir);
    // A file of an earlier version is removed after a day; one a build may still be reading is kept.
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    for (const f of compiledFiles('full')) expect(readFileSync(join(dir, f.name.replace(/\.js$/, '.mjs')), 'utf8')).toBe(f.code);
    const entry = join(dir, 'entry.mjs');
    writeFileSync(entry, source);
    const { policies } = await import(pathToFileURL(entry).href) as { policies: Array<{ model: { payer: string }; blocks: unknown }> };
    expect(policies.map((p) => p.model.payer)).toEqual(models.map((m) => m.payer));
    for (const p of policies) expect(typeof p.blocks).toBe('function');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('are loaded in the browser by URL, one loader per payer', () => {
    const files = compiledFiles('slim');
    const source = loadersByUrl(files, (f) => `/_astro/${f.name}`);
    for (const f of files) expect(source).toContain(JSON.stringify(`/_astro/${f.name}`));
    expect(source.match(/\(\) => import\(/g)).toHaveLength(files.length);
  });
});

/**
 * The built site ships each payer's compiled policy as files of their own, outside the bundler (issue #18:
 * build memory): the browser's slim module and the pair view's full module, byte for byte what the compiler
 * writes, named by content hash, and each referenced by the code that loads it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledFiles } from '../../src/integrations/compiled-files.ts';

const ASSETS = join(process.cwd(), 'dist', '_astro');
const shipped = readdirSync(ASSETS);
const scripts = shipped.filter((f) => f.endsWith('.js') && !compiledName(f)).map((f) => readFileSync(join(ASSETS, f), 'utf8')).join('\n');

function compiledName(file: string): boolean {
  return /^[a-z0-9-]+\.[0-9a-f]{8}\.js$/.test(file);
}

describe.each(['slim', 'full'] as const)('the %s compiled policies', (variant) => {
  const files = compiledFiles(variant);

  it('are one file per payer, equal to the compiler\'s output', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      expect(shipped, f.name).toContain(f.name);
      expect(readFileSync(join(ASSETS, f.name), 'utf8'), f.name).toBe(f.code);
    }
  });

  it('are loaded by URL from the site\'s scripts, not copied into them', () => {
    for (const f of files) {
      expect(scripts, f.name).toContain(`/_astro/${f.name}`);
      // The compiled code itself appears only in its own file: a stretch of its model's JSON is found nowhere else.
      const json = f.code.slice(f.code.indexOf('JSON.parse(') + 12).slice(0, 200);
      expect(json.length, f.name).toBe(200);
      expect(scripts.includes(json), f.name).toBe(false);
    }
  });
});

it('no other compiled policy is shipped (a stale or duplicate file would mean a second copy loaded)', () => {
  const expected = new Set([...compiledFiles('slim'), ...compiledFiles('full')].map((f) => f.name));
  expect(shipped.filter(compiledName).sort()).toEqual([...expected].sort());
});

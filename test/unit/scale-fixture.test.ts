import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { payerName } from '../../src/lib/compare/words.ts';
import { decide } from '../../src/lib/criteria/decide.ts';
import { importCompiled, loadModel, policyFiles } from '../../src/lib/criteria/load.ts';
import { copyPolicy, payerIdOf, scaledPolicies } from '../../src/lib/scale/copies.ts';
import { writeScaleFixture } from '../../src/lib/scale/build-site.ts';
import { buildProcess } from '../../src/lib/scale/build-process.ts';

const copyOf = (name: string) => name.replace(/^([^(]*?)( \(|$)/, '$1 copy 2$2');
const originals = policyFiles().map((p) => ({ name: p.split('/').pop()!, text: readFileSync(p, 'utf8') }));

describe('scale fixture (issue #18)', () => {
  it('makes N distinct payers, originals first, then copies of every policy in turn', () => {
    const twelve = scaledPolicies(originals, 12);
    const ids = twelve.map((p) => payerIdOf(p.text));
    expect(new Set(ids).size).toBe(12);
    expect(ids.slice(0, 5)).toEqual(['cigna', 'cohere', 'excellus', 'kaiser-wa', 'regence']);
    expect(ids.slice(5)).toEqual(['cigna-c1', 'cohere-c1', 'excellus-c1', 'kaiser-wa-c1', 'regence-c1', 'cigna-c2', 'cohere-c2']);
    expect(twelve.map((p) => p.name)).toEqual(ids.map((id) => `${id}.mdx`));
    expect(scaledPolicies(originals, 3)).toHaveLength(3);
    expect(() => scaledPolicies(originals, 0)).toThrow(/expected a whole number ≥ 1/);
  });

  it('a copy is a valid policy that decides every example as the original does, under its own name', async () => {
    for (const source of originals) {
      const copy = copyPolicy(source.text, 2);
      const original = loadModel(`/virtual/${source.name}`, source.text).model!;
      const loaded = loadModel(`/virtual/${copy.payer}.mdx`, copy.text);
      expect(loaded.messages.filter((m) => m.severity === 'error')).toEqual([]);
      const model = loaded.model!;
      expect(model.payer).toBe(`${original.payer}-c2`);
      expect(model.meta.payerName).toBe(copyOf(original.meta.payerName));
      expect(payerName(model)).toBe(`${payerName(original)} copy 2`);
      const [a, b] = await Promise.all([importCompiled(original), importCompiled(model)]);
      for (const example of original.examples) {
        // Everything but the payer's own id is the same.
        const strip = ({ payer: _, policy: { id: __, ...policy }, ...rest }: ReturnType<typeof decide>) => ({ ...rest, policy });
        expect(strip(decide(b, example.case))).toEqual(strip(decide(a, example.case)));
      }
    }
  });

  it('writes the fixture as files named by payer id', () => {
    const out = mkdtempSync(join(tmpdir(), 'scale-fixture-'));
    try {
      const dir = writeScaleFixture(7, out);
      expect(readdirSync(dir).sort()).toEqual(['cigna-c1.mdx', 'cigna.mdx', 'cohere-c1.mdx', 'cohere.mdx', 'excellus.mdx', 'kaiser-wa.mdx', 'regence.mdx']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the build process settings (issue #18: 50 payers within 1 GB)', () => {
  it('caps the heap at 1 GB up to 51 payers, then 20 MB per payer, never below what the site needs', () => {
    const limit = (n: number) => Number(buildProcess(n, {}).execArgv.find((a) => a.startsWith('--max-old-space-size='))!.split('=')[1]);
    expect(limit(5)).toBe(1024);
    expect(limit(50)).toBe(1024);
    expect(limit(200)).toBe(4000);
    // Live heap measured at about 130 MB plus 3 MB per payer: the limit stays at least three times that.
    for (const n of [5, 50, 100, 500]) expect(limit(n)).toBeGreaterThanOrEqual(3 * (130 + 3 * n));
  });

  it('starts Rolldown with one thread of each kind unless the environment says otherwise', () => {
    expect(buildProcess(5, {}).env).toMatchObject({ ROLLDOWN_WORKER_THREADS: '1', ROLLDOWN_MAX_BLOCKING_THREADS: '1', MALLOC_ARENA_MAX: '2' });
    const env = buildProcess(5, { ROLLDOWN_WORKER_THREADS: '8', PATH: '/bin' }).env;
    expect(env.ROLLDOWN_WORKER_THREADS).toBe('8');
    expect(env.PATH).toBe('/bin');
  });
});

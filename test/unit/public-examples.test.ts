/**
 * The outcomes authors wrote down: every public case (../shared/cases) for every payer it names, and every
 * ```example block in every policy, each as its own test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseSchema } from '../../src/lib/criteria/case-schema.ts';
import type { CompiledPolicy } from '../../src/lib/criteria/compile.ts';
import { decide } from '../../src/lib/criteria/decide.ts';
import { runExample } from '../../src/lib/criteria/examples.ts';
import { importCompiled, loadModels } from '../../src/lib/criteria/load.ts';
import { readPublicExamples } from '../../src/lib/criteria/public-cases-fs.ts';

const SHARED = join(process.cwd(), '../shared/cases');
const shared = existsSync(SHARED)
  ? readdirSync(SHARED).filter((f) => f.endsWith('.json')).sort().map((f) => ({ name: f.replace(/\.json$/, ''), ...JSON.parse(readFileSync(join(SHARED, f), 'utf8')) }))
  : [];
type Expected = { decision: string; category?: string; missing?: string[] };

const { models } = loadModels();
const compiled = new Map<string, CompiledPolicy>();
beforeAll(async () => {
  for (const m of models) compiled.set(m.payer, await importCompiled(m));
});
function policyOf(payer: string): CompiledPolicy {
  const p = compiled.get(payer);
  if (!p) throw new Error(`no policy for payer \`${payer}\` (have: ${[...compiled.keys()].join(', ')})`);
  return p;
}

/** Objects merge key by key; lists and scalars replace (docs/block-format.md, examples). */
function merge(base: unknown, patch: unknown): unknown {
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(patch) || !isObject(base)) return patch;
  return Object.fromEntries([...new Set([...Object.keys(base), ...Object.keys(patch)])]
    .map((k) => [k, k in patch ? merge(base[k], patch[k]) : base[k]]));
}

describe('public cases (../shared/cases)', () => {
  it('exist', () => expect(shared.length, `no cases found in ${SHARED}`).toBeGreaterThan(0));
  for (const ex of shared) {
    for (const [payer, want] of Object.entries(ex.expected as Record<string, Expected>)) {
      it(`${ex.name} › ${payer}`, () => {
        const r = decide(policyOf(payer), caseSchema.parse(ex.case));
        expect(r.decision).toBe(want.decision);
        if (want.category) expect(r.category).toBe(want.category);
        for (const m of want.missing ?? []) expect(JSON.stringify(r.missing)).toContain(m);
      });
    }
  }
});

describe('policy examples', () => {
  const publicExamples = readPublicExamples();
  for (const model of models) {
    for (const example of model.examples) {
      it(`${model.payer} › ${example.name} (${example.clause})`, () => {
        const base = example.base ? publicExamples.find((e) => e.name === example.base)?.case : {};
        expect(base, `unknown base \`${example.base}\``).toBeDefined();
        const c = caseSchema.parse(merge(base, example.case));
        const r = decide(policyOf(model.payer), c);
        expect(r.decision).toBe(example.expect.decision);
        if (example.expect.category) expect(r.category).toBe(example.expect.category);
        for (const m of example.expect.missing ?? []) {
          expect(r.missing.some((x) => x === m || x.startsWith(`${m}.`)), `missing ${JSON.stringify(r.missing)} should name ${m}`).toBe(true);
        }
        // `npm run check` runs the same example through examples.ts: it must agree.
        expect(runExample(policyOf(model.payer), example, publicExamples).pass).toBe(true);
      });
    }
  }
});

/**
 * The compiled evaluators against the reference interpreter, on generated (mostly partial) cases, for every
 * real policy: the full trace agrees node by node, and the short-circuiting `blocks()` agrees with the
 * trace at each block's root.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseSchema } from '../../src/lib/criteria/case-schema.ts';
import { interpret } from '../../src/lib/criteria/interpret.ts';
import { importCompiled, loadModels, policyFiles } from '../../src/lib/criteria/load.ts';
import { TRUTH_NAMES } from '../../src/lib/criteria/kleene.ts';
import { parseMdx } from '../../src/lib/criteria/parse.ts';
import { validate } from '../../src/lib/criteria/validate.ts';
import { partialCase } from '../fixtures/case-arbitrary.ts';
import { policyMdx } from '../fixtures/inline-policy.ts';
import { seedCases } from '../fixtures/seeds.ts';

const RUNS = 2000;
const { models, messages } = loadModels();
const cases = partialCase(models, seedCases(models));

it('every policy file is valid (else the properties below would skip it)', () => {
  expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
  expect(models.length).toBe(policyFiles().length);
});

it('generated cases are valid cases', () => {
  fc.assert(fc.property(cases, (c) => caseSchema.safeParse(c).success), { seed: 1, numRuns: 500 });
});

describe.each(models)('$payer', (model) => {
  it(`trace(c) equals interpret(model, c) on every node (${RUNS} cases)`, async () => {
    const compiled = await importCompiled(model);
    fc.assert(fc.property(cases, (c) => {
      const want = interpret(model, c);
      const got = compiled.trace(c);
      const differ = model.nodes.filter((n) => got[n.index] !== want[n.index]);
      expect(differ.map((n) => `${n.id}: ${TRUTH_NAMES[got[n.index]!]}, interpreted ${TRUTH_NAMES[want[n.index]!]}`)).toEqual([]);
    }), { seed: 20260101, numRuns: RUNS });
  });

  it(`blocks(c)[i] equals the trace at block i's root (${RUNS} cases)`, async () => {
    const compiled = await importCompiled(model);
    const seen = model.blocks.map(() => new Set<number>());
    fc.assert(fc.property(cases, (c) => {
      const trace = compiled.trace(c);
      const roots = model.blocks.map((b) => trace[b.root]!);
      expect(Array.from(compiled.blocks(c))).toEqual(roots);
      roots.forEach((v, i) => seen[i]!.add(v));
    }), { seed: 20260102, numRuns: RUNS });
    // Guards the generator: a property that never saw a block met (or not met) would prove little.
    const starved = model.blocks.filter((_, i) => seen[i]!.size < 3).map((b) => b.id);
    expect(starved, 'blocks the generated cases never drove to all of met, not met and unknown').toEqual([]);
  });
});

it('a therapies node listing a kind twice is refused, or evaluated alike by both', async () => {
  const tree = 'tree:\n  id: care\n  kind: therapies\n  label: Two kinds failed\n  kinds: [orthosis, orthosis]\n  outcome: failed\n  atLeast: 2';
  const { model } = validate(parseMdx('inline.mdx', policyMdx([`id: ind\nrole: indication\ntitle: Care\nsource: "I"\n${tree}`])));
  if (!model) return; // refused: fine
  const c = { conservativeCare: { therapies: [{ kind: 'orthosis', outcome: 'failed' }] } };
  expect(Array.from((await importCompiled(model)).trace(c))).toEqual(Array.from(interpret(model, c)));
});

/**
 * Unknown is never false, so learning a fact can settle an unknown but never overturn what was known: for
 * every real policy, fill in one more fact of a generated partial case and check that a decided outcome
 * (anything but needs-information) keeps its decision and category, and a met / not-met node stays so.
 * A denial whose category is still open (docs/block-format.md) may gain a category: that refines it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/lib/criteria/decide.ts';
import { U } from '../../src/lib/criteria/kleene.ts';
import { importCompiled, loadModels } from '../../src/lib/criteria/load.ts';
import { fullAndPresence, toCase, type Assignment } from '../fixtures/case-arbitrary.ts';
import { seedCases } from '../fixtures/seeds.ts';

const RUNS = 2000;
const { models } = loadModels();

/** A partial case, the fact added to it, and the fuller case. */
const steps = fc.tuple(fullAndPresence(models, seedCases(models)), fc.nat()).map(([{ full, presence }, pick]) => {
  const absent = Object.keys(full).filter((path) => !presence[path]);
  const kept: Assignment = Object.fromEntries(Object.entries(full).filter(([path]) => presence[path]));
  const added = absent.length ? absent[pick % absent.length]! : null;
  return {
    partial: toCase(kept),
    added: added && `${added} = ${JSON.stringify(full[added])}`,
    fuller: added === null ? null : toCase({ ...kept, [added]: full[added] }),
  };
});

const show = (r: { decision: string; category?: string | undefined }) => (r.category ? `${r.decision} (${r.category})` : r.decision);

describe.each(models)('$payer', (model) => {
  it(`a met or not-met node stays so when a fact is added (${RUNS} cases)`, async () => {
    const policy = await importCompiled(model);
    fc.assert(fc.property(steps, ({ partial, fuller }) => {
      if (!fuller) return;
      const before = policy.trace(partial);
      const after = policy.trace(fuller);
      const flipped = model.nodes.filter((n) => before[n.index] !== U && after[n.index] !== before[n.index]).map((n) => n.id);
      expect(flipped).toEqual([]);
    }), { seed: 7, numRuns: RUNS });
  });

  it(`a decided outcome keeps its decision and category when a fact is added (${RUNS} cases)`, async () => {
    const policy = await importCompiled(model);
    fc.assert(fc.property(steps, ({ partial, added, fuller }) => {
      if (!fuller) return;
      const before = decide(policy, partial, { explain: false });
      if (before.decision === 'needs-information') return;
      const after = decide(policy, fuller, { explain: false });
      const refined = before.decision === 'deny' && before.category === undefined ? { ...after, category: undefined } : after;
      expect(show(refined), `adding ${added} turned "${show(before)}" into "${show(after)}"`).toBe(show(before));
    }), { seed: 8, numRuns: RUNS });
  }, 300_000); // partial cases run the exact search (decide.ts → exact.ts): seconds on a busy machine
});

/**
 * The pair analysis on demand (issue #18): a policy and its copy (same criteria, another payer) agree
 * everywhere, so no difference at all; a real pair still finds its known differences, each example splitting
 * the pair as stated.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledPolicy } from '../../src/lib/criteria/compile.ts';
import { decide } from '../../src/lib/criteria/decide.ts';
import { importCompiled, loadCompiled, loadModel, policyFiles } from '../../src/lib/criteria/load.ts';
import { caseFromHash } from '../../src/lib/criteria/permalink.ts';
import { readPublicExamples } from '../../src/lib/criteria/public-cases-fs.ts';
import { outcomeKey } from '../../src/lib/explore/outcome.ts';
import { analysePair } from '../../src/lib/explore/pair.ts';
import { copyPolicy } from '../../src/lib/scale/copies.ts';

const TIMEOUT = 180_000;
let real: CompiledPolicy[];
const policy = (id: string) => real.find((p) => p.model.payer === id)!;

beforeAll(async () => {
  real = (await loadCompiled()).policies;
}, TIMEOUT);

describe('analysePair', () => {
  it('a policy and its copy agree everywhere: not one case decided differently', async () => {
    for (const file of policyFiles()) {
      const copy = copyPolicy(readFileSync(file, 'utf8'), 1);
      const compiled = await importCompiled(loadModel(`/virtual/${copy.payer}.mdx`, copy.text).model!);
      const original = policy(compiled.model.payer.replace(/-c1$/, ''));
      const result = analysePair(original, compiled, readPublicExamples());
      expect(result.pair).toEqual([original.model.payer, copy.payer]);
      expect(result.size.casesEvaluated, copy.payer).toBeGreaterThan(1000);
      expect(result.themes, copy.payer).toBe(0);
      expect(result.items, copy.payer).toEqual([]);
    }
  }, TIMEOUT);

  it('a real pair finds its known differences, each example splitting the pair as stated', () => {
    const result = analysePair(policy('cigna'), policy('cohere'), readPublicExamples());
    expect(result.names).toEqual([policy('cigna').model.meta.payerName, policy('cohere').model.meta.payerName]);
    expect(result.items.length).toBeGreaterThan(5);
    expect(result.items.length).toBeLessThanOrEqual(25);
    const topics = result.items.map((d) => d.topic);
    for (const known of ['treated levels', 'number of levels', 'pain severity and course', 'date and version']) expect(topics).toContain(known);
    for (const d of result.items) {
      expect(d.pair).toEqual(['cigna', 'cohere']);
      expect(d.witnesses.length, d.title).toBeGreaterThan(0);
      const decoded = caseFromHash(d.example.permalink.slice(d.example.permalink.indexOf('#')));
      if (!decoded?.ok) throw new Error(`${d.title}: the example's permalink does not decode`);
      const outcomes = [policy('cigna'), policy('cohere')].map((p) => outcomeKey(decide(p, decoded.case)));
      expect(outcomes, d.title).toEqual(d.example.outcomes);
      expect(outcomes[0]).not.toBe(outcomes[1]);
    }
  }, TIMEOUT);

  it('refuses a payer paired with itself', () => {
    expect(() => analysePair(policy('cigna'), policy('cigna'), [])).toThrow(/expected two different payers/);
  });
});

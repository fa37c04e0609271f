/**
 * One pair of payers on its own (issue #18): the analysis of two compiled policies, from the public examples and
 * the two payers' own examples, never the other payers'. Being pure over the pair, the site computes it on demand
 * (in the browser, /disagreements/pair/), the CLI for `--pair`, and the build does no pairwise work at all.
 */
import type { CompiledPolicy } from '../criteria/compile.ts';
import type { PublicExample } from '../criteria/examples.ts';
import { analyse, DEFAULT_SEED } from './analyse.ts';
import { defaultAnchors } from './anchors.ts';
import { pairDifferenceItems, type DifferenceItem } from './difference-view.ts';
import type { Analysis } from './types.ts';

export type PairAnalysis = {
  pair: [string, string];
  names: [string, string];
  seed: number;
  size: Analysis['size'];
  /** Cases found where the two decide differently, grouped below into the named differences. */
  themes: number;
  /** The named differences, the most serious first, each with the cases behind it. */
  items: DifferenceItem[];
};

export function analysePair(a: CompiledPolicy, b: CompiledPolicy, publicExamples: readonly PublicExample[], seed = DEFAULT_SEED): PairAnalysis {
  if (a.model.payer === b.model.payer) throw new Error(`Unexpected pair \`${a.model.payer}\` × \`${b.model.payer}\`, expected two different payers`);
  const policies = [a, b];
  const analysis = analyse(policies, { anchors: defaultAnchors(publicExamples, policies), seed });
  const pair: [string, string] = [a.model.payer, b.model.payer];
  return {
    pair,
    names: [a.model.meta.payerName, b.model.meta.payerName],
    seed,
    size: analysis.size,
    themes: analysis.witnesses.length,
    items: pairDifferenceItems(analysis, ...pair),
  };
}

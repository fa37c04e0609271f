/**
 * The disagreement analysis: pure over compiled policies and anchor cases, so the page (at build, from
 * POLICIES), the CLI and the tests run the same code. Nothing is cached between runs.
 */
import type { CompiledPolicy } from '../criteria/compile.ts';
import { dimensions } from './dimensions.ts';
import { evaluator } from './evaluator.ts';
import { rng } from './prng.ts';
import { selector } from './select.ts';
import { pairDifferences } from './differences.ts';
import { landscape, matrix, typicalAnchors } from './summaries.ts';
import { generate, sweep, type SweepTable } from './sweep.ts';
import { asksForMore } from './unknowns.ts';
import type { Analysis, Anchor } from './types.ts';

export type AnalyseOptions = {
  anchors: readonly Anchor[];
  /** Seed of the generated cases (same seed, same page). */
  seed?: number;
  /** Generated multi-field cases per anchor. */
  generatedPerAnchor?: number;
};

export const DEFAULT_SEED = 7;

export function analyse(policies: readonly CompiledPolicy[], options: AnalyseOptions): Analysis {
  const { anchors, seed = DEFAULT_SEED, generatedPerAnchor = 60 } = options;
  const payers = policies.map((p) => p.model.payer);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < payers.length; i++) for (let j = i + 1; j < payers.length; j++) pairs.push([i, j]);
  const dims = dimensions(policies.map((p) => p.model));
  const ev = evaluator(policies);
  const select = selector(policies, anchors, pairs);
  const random = rng(seed);

  const bases = anchors.map((a) => ev.all(a.case));
  const typical = typicalAnchors(anchors, bases);
  const tables = new Map<number, SweepTable>();
  let sweepCases = 0;
  let generatedCases = 0;
  anchors.forEach((a, ai) => {
    const run = { anchor: a.case, base: bases[ai]!, pairs, ev, onCandidate: (c: Parameters<typeof select.consider>[1]) => select.consider(ai, c) };
    const { table, cases } = sweep(run, dims, typical.includes(ai));
    sweepCases += cases + asksForMore(run, dims);
    if (typical.includes(ai)) tables.set(ai, table);
    generatedCases += generate(run, dims, random, generatedPerAnchor);
  });

  const witnesses = select.witnesses();
  const differences = pairs.flatMap(([i, j]) => pairDifferences(policies[i]!, policies[j]!, witnesses, anchors));
  const typicalTables = typical.map((i) => ({ anchor: anchors[i]!, table: tables.get(i)! }));

  return {
    payers: policies.map((p) => ({ id: p.model.payer, name: p.model.meta.payerName })),
    seed,
    size: {
      anchors: anchors.length,
      dimensions: dims.length,
      sweepCases,
      generatedCases,
      evaluations: ev.counts.evaluations,
      casesEvaluated: ev.counts.cases,
      witnessesConsidered: select.considered(),
    },
    matrix: matrix(payers, witnesses, differences),
    ...landscape(dims, payers, typicalTables),
    differences,
    witnesses,
  };
}


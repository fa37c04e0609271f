/**
 * The disagreement explorer (issue #18): what the build runs (the per-payer overview of /disagreements/), what the
 * browser runs on demand (one pair's analysis, the median of three), and the analysis of every pair at once
 * (`npm run disagreements -- --json`, no longer run by the build), with its size.
 */
import { loadCompiled } from '../src/lib/criteria/load.ts';
import { readPublicExamples } from '../src/lib/criteria/public-cases-fs.ts';
import { analyse } from '../src/lib/explore/analyse.ts';
import { defaultAnchors } from '../src/lib/explore/anchors.ts';
import { overview } from '../src/lib/explore/overview.ts';
import { analysePair } from '../src/lib/explore/pair.ts';
import { median } from './timing.ts';

const timed = <T>(f: () => T): { ms: number; value: T } => {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
};

export default async function explore() {
  const { policies } = await loadCompiled();
  const examples = readPublicExamples();
  const anchors = defaultAnchors(examples, policies);
  const atBuild = timed(() => overview(policies, anchors));
  const [a, b] = policies as [typeof policies[number], typeof policies[number]];
  const pair = [0, 1, 2].map(() => timed(() => analysePair(a, b, examples)));
  const all = timed(() => analyse(policies, { anchors }));
  const { size, witnesses, differences } = all.value;
  return {
    'policies': policies.length,
    'anchors': size.anchors,
    'dimensions swept': size.dimensions,
    'at build: overview (boundaries, charts), first run, ms': Math.round(atBuild.ms),
    'at build: overview cases evaluated': atBuild.value.size.casesEvaluated,
    [`on demand: one pair (${a.model.payer} × ${b.model.payer}), median of 3, ms`]: Math.round(median(pair.map((p) => p.ms))),
    'on demand: one pair, cases evaluated': pair[0]!.value.size.casesEvaluated,
    'every pair at once (CLI), ms': Math.round(all.ms),
    'every pair: cases evaluated (sweeps + generated)': size.casesEvaluated,
    'every pair: payer decisions (incl. minimization)': size.evaluations,
    'every pair: witness candidates explained': size.witnessesConsidered,
    'every pair: themes (witnesses kept)': witnesses.length,
    'every pair: named differences (at most 25 a pair)': differences.length,
  };
}

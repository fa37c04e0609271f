/**
 * The disagreement analysis for all policies, as the build runs it (issue 7 budget: ≤ 10 s). The first run is
 * the one a build pays (cold: the JIT has not seen the evaluators); the median of the next runs is the warm
 * figure. Its size is reported with it.
 */
import { loadCompiled } from '../src/lib/criteria/load.ts';
import { readPublicExamples } from '../src/lib/criteria/public-cases-fs.ts';
import { analyse } from '../src/lib/explore/analyse.ts';
import { defaultAnchors } from '../src/lib/explore/anchors.ts';
import { median } from './timing.ts';

export default async function explore() {
  const { policies } = await loadCompiled();
  const anchors = defaultAnchors(readPublicExamples(), policies);
  const time = () => {
    const t0 = performance.now();
    const analysis = analyse(policies, { anchors });
    return { ms: performance.now() - t0, analysis };
  };
  const cold = time();
  const warm = median([time().ms, time().ms, time().ms]);
  const { size, witnesses, differences } = cold.analysis;
  return {
    'policies': policies.length,
    'anchors': size.anchors,
    'dimensions swept': size.dimensions,
    'cases evaluated (sweeps + generated)': size.casesEvaluated,
    'of which one-at-a-time sweep cases': size.sweepCases,
    'of which generated multi-field cases': size.generatedCases,
    'payer decisions (incl. minimization)': size.evaluations,
    'witness candidates explained': size.witnessesConsidered,
    'themes (witnesses kept)': witnesses.length,
    'named differences (all pairs; at most 25 a pair)': differences.length,
    'whole analysis, first run (as at build), ms': Math.round(cold.ms),
    'whole analysis, warm median of 3, ms': Math.round(warm),
    'budget (issue 7)': `≤ 10 s at build: ${cold.ms <= 10_000 ? 'met' : 'NOT met'}`,
  };
}

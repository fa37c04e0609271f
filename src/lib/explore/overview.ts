/**
 * The overview of /disagreements/ at build, linear in the payer count (issue #18): every payer's outcomes on the
 * anchors and, around the typical ones, along every dimension, for the boundaries in words and the strip
 * charts. No pair is looked at here: the named differences of a pair are computed on demand (pair.ts).
 */
import type { CompiledPolicy } from '../criteria/compile.ts';
import { dimensions } from './dimensions.ts';
import { evaluator } from './evaluator.ts';
import { landscape, typicalAnchors } from './summaries.ts';
import { sweep } from './sweep.ts';
import type { Anchor, Boundary, Strip } from './types.ts';

export type Overview = {
  payers: Array<{ id: string; name: string }>;
  size: { anchors: number; dimensions: number; casesEvaluated: number; evaluations: number };
  boundaries: Boundary[];
  strips: Strip[];
};

export function overview(policies: readonly CompiledPolicy[], anchors: readonly Anchor[]): Overview {
  const payers = policies.map((p) => p.model.payer);
  const dims = dimensions(policies.map((p) => p.model));
  const ev = evaluator(policies);
  const bases = anchors.map((a) => ev.all(a.case));
  const typical = typicalAnchors(anchors, bases).map((i) => {
    // No pairs: the sweep records every payer's row and reports no candidate.
    const { table } = sweep({ anchor: anchors[i]!.case, base: bases[i]!, pairs: [], ev, onCandidate: () => {} }, dims, true);
    return { anchor: anchors[i]!, table };
  });
  return {
    payers: policies.map((p) => ({ id: p.model.payer, name: p.model.meta.payerName })),
    size: { anchors: anchors.length, dimensions: dims.length, casesEvaluated: ev.counts.cases, evaluations: ev.counts.evaluations },
    ...landscape(dims, payers, typical),
  };
}

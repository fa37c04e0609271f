/** The sweeps' view of the payers: outcome keys on the fast path (no explanations), with a count of work done. */
import type { Case } from '../criteria/case-schema.ts';
import type { CompiledPolicy } from '../criteria/compile.ts';
import { decide } from '../criteria/decide.ts';
import { outcomeKey, type OutcomeKey } from './outcome.ts';

export type Evaluator = {
  policies: readonly CompiledPolicy[];
  /** Every payer's outcome, in policy order. */
  all(c: Case): OutcomeKey[];
  one(p: number, c: Case): OutcomeKey;
  /** Cases evaluated (by any number of payers) and single-payer evaluations. */
  counts: { cases: number; evaluations: number };
};

export function evaluator(policies: readonly CompiledPolicy[]): Evaluator {
  const counts = { cases: 0, evaluations: 0 };
  const one = (p: number, c: Case) => {
    counts.evaluations++;
    return outcomeKey(decide(policies[p]!, c, { explain: false }));
  };
  return {
    policies,
    counts,
    one,
    all(c) {
      counts.cases++;
      const out: OutcomeKey[] = [];
      for (let p = 0; p < policies.length; p++) out.push(one(p, c));
      return out;
    },
  };
}

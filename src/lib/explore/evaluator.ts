/**
 * The sweeps' view of the payers: outcome keys on the fast path (no explanations), with a count of work done.
 * A variant only re-decides the payers whose criteria read a changed fact: a policy that reads none of them
 * decides exactly as on the anchor (the date of service, which picks the version, is read by every policy).
 */
import type { Case } from '../criteria/case-schema.ts';
import type { CompiledPolicy } from '../criteria/compile.ts';
import { decide } from '../criteria/decide.ts';
import { outcomeKey, type OutcomeKey } from './outcome.ts';

export type Evaluator = {
  policies: readonly CompiledPolicy[];
  /** Every payer's outcome, in policy order. */
  all(c: Case): OutcomeKey[];
  /** Every payer's outcome on a variant of a case whose outcomes are `base`, where only facts in `paths` changed. */
  variant(c: Case, base: readonly OutcomeKey[], paths: Iterable<string>): OutcomeKey[];
  one(p: number, c: Case): OutcomeKey;
  /** Whether payer `p` reads any of `paths` (else its outcome cannot have moved). */
  reads(p: number, paths: Iterable<string>): boolean;
  /** Cases evaluated (by any number of payers) and single-payer decisions made. */
  counts: { cases: number; evaluations: number };
};

export function evaluator(policies: readonly CompiledPolicy[]): Evaluator {
  const counts = { cases: 0, evaluations: 0 };
  const read = policies.map((p) => new Set(['dateOfService', ...p.model.nodes.flatMap((n) => n.reads)]));
  const reads = (p: number, paths: Iterable<string>) => {
    for (const path of paths) if (read[p]!.has(path)) return true;
    return false;
  };
  const one = (p: number, c: Case) => {
    counts.evaluations++;
    return outcomeKey(decide(policies[p]!, c, { explain: false }));
  };
  return {
    policies,
    counts,
    one,
    reads,
    all(c) {
      counts.cases++;
      return policies.map((_, p) => one(p, c));
    },
    variant(c, base, paths) {
      counts.cases++;
      return policies.map((_, p) => (reads(p, paths) ? one(p, c) : base[p]!));
    },
  };
}

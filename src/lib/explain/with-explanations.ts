/**
 * Results as the CLI prints them: each of decide()'s results with the explanation added (README, "Result
 * fields added by the explanation"): `why`, `nearest`, `askNext`. The fields decide() gives keep their meaning.
 */
import type { CompiledPolicy } from '../criteria/compile.ts';
import type { Result } from '../criteria/result.ts';
import { answerBasis, type Answers } from './answers.ts';
import type { Deciding } from './ask-next.ts';
import { explainComparison } from './explain-comparison.ts';
import type { Nearest } from './nearest.ts';

export type ExplainedResult = Result & {
  /** One sentence of why, in the form's and the policy's words, citing the section. */
  why: string;
  /** The indication pathway nearest to being met, with what it lacks; null when none applies. */
  nearest: Nearest | null;
  /** For an open result, answers that would decide it and the decision they give ([] answers: decided; null: more than five needed). */
  askNext: Deciding | null;
};

const bases = new WeakMap<readonly CompiledPolicy[], Answers>();

export function withExplanations(policies: readonly CompiledPolicy[], c: unknown, results: readonly Result[]): ExplainedResult[] {
  let basis = bases.get(policies);
  if (!basis) bases.set(policies, (basis = answerBasis(policies.map((p) => p.model))));
  const e = explainComparison(policies, c, results, basis);
  return results.map((r, i) => ({
    ...r,
    why: e.explanations[i]!.why,
    nearest: e.explanations[i]!.nearest,
    askNext: r.decision === 'needs-information' ? e.ask?.perPayer[r.payer] ?? null : { answers: [], decision: r.decision },
  }));
}

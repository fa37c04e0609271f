/** One case, every payer: the results (from the compiled evaluators) and where they disagree. */
import type { Case } from '../criteria/case-schema.ts';
import type { CompiledPolicy } from '../criteria/compile.ts';
import { decide } from '../criteria/decide.ts';
import type { Result } from '../criteria/result.ts';
import { disagreement, type Disagreement } from './disagreement.ts';

export type Comparison = { case: Case; results: Result[]; disagreement: Disagreement };

export function compareCase(policies: readonly CompiledPolicy[], c: Case, options: { trace?: boolean } = {}): Comparison {
  const results = policies.map((p) => decide(p, c, { trace: options.trace ?? true }));
  return { case: c, results, disagreement: disagreement(policies, c, results) };
}

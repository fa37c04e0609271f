/**
 * Everything the explanation adds to one comparison: each payer's why (with the answers that would decide it,
 * once ask-next has run), ask next across payers, and what the disagreement panel says about open results.
 * Ask next is the slow part (hundreds of decide() calls), so the page computes it after showing the rest.
 */
import type { CompiledPolicy } from '../criteria/compile.ts';
import type { Result } from '../criteria/result.ts';
import { payerName } from '../compare/words.ts';
import type { Answers } from './answers.ts';
import { askNext, type AskNext } from './ask-next.ts';
import { speech } from './speech.ts';
import { explain, type Explanation } from './why.ts';

export type Explained = { explanations: Explanation[]; ask: AskNext | null; speech: string[] };

/** `basis`: candidate answers (answerBasis); without it, ask next is left out (the quick first pass). */
export function explainComparison(policies: readonly CompiledPolicy[], c: unknown, results: readonly Result[], basis?: Answers): Explained {
  const ask = basis ? askNext(policies, c, results, basis) : null;
  const explanations = results.map((r, i) => explain(policies[i]!, c, r, ask?.perPayer[r.payer]));
  const speakers = results.map((result, i) => ({ name: payerName(policies[i]!.model), result, explanation: explanations[i]! }));
  return { explanations, ask, speech: speech(speakers, ask) };
}

/**
 * Ask next: which unknown fields to answer to decide the payers still open, and how. For each open payer,
 * a few answers (found greedily by trying candidate answers, answers.ts, through decide() as a black box) that
 * give it a decision; then the answers that decide the most payers within a handful of questions.
 *
 * An answer that fires an exclusion or takes the case out of a policy's scope, at any payer, is not suggested
 * ("Osteomyelitis: yes", "Purpose: prophylaxis for fusion"): almost any payer can be ended that way, and the
 * usual answer would settle nothing. What remains says what each payer's decision actually turns on.
 */
import type { CompiledPolicy } from '../criteria/compile.ts';
import { decide } from '../criteria/decide.ts';
import { F, T } from '../criteria/kleene.ts';
import type { Result } from '../criteria/result.ts';
import { answerLabel, candidates, withAnswer, type Answers } from './answers.ts';

/** At most this many questions are suggested, for one payer or for all. */
export const HANDFUL = 5;

/** An answer to a field; `words`, when given, say it better than the value (a number stands for its interval). */
export type Answer = { field: string; value: unknown; words?: string | undefined };
/** Answers that decide a payer, and the decision they give. */
export type Deciding = { answers: Answer[]; decision: Result['decision'] };
const isOpen = (r: Result) => r.decision === 'needs-information';

/** Whether an answer fires an exclusion, or takes the case out of scope, at some payer (memoized per answer). */
function endsSomewhere(policies: readonly CompiledPolicy[], c: unknown): (a: Answer) => boolean {
  const memo = new Map<string, boolean>();
  const before = policies.map((p) => p.blocks(c));
  const ends = (p: CompiledPolicy, values: ArrayLike<number>, was: ArrayLike<number>) =>
    p.model.blocks.some((b) => (b.role === 'exclusion' && values[b.index] === T && was[b.index] !== T) || (b.role === 'scope' && values[b.index] === F && was[b.index] !== F));
  return (a) => {
    const key = `${a.field}=${JSON.stringify(a.value)}`;
    let v = memo.get(key);
    if (v === undefined) {
      const q = withAnswer(c, a.field, a.value);
      memo.set(key, (v = policies.some((p, i) => ends(p, p.blocks(q), before[i]!))));
    }
    return v;
  };
}

/** Applies answers to a case. */
export function withAnswers(c: unknown, answers: readonly Answer[]): unknown {
  return answers.reduce((x, a) => withAnswer(x, a.field, a.value), c);
}

/**
 * A few answers (at most HANDFUL) that decide this payer: each step adds the answer that decides it, else the
 * one that leaves the fewest facts missing; `skip` leaves out answers not to suggest. No answers when already
 * decided; null when no handful of answers does.
 */
export function answersToDecide(policy: CompiledPolicy, c: unknown, basis: Answers, result = decide(policy, c, { explain: false }), skip: (a: Answer) => boolean = () => false): Deciding | null {
  if (!isOpen(result)) return { answers: [], decision: result.decision };
  const chosen: Answer[] = [];
  let at = c;
  let missing = result.missing;
  while (chosen.length < HANDFUL) {
    let best: { answer: Answer; c: unknown; r: Result; score: number } | null = null;
    for (const field of missing) {
      for (const value of candidates(field, at, basis) ?? []) {
        if (skip({ field, value })) continue;
        const q = withAnswer(at, field, value);
        const r = decide(policy, q, { explain: false });
        const score = isOpen(r) ? r.missing.length : -1;
        if (!best || score < best.score) best = { answer: { field, value, words: answerLabel(field, value, basis) }, c: q, r, score };
      }
    }
    if (!best) return null;
    chosen.push(best.answer);
    if (best.score === -1) return { answers: chosen, decision: best.r.decision };
    at = best.c;
    missing = best.r.missing;
  }
  return null;
}

export type AskField = Answer & { payers: string[] };
export type AskNext = {
  /** Answers to ask for, those deciding the most payers first. */
  fields: AskField[];
  /** Payers these answers decide (checked through decide()). */
  decides: string[];
  /** Payers that need information. */
  open: string[];
  /** Per open payer: a few answers that decide it (null: more than a handful). */
  perPayer: Record<string, Deciding | null>;
};

/** Ask next for one case across payers; `results` are decide()'s results for the same case, in policy order. */
export function askNext(policies: readonly CompiledPolicy[], c: unknown, results: readonly Result[], basis: Answers): AskNext {
  const skip = endsSomewhere(policies, c);
  const perPayer = new Map<string, Deciding | null>();
  policies.forEach((p, i) => { if (isOpen(results[i]!)) perPayer.set(p.model.payer, answersToDecide(p, c, basis, results[i], skip)); });
  const open = [...perPayer.keys()];
  // Greedy cover: take the payer needing the fewest new answers, while the answers agree and stay a handful.
  const union: Answer[] = [];
  const taken = new Set<string>();
  for (;;) {
    let pick: { payer: string; add: Answer[] } | null = null;
    for (const [payer, d] of perPayer) {
      const set = d?.answers;
      if (!set || taken.has(payer)) continue;
      if (set.some((a) => union.some((u) => u.field === a.field && JSON.stringify(u.value) !== JSON.stringify(a.value)))) continue;
      const add = set.filter((a) => !union.some((u) => u.field === a.field));
      if (union.length + add.length <= HANDFUL && (!pick || add.length < pick.add.length)) pick = { payer, add };
    }
    if (!pick) break;
    union.push(...pick.add);
    taken.add(pick.payer);
  }
  // What the answers decide, checked rather than assumed; each answer credited to the payers whose set holds it.
  const answered = withAnswers(c, union);
  const decides = policies.filter((p) => perPayer.has(p.model.payer) && !isOpen(decide(p, answered, { explain: false }))).map((p) => p.model.payer);
  const fields = union.map((a) => ({ ...a, payers: decides.filter((p) => perPayer.get(p)?.answers.some((x) => x.field === a.field)) }));
  fields.sort((a, b) => b.payers.length - a.payers.length);
  return { fields, decides, open, perPayer: Object.fromEntries(perPayer) };
}

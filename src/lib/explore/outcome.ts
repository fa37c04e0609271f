/**
 * Outcomes as short keys (`approve`, `deny:investigational`), how two outcomes differ, and how bad that is.
 * Severity orders what a committee cares about first: a patient approved by one payer and denied by another
 * outranks a difference in the denial's wording, which outranks "one payer needs more information".
 */
import type { Result } from '../criteria/result.ts';
import { outcomeWords as renderOutcomeWords } from '../render/words.ts';

export type OutcomeKey = string;

export function outcomeKey(r: Pick<Result, 'decision' | 'category'>): OutcomeKey {
  return r.category ? `${r.decision}:${r.category}` : r.decision;
}

export const DIFFERENCE_KINDS = ['approve-deny', 'review', 'category', 'information', 'in-effect'] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

/** Higher is worse; the matrix colours a pair by its worst theme. */
export const SEVERITY: Record<DifferenceKind, number> = { 'approve-deny': 4, review: 3, category: 2, information: 1, 'in-effect': 1 };

export const DIFFERENCE_WORDS: Record<DifferenceKind, string> = {
  'approve-deny': 'approve vs deny',
  review: 'individual review vs a decision',
  category: 'different denial categories',
  information: 'asks for more (one side needs information)',
  'in-effect': 'not in effect (one side)',
};

const decisionOf = (k: OutcomeKey) => k.split(':')[0]!;

/** How two different outcomes differ (null when they are the same). */
export function differenceKind(a: OutcomeKey, b: OutcomeKey): DifferenceKind | null {
  if (a === b) return null;
  const x = decisionOf(a);
  const y = decisionOf(b);
  if (x === 'not-in-effect' || y === 'not-in-effect') return 'in-effect';
  if (x === 'needs-information' || y === 'needs-information') return 'information';
  if (x === 'individual-review' || y === 'individual-review') return 'review';
  if (x === 'deny' && y === 'deny') return 'category';
  return 'approve-deny';
}

/** "deny (investigational)" */
export function outcomeWords(k: OutcomeKey): string {
  const [decision, category] = k.split(':');
  return renderOutcomeWords(decision!, category);
}

/**
 * One character per outcome, so charts and tables read without colour. Denials carry their category:
 * D not medically necessary, I investigational, X not covered.
 */
const LETTERS: Record<string, string> = {
  approve: 'A', 'individual-review': 'R', 'needs-information': '?', 'not-in-effect': '–',
  'deny:not-medically-necessary': 'D', 'deny:investigational': 'I', 'deny:not-covered': 'X', deny: 'D',
};

export function outcomeLetter(k: OutcomeKey): string {
  return LETTERS[k] ?? '·';
}

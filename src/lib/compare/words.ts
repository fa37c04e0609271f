/** Small pieces of wording shared by the comparison's text, its export and the page. */
import type { Decision, DenyCategory } from '../criteria/block-schema.ts';
import type { PolicyModel } from '../criteria/model.ts';
import { humanize } from '../render/words.ts';

/** The payer's name without parenthetical notes: "Excellus BCBS / Univera (inferred)" → "Excellus BCBS / Univera". */
export function payerName(model: PolicyModel): string {
  return model.meta.payerName.replace(/\s*\([^)]*\)/g, '').trim() || model.payer;
}

/** "A", "A and B", "A, B and C". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const DECISION_LABEL: Record<Decision, string> = {
  approve: 'Approve',
  deny: 'Deny',
  'individual-review': 'Individual review',
  'needs-information': 'Needs information',
  'not-in-effect': 'Not in effect',
};

/** Short labels for the decisions strip, so it stays a thin band on a phone. */
export const DECISION_SHORT: Record<Decision, string> = {
  approve: 'Approve',
  deny: 'Deny',
  'individual-review': 'Review',
  'needs-information': 'Needs info',
  'not-in-effect': 'Not in effect',
};

/**
 * Decisions in the order the page lists them. (block-schema.ts has DECISIONS too, but importing a value from
 * it would bring its zod schemas into the page's script.)
 */
export const DECISION_ORDER = Object.keys(DECISION_LABEL) as Decision[];

/** The decision as a verb phrase, [one payer, several payers]. */
const VERB: Record<Decision, [string, string]> = {
  approve: ['approves', 'approve'],
  deny: ['denies', 'deny'],
  'individual-review': ['sends it to individual review', 'send it to individual review'],
  'needs-information': ['needs more information', 'need more information'],
  'not-in-effect': ['has no policy in effect on that date', 'have no policy in effect on that date'],
};

export function decisionVerb(decision: Decision, count: number): string {
  return VERB[decision][count === 1 ? 0 : 1];
}

export function categoryWords(category: DenyCategory | undefined): string {
  return category ? humanize(category) : '';
}

/** Link to a criterion on its policy page. */
export function nodeHref(payer: string, node: string): string {
  return `/policies/${encodeURIComponent(payer)}/#${encodeURIComponent(node)}`;
}

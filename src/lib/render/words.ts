/** Criteria in words: thresholds and conditions as a reader says them ("Pain at least 8/10"). */
import { behaviourOf, wordsOf } from '../criteria/kinds/registry.ts';
import { comparisonWords, humanize } from '../criteria/kinds/wording.ts';
import type { ModelNode } from '../criteria/model.ts';

export { comparisonWords, humanize };

/** "deny (investigational)", "approve", "needs information". */
export function outcomeWords(decision: string, category?: string | undefined): string {
  return category ? `${humanize(decision)} (${humanize(category)})` : humanize(decision);
}

/** The machine condition of a node, in words (its kind's wording); '' for combinators (their heading says it). */
export function conditionWords(node: ModelNode): string {
  return behaviourOf(node).leaf ? wordsOf(node) : '';
}

/** The combinator heading shown before a node's children. */
export function combinatorWords(node: ModelNode): string | null {
  return behaviourOf(node).leaf ? null : wordsOf(node);
}

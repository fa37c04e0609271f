/**
 * The topic a case field belongs to, for sentences such as "Payers split on conservative care". Until the
 * topics vocabulary (#13) lands this is the field's title, or its group's for a list of therapies; this is
 * the one place to switch to that vocabulary.
 */
import { FACTS_BY_PATH, groupTitle } from '../criteria/facts.ts';

export function topicOf(path: string): string {
  const fact = FACTS_BY_PATH.get(path.replace(/\[\d+\]\.\w+$/, ''));
  if (!fact) return 'the case';
  const title = fact.type === 'therapies' ? groupTitle(fact.segments.slice(0, -1).join('.')) : fact.title;
  // "Conservative care" → "conservative care"; an acronym or a unit stays as written.
  return /^[A-Z][a-z]/.test(title) ? title[0]!.toLowerCase() + title.slice(1) : title;
}

/**
 * The topic a case field belongs to, for sentences such as "Payers split on conservative care": the criteria
 * topics vocabulary (src/lib/criteria/topics.ts, on the case schema), its name in lower case.
 */
import { FACTS_BY_PATH } from '../criteria/facts.ts';
import { topicById } from '../criteria/topics.ts';

export function topicOf(path: string): string {
  const fact = FACTS_BY_PATH.get(path.replace(/\[.*$/, ''));
  if (!fact?.topic) return 'the case';
  return topicById(fact.topic).name.toLowerCase();
}

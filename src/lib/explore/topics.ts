/**
 * The topic a changed field belongs to, for naming differences: the controlled vocabulary of the criteria
 * matrix (src/lib/criteria/topics.ts, attached to the case schema), its names in lower case. The field key and
 * its values are both needed, because one fact can be about several topics (the levels: which ones, how many,
 * sacral; the etiology: a tumour, a hemangioma, trauma).
 */
import { FACTS_BY_PATH } from '../criteria/facts.ts';
import { isLevel, levelIndex, type Level } from '../criteria/levels.ts';
import { TOPICS as VOCABULARY, topicById, type TopicId } from '../criteria/topics.ts';

export type Topic = Lowercase<(typeof VOCABULARY)[number]['name']>;
export const TOPICS: readonly Topic[] = VOCABULARY.map((t) => t.name.toLowerCase() as Topic);

const name = (id: TopicId) => topicById(id).name.toLowerCase() as Topic;
const SACRUM = levelIndex('S1');
const levelList = (v: unknown): Level[] => (Array.isArray(v) ? v.filter((l): l is Level => isLevel(String(l))) : []);

/** The topic of one change (field key as in a witness: `symptoms.painNrs`, `conservativeCare.therapies[orthosis]`). */
export function topicOf(field: string, from: unknown, to: unknown): Topic {
  if (field === 'request.levels') {
    const [a, b] = [levelList(from), levelList(to)];
    if ([...a, ...b].some((l) => levelIndex(l) >= SACRUM)) return name('sacroplasty');
    return a.length !== b.length ? name('level-count') : name('level-range');
  }
  const fact = FACTS_BY_PATH.get(field.replace(/\[.*$/, ''));
  if (!fact?.topic) return name('contraindications');
  const byValue = fact.valueTopics?.[String(to)] ?? fact.valueTopics?.[String(from)];
  return name(byValue ?? fact.topic);
}

/**
 * "Where they disagree", said also while results are open ("Cohere already fails on conservative care; the
 * others still need …"), and the topics payers split on. Built from the explanations, never re-decided.
 */
import type { Result } from '../criteria/result.ts';
import { listWords } from '../compare/words.ts';
import type { AskNext } from './ask-next.ts';
import { topicOf } from './topic.ts';
import { fieldTitle, type Explanation } from './why.ts';

export type Speaker = { name: string; result: Result; explanation: Explanation };

const topicsOf = (fields: readonly string[]) => [...new Set(fields.map(topicOf))];

/** Sentences for the disagreement panel; [] when there is nothing to add to its headline. */
export function speech(speakers: readonly Speaker[], ask: AskNext | null): string[] {
  const out: string[] = [];
  const decided = speakers.filter((s) => s.result.decision !== 'needs-information' && s.result.decision !== 'not-in-effect');
  if (new Set(decided.map((s) => s.result.decision)).size > 1) {
    const against = decided.filter((s) => s.result.decision !== 'approve');
    const topics = topicsOf(against.flatMap((s) => s.explanation.reasons.flatMap((r) => r.fields)));
    if (topics.length) out.push(`They split on ${listWords(topics)}.`);
  }
  const open = speakers.filter((s) => s.result.decision === 'needs-information');
  if (!open.length) return out;
  const failing = open.filter((s) => s.explanation.nearest?.unmet.length);
  const clauses = failing.map((s) => `${s.name} already fails on ${listWords(topicsOf(s.explanation.nearest!.unmet.flatMap((u) => u.fields)))}`);
  const rest = open.length - failing.length;
  const fields = ask?.fields.map((f) => fieldTitle(f.field)) ?? [];
  if (rest) {
    const who = failing.length ? (rest === 1 ? 'the other' : 'the others') : open.length === 1 ? `${open[0]!.name}` : `all ${open.length}`;
    clauses.push(fields.length ? `${who} still ${rest === 1 && failing.length ? 'needs' : open.length === 1 ? 'needs' : 'need'} answers such as ${listWords(fields.slice(0, 3))}` : `${who} still ${rest === 1 ? 'needs' : 'need'} more answers`);
  }
  if (clauses.length) out.push(`${clauses.join('; ')}.`.replace(/^./, (ch) => ch.toUpperCase()));
  return out;
}

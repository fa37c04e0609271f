/**
 * One criterion against the case, in the form's words: "Conservative care: 3 weeks of prescription analgesic
 * (failed); needs more than 4 weeks". Subjects are the case schema's field titles (facts.ts), values as the form
 * shows them; never a field path.
 */
import { FACTS_BY_PATH, groupTitle, readFact } from '../criteria/facts.ts';
import { formatLevels, type Level } from '../criteria/levels.ts';
import type { ModelNode } from '../criteria/model.ts';
import { comparisonWords, humanize } from '../render/words.ts';

type Therapy = { kind: string; weeks?: number; outcome?: string };

const listWords = (xs: readonly unknown[], join = ' or ') => xs.map(humanize).join(join);
const withUnit = (v: number, unit: string) => (unit === '/10' || unit === '%' ? `${v}${unit}` : unit ? `${v} ${unit}` : String(v));

/** What the criterion is about, as the form titles it. */
export function subjectWords(node: ModelNode): string {
  if (node.kind === 'fact') return FACTS_BY_PATH.get(node.fact)?.title ?? node.label;
  if (node.kind === 'levels' || node.kind === 'level-count') return FACTS_BY_PATH.get('request.levels')!.title;
  if (node.kind === 'therapies') return groupTitle('conservativeCare');
  return node.label;
}

function therapyWords(t: Therapy): string {
  const weeks = t.weeks === undefined ? 'unknown weeks' : `${t.weeks} week${t.weeks === 1 ? '' : 's'}`;
  return `${weeks} of ${humanize(t.kind)}${t.outcome ? ` (${t.outcome})` : ''}`;
}

/** The case's value for a leaf, as the form shows it; 'unknown' when absent. */
export function valueWords(node: ModelNode, c: unknown): string {
  const path = node.reads[0];
  const fact = path ? FACTS_BY_PATH.get(path) : undefined;
  const v = fact ? readFact(c, fact.segments) : undefined;
  if (v === undefined) return 'unknown';
  if (node.kind === 'therapies') {
    const given = (v as Therapy[]).filter((t) => node.kinds.includes(t.kind));
    return given.length ? given.map(therapyWords).join(', ') : `none of ${listWords(node.kinds, ', ')}`;
  }
  if (node.kind === 'levels') return formatLevels(v as Level[]) || 'none';
  if (node.kind === 'level-count') return `${(v as unknown[]).length} level${(v as unknown[]).length === 1 ? '' : 's'}`;
  if (Array.isArray(v)) return v.length ? listWords(v, ', ') : 'none';
  if (typeof v === 'number' && fact?.type === 'number') return withUnit(v, fact.unit);
  return humanize(v);
}

/** What the criterion needs, for a leaf: "more than 4 weeks", "yes", "every level within T5–L5". */
export function needWords(node: ModelNode): string {
  switch (node.kind) {
    case 'fact': {
      const fact = FACTS_BY_PATH.get(node.fact);
      const values = Array.isArray(node.value) ? node.value : [node.value];
      if (node.op === 'in') return listWords(values);
      if (node.op === 'not-in') return `not ${listWords(values)}`;
      if (node.op === 'has') return `includes ${humanize(node.value)}`;
      if (typeof node.value === 'number') return comparisonWords(node.op, node.value, fact?.type === 'number' ? fact.unit : '');
      return node.op === 'eq' ? humanize(node.value) : `not ${humanize(node.value)}`;
    }
    case 'levels': return `${node.quantifier === 'every' ? 'every' : node.quantifier === 'some' ? 'some' : 'no'} level within ${formatLevels(node.set)}`;
    case 'level-count': return `${comparisonWords(node.op, node.value)} level${node.value === 1 ? '' : 's'}`;
    case 'therapies': {
      const weeks = node.weeks ? comparisonWords(node.weeks.op, node.weeks.value, 'weeks') : 'a course';
      return `${node.atLeast > 1 ? `${node.atLeast} therapies, each ` : ''}${weeks}${node.outcome ? ` (${node.outcome})` : ''}`;
    }
    default: return 'met';
  }
}

/** A leaf that is not met: "Subject: value; needs …" (a NOT, which reads no field itself: its label). */
export function lackWords(node: ModelNode, c: unknown): string {
  return node.children.length ? `${node.label}: not met` : `${subjectWords(node)}: ${valueWords(node, c)}; needs ${needWords(node)}`;
}

/** A leaf that is met: "Subject: value" (a NOT: its label). */
export function metWords(node: ModelNode, c: unknown): string {
  return node.children.length ? node.label : `${subjectWords(node)}: ${valueWords(node, c)}`;
}

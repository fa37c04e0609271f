/** Criteria in words: thresholds and conditions as a reader says them ("Pain at least 8/10"). */
import type { Comparison } from '../criteria/block-schema.ts';
import { FACTS_BY_PATH } from '../criteria/facts.ts';
import { formatLevels } from '../criteria/levels.ts';
import type { ModelNode } from '../criteria/model.ts';

const OP_WORDS: Record<Comparison, string> = { eq: 'is', ne: 'is not', lt: 'less than', le: 'at most', gt: 'more than', ge: 'at least' };

export function humanize(value: unknown): string {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return String(value).replace(/-/g, ' ');
}

/** "deny (investigational)", "approve", "needs information". */
export function outcomeWords(decision: string, category?: string | undefined): string {
  return category ? `${humanize(decision)} (${humanize(category)})` : humanize(decision);
}

const withUnit = (v: number, unit: string) => (unit === '/10' || unit === '%' ? `${v}${unit}` : unit ? `${v} ${unit}` : String(v));

export function comparisonWords(op: Comparison, value: number, unit = ''): string {
  return `${OP_WORDS[op]} ${withUnit(value, unit)}`;
}

/** The machine condition of a node, in words; '' for combinators (their kind says it). */
export function conditionWords(node: ModelNode): string {
  switch (node.kind) {
    case 'fact': {
      const fact = FACTS_BY_PATH.get(node.fact);
      const title = fact?.title ?? node.fact;
      const list = Array.isArray(node.value) ? node.value.map(humanize).join(', ') : '';
      if (node.op === 'in') return `${title}: one of ${list}`;
      if (node.op === 'not-in') return `${title}: none of ${list}`;
      if (node.op === 'has') return `${title} includes ${humanize(node.value)}`;
      if (typeof node.value === 'boolean') return `${title}: ${node.op === 'eq' ? humanize(node.value) : humanize(!node.value)}`;
      if (typeof node.value === 'number') return `${title} ${comparisonWords(node.op, node.value, fact?.type === 'number' ? fact.unit : '')}`;
      return `${title} ${OP_WORDS[node.op]} ${humanize(node.value)}`;
    }
    case 'levels': {
      const range = formatLevels(node.set);
      return node.quantifier === 'every' ? `Every treated level within ${range}` : node.quantifier === 'some' ? `Some treated level within ${range}` : `No treated level within ${range}`;
    }
    case 'level-count':
      return `Number of treated levels ${comparisonWords(node.op, node.value)}`;
    case 'therapies': {
      const kinds = node.kinds.map(humanize).join(', ');
      const weeks = node.weeks ? `, each ${comparisonWords(node.weeks.op, node.weeks.value, 'weeks')}` : '';
      const outcome = node.outcome ? ` ${node.outcome}` : ' tried';
      return `At least ${node.atLeast} of: ${kinds}${outcome}${weeks}`;
    }
    default:
      return '';
  }
}

/** The combinator heading shown before a node's children. */
export function combinatorWords(node: ModelNode): string | null {
  switch (node.kind) {
    case 'all': return 'ALL of';
    case 'any': return 'ANY of';
    case 'at-least': return `AT LEAST ${node.n} of`;
    case 'not': return 'NOT';
    default: return null;
  }
}

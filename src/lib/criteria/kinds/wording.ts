/** Shared pieces of the kinds' wording: values and comparisons as a reader says them ("at least 8/10"). */
import type { Comparison } from './ops.ts';

export const OP_WORDS: Record<Comparison, string> = { eq: 'is', ne: 'is not', lt: 'less than', le: 'at most', gt: 'more than', ge: 'at least' };

export function humanize(value: unknown): string {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return String(value).replace(/-/g, ' ');
}

const withUnit = (v: number, unit: string) => (unit === '/10' || unit === '%' ? `${v}${unit}` : unit ? `${v} ${unit}` : String(v));

export function comparisonWords(op: Comparison, value: number, unit = ''): string {
  return `${OP_WORDS[op]} ${withUnit(value, unit)}`;
}

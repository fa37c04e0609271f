/** Shared pieces of the kinds' wording: values and comparisons as a reader says them ("at least 8/10"). */
import type { Comparison } from './ops.ts';

export const OP_WORDS: Record<Comparison, string> = { eq: 'is', ne: 'is not', lt: 'less than', le: 'at most', gt: 'more than', ge: 'at least' };

/** A value as a reader says it: `treat-fracture` → "treat fracture"; a date stays a date (2025-06-30). */
export function humanize(value: unknown): string {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  const text = String(value);
  return ISO_DATE.test(text) ? text : text.replace(/-/g, ' ');
}
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const withUnit = (v: number, unit: string) => (unit === '/10' || unit === '%' ? `${v}${unit}` : unit ? `${v} ${unit}` : String(v));

export function comparisonWords(op: Comparison, value: number, unit = ''): string {
  return `${OP_WORDS[op]} ${withUnit(value, unit)}`;
}

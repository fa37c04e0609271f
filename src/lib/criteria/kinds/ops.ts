/**
 * Comparisons shared by the kinds: their evaluation (`compare`), their generated JavaScript (`JS_OPS`) and the
 * symbols of the one-line test form (`SYMBOLS`).
 */
export const COMPARISONS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const JS_OPS: Record<Comparison, string> = { eq: '===', ne: '!==', lt: '<', le: '<=', gt: '>', ge: '>=' };
/** How the test form writes each comparison (`symptoms.painNrs >= 8`). */
export const SYMBOLS: Record<Comparison, string> = { eq: '=', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' };
export const BY_SYMBOL = new Map(Object.entries(SYMBOLS).map(([op, s]) => [s, op as Comparison]));
/** Longest symbols first, so `>=` is not read as `>`. */
export const SYMBOL_PATTERN = '(>=|<=|!=|=|<|>)';

export function compare(op: Comparison, a: number | string | boolean, b: number | string | boolean): boolean {
  switch (op) {
    case 'eq': return a === b;
    case 'ne': return a !== b;
    case 'lt': return a < b;
    case 'le': return a <= b;
    case 'gt': return a > b;
    case 'ge': return a >= b;
  }
}

/** `program-enrolled` implies `program-referral` (case format: enrolment implies referral). */
export function setHas(list: readonly unknown[], item: unknown): boolean {
  return list.includes(item) || (item === 'program-referral' && list.includes('program-enrolled'));
}
/** The same, as the generated modules define it. */
export const SET_HAS_JS = `function setHas(list, item) { return list.includes(item) || (item === 'program-referral' && list.includes('program-enrolled')); }`;

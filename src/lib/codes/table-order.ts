/**
 * Sorting and filtering for the /codes/ table, on plain records so it is testable without a DOM. The page's
 * script reads the records from the rendered rows and reorders/hides them.
 */
// Type-only: block-schema brings zod, which the browser should not download for a table.
import type { CodeStance } from '../criteria/block-schema.ts';

export const NOT_LISTED = 'not-listed';
export type CellStance = CodeStance | typeof NOT_LISTED;

/** Short cell labels, in sort order (block-schema's CODE_STANCES, then not listed; a unit test keeps them in step). */
export const STANCE_SHORT: Record<CellStance, string> = {
  criteria: 'Criteria',
  investigational: 'Investigational',
  'not-medically-necessary': 'Not medically necessary',
  'not-covered': 'Not covered',
  listed: 'Listed',
  'not-listed': 'Not listed',
};

/** One table row as the script sees it; `order` is its position in the default order (system, then code). */
export type TableRecord = { order: number; code: string; system: string; description: string; stances: Record<string, CellStance> };

export type SortKey = 'default' | 'code' | 'system' | 'description' | `payer:${string}`;
export type SortState = { key: SortKey; direction: 'ascending' | 'descending' };

export type FilterState = {
  /** Case-insensitive substring of the code or the description. */
  text: string;
  /** '' for every system. */
  system: string;
  /** '' for any; otherwise some payer must take this stance. */
  stance: '' | CellStance;
  /** Only codes on which the payers that list them do not all agree. */
  disagree: boolean;
};

export const NO_FILTER: FilterState = { text: '', system: '', stance: '', disagree: false };

const STANCE_RANK = new Map<string, number>(Object.keys(STANCE_SHORT).map((s, i) => [s, i]));
const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareBy(key: SortKey, a: TableRecord, b: TableRecord): number {
  if (key === 'code') return ordinal(a.code, b.code);
  if (key === 'system') return a.order - b.order; // the default order is already system, then code
  if (key === 'description') return a.description.localeCompare(b.description, 'en', { sensitivity: 'base' });
  if (key.startsWith('payer:')) {
    const payer = key.slice('payer:'.length);
    return STANCE_RANK.get(a.stances[payer] ?? NOT_LISTED)! - STANCE_RANK.get(b.stances[payer] ?? NOT_LISTED)!;
  }
  return 0;
}

/** A stable sort: ties keep the default order, whichever the direction. */
export function sortRecords(records: readonly TableRecord[], state: SortState): TableRecord[] {
  const sign = state.direction === 'ascending' ? 1 : -1;
  return [...records].sort((a, b) => sign * compareBy(state.key, a, b) || a.order - b.order);
}

export function disagrees(record: TableRecord): boolean {
  const listed = new Set(Object.values(record.stances).filter((s) => s !== NOT_LISTED));
  return listed.size > 1;
}

export function matches(record: TableRecord, filter: FilterState): boolean {
  const text = filter.text.trim().toLowerCase();
  if (text && !record.code.toLowerCase().includes(text) && !record.description.toLowerCase().includes(text)) return false;
  if (filter.system && record.system !== filter.system) return false;
  if (filter.stance && !Object.values(record.stances).includes(filter.stance)) return false;
  if (filter.disagree && !disagrees(record)) return false;
  return true;
}

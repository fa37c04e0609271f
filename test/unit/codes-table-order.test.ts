/** Sorting and filtering of the /codes/ table rows (the page script applies these to the rendered rows). */
import { describe, expect, it } from 'vitest';
import { disagrees, matches, NO_FILTER, sortRecords, type TableRecord } from '../../src/lib/codes/table-order.ts';

const rows: TableRecord[] = [
  { order: 0, code: '22510', system: 'CPT', description: 'Percutaneous vertebroplasty; cervicothoracic', stances: { a: 'criteria', b: 'criteria' } },
  { order: 1, code: '0200T', system: 'CPT', description: 'Percutaneous sacral augmentation (sacroplasty)', stances: { a: 'investigational', b: 'not-medically-necessary' } },
  { order: 2, code: 'C1062', system: 'HCPCS', description: 'Intravertebral body fracture augmentation with implant', stances: { a: 'criteria', b: 'not-listed' } },
  { order: 3, code: 'M80.08XA', system: 'ICD-10-CM', description: 'Age-related osteoporosis with current pathological fracture', stances: { a: 'listed', b: 'criteria' } },
];
const codes = (list: TableRecord[]) => list.map((r) => r.code);

describe('sortRecords', () => {
  it('keeps the default order (system, then code) for the default and system keys', () => {
    expect(codes(sortRecords(rows, { key: 'default', direction: 'ascending' }))).toEqual(['22510', '0200T', 'C1062', 'M80.08XA']);
    expect(codes(sortRecords(rows, { key: 'system', direction: 'descending' }))).toEqual(['M80.08XA', 'C1062', '0200T', '22510']);
  });

  it('sorts codes as identifiers, both ways', () => {
    expect(codes(sortRecords(rows, { key: 'code', direction: 'ascending' }))).toEqual(['0200T', '22510', 'C1062', 'M80.08XA']);
    expect(codes(sortRecords(rows, { key: 'code', direction: 'descending' }))).toEqual(['M80.08XA', 'C1062', '22510', '0200T']);
  });

  it("sorts by a payer's stance in the stance order, ties in the default order", () => {
    // criteria, criteria, investigational, listed
    expect(codes(sortRecords(rows, { key: 'payer:a', direction: 'ascending' }))).toEqual(['22510', 'C1062', '0200T', 'M80.08XA']);
    // criteria (22510, M80.08XA), not medically necessary, not listed
    expect(codes(sortRecords(rows, { key: 'payer:b', direction: 'ascending' }))).toEqual(['22510', 'M80.08XA', '0200T', 'C1062']);
    expect(codes(sortRecords(rows, { key: 'payer:b', direction: 'descending' }))).toEqual(['C1062', '0200T', '22510', 'M80.08XA']);
  });

  it('sorts descriptions alphabetically and does not change its input', () => {
    const copy = structuredClone(rows);
    expect(codes(sortRecords(rows, { key: 'description', direction: 'ascending' }))).toEqual(['M80.08XA', 'C1062', '0200T', '22510']);
    expect(rows).toEqual(copy);
  });
});

describe('matches', () => {
  const shown = (filter: Partial<typeof NO_FILTER>) => codes(rows.filter((r) => matches(r, { ...NO_FILTER, ...filter })));

  it('shows everything without a filter', () => expect(shown({})).toEqual(codes(rows)));
  it('filters by code or description text, case-insensitively', () => {
    expect(shown({ text: 'm80' })).toEqual(['M80.08XA']);
    expect(shown({ text: ' SACRO ' })).toEqual(['0200T']);
    expect(shown({ text: 'fracture' })).toEqual(['C1062', 'M80.08XA']);
  });
  it('filters by system', () => expect(shown({ system: 'CPT' })).toEqual(['22510', '0200T']));
  it("filters by some payer's stance, including not listed", () => {
    expect(shown({ stance: 'investigational' })).toEqual(['0200T']);
    expect(shown({ stance: 'not-listed' })).toEqual(['C1062']);
  });
  it('shows only codes the listing payers disagree on, ignoring payers that do not list them', () => {
    expect(rows.map(disagrees)).toEqual([false, true, false, true]);
    expect(shown({ disagree: true, system: 'CPT' })).toEqual(['0200T']);
  });
});

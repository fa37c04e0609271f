/** The /codes/ cross-walk model, checked against every policy's own ```codes blocks. */
import { describe, expect, it } from 'vitest';
import { CODE_STANCES } from '../../src/lib/criteria/block-schema.ts';
import { loadModels } from '../../src/lib/criteria/load.ts';
import type { PolicyModel } from '../../src/lib/criteria/model.ts';
import { CODE_SYSTEMS, compareCodes, crosswalk } from '../../src/lib/codes/crosswalk.ts';
import { NOT_LISTED, STANCE_SHORT } from '../../src/lib/codes/table-order.ts';

const { models } = loadModels();
const table = crosswalk(models);
const listings = models.flatMap((m) => m.codes.flatMap((block) => block.codes.map((c) => ({ payer: m.payer, ...c }))));

describe('codes cross-walk', () => {
  it('has one column per policy, ordered by payer name', () => {
    expect(table.payers.map((p) => p.payer).sort()).toEqual(models.map((m) => m.payer).sort());
    const names = table.payers.map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('has one row per code any payer lists, sorted by system then code', () => {
    expect(table.rows.map((r) => r.code).sort()).toEqual([...new Set(listings.map((l) => l.code))].sort());
    for (let i = 1; i < table.rows.length; i++) expect(compareCodes(table.rows[i - 1]!, table.rows[i]!)).toBeLessThan(0);
    expect(CODE_SYSTEMS).toEqual(['CPT', 'HCPCS', 'ICD-10-CM']);
  });

  it("gives every payer's stance for every code it lists, linked to the payer's code row", () => {
    expect(listings.length).toBeGreaterThan(0);
    for (const l of listings) {
      const row = table.rows.find((r) => r.code === l.code)!;
      expect(row.system).toBe(l.system);
      expect(row.cells[l.payer]).toEqual({ stance: l.stance, description: l.description, note: l.note ?? '', href: `/policies/${l.payer}/#code-${l.code}` });
    }
  });

  it('has no cell for a payer that does not list the code', () => {
    for (const row of table.rows) {
      for (const payer of Object.keys(row.cells)) expect(listings.some((l) => l.payer === payer && l.code === row.code)).toBe(true);
    }
    const partial = table.rows.filter((r) => Object.keys(r.cells).length < table.payers.length);
    expect(partial.length).toBeGreaterThan(0); // the data has codes only some payers list
  });

  it("keeps a payer's first entry when it lists a code twice (its page anchor is the first row)", () => {
    const base = models[0]!;
    const twice: PolicyModel = {
      ...base,
      codes: [
        { source: 'A', line: 1, codes: [{ code: '22513', system: 'CPT', description: 'first', stance: 'criteria' }] },
        { source: 'B', line: 2, codes: [{ code: '22513', system: 'CPT', description: 'second', stance: 'investigational' }] },
      ],
    };
    const [row] = crosswalk([twice]).rows;
    expect(row!.cells[base.payer]!.stance).toBe('criteria');
  });

  it('has a short label for every stance, in the block format order, then "not listed"', () => {
    expect(Object.keys(STANCE_SHORT)).toEqual([...CODE_STANCES, NOT_LISTED]);
  });
});

import { describe, expect, it } from 'vitest';
import { formatLevels, LEVELS, parseLevelRanges, type Level } from '../../src/lib/criteria/levels.ts';

const levels = (text: string) => {
  const r = parseLevelRanges(text);
  if (!r.ok) throw new Error(r.error);
  return r.levels;
};
const error = (text: string) => {
  const r = parseLevelRanges(text);
  return r.ok ? null : r.error;
};

describe('parseLevelRanges', () => {
  it('a single level', () => {
    expect(levels('L3')).toEqual(['L3']);
    expect(levels('Co')).toEqual(['Co']);
  });

  it('a range across regions, inclusive at both ends', () => {
    const r = levels('T5-L5');
    expect(r[0]).toBe('T5');
    expect(r.at(-1)).toBe('L5');
    expect(r).toHaveLength(8 + 5); // T5..T12, L1..L5
  });

  it('lists of ranges and levels, with spaces and en dashes', () => {
    expect(levels('S1-S5, Co')).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'Co']);
    expect(levels('T1–T4')).toEqual(['T1', 'T2', 'T3', 'T4']);
    expect(levels('T1 - T2')).toEqual(['T1', 'T2']);
  });

  it('returns spine order without duplicates whatever the order written', () => {
    expect(levels('L1, T12, T11-L2')).toEqual(['T11', 'T12', 'L1', 'L2']);
  });

  it('the whole spine', () => {
    expect(levels('C1-Co')).toEqual([...LEVELS]);
  });

  it('refuses an unknown level', () => {
    expect(error('T13')).toBe('Unexpected level `T13`, expected one of C1–C7, T1–T12, L1–L5, S1–S5, Co');
    expect(error('T5-L6')).toMatch(/^Unexpected level `L6`/);
    expect(error('t5')).toMatch(/^Unexpected level `t5`/);
  });

  it('refuses a reversed range', () => {
    expect(error('L5-T5')).toBe('Unexpected range `L5-T5`, expected the upper level first (spine order)');
  });

  it('refuses an empty part', () => {
    expect(error('T5-L5,')).toBe('Unexpected empty range in `T5-L5,`, expected levels such as `T5-L5`');
    expect(error('')).toMatch(/^Unexpected empty range/);
    expect(error('T1,,T2')).toMatch(/^Unexpected empty range/);
  });

  it('refuses a range with three ends', () => {
    expect(error('T1-T2-T3')).toBe('Unexpected range `T1-T2-T3`, expected `FROM-TO`');
  });
});

describe('formatLevels', () => {
  it('compacts runs into ranges with an en dash', () => {
    expect(formatLevels(levels('T5-L5'))).toBe('T5–L5');
    expect(formatLevels(['L3'])).toBe('L3');
    expect(formatLevels(['T4', 'T2', 'T3', 'L1', 'S1', 'S2', 'S3', 'S4', 'S5', 'Co'])).toBe('T2–T4, L1, S1–Co');
  });

  it('ignores duplicates and order', () => {
    expect(formatLevels(['L2', 'L1', 'L2'] as Level[])).toBe('L1–L2');
  });

  it('an empty set is empty', () => {
    expect(formatLevels([])).toBe('');
  });

  it('round-trips through parseLevelRanges', () => {
    for (const text of ['T5-L5', 'T1-T4', 'S1-S5, Co', 'C1-C7', 'T2, T4, L1-L3']) {
      const set = levels(text);
      expect(levels(formatLevels(set))).toEqual(set);
    }
  });
});

/**
 * The spine and the timeline are drawn from the criteria: a fixture policy's ranges and thresholds give the
 * marks and windows, and changing one in the policy text changes the picture exactly there.
 */
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../src/lib/criteria/levels.ts';
import { runWords, spineColumn } from '../../src/lib/pictures/spine.ts';
import { axisEnd, scale, timelineRow, windowCondition } from '../../src/lib/pictures/timeline.ts';
import { inlinePolicy } from '../fixtures/inline-policy.ts';

const scope = (range: string) => `
id: scope-levels
role: scope
outcome: individual-review
title: Levels the policy addresses
source: "§ 1"
tree:
  id: scope-not-sacral
  kind: levels
  label: No sacral or coccygeal level
  quantifier: none
  within: ${range}`;
const cervical = `
id: ex-cervical
role: exclusion
outcome: deny
category: investigational
title: Cervical levels
source: "§ 3"
tree:
  id: ex-cervical-levels
  kind: levels
  label: A cervical level
  quantifier: some
  within: C1-C7`;
const indication = (range: string, age: number, weeks: number) => `
id: ind
role: indication
title: Painful fracture
source: "§ 2"
tree:
  id: ind-all
  kind: all
  label: All of
  of:
    - id: ind-range
      kind: levels
      label: Every level within ${range}
      quantifier: every
      within: ${range}
    - id: ind-acute
      kind: fact
      label: Acute fracture
      fact: diagnosis.fractureAgeWeeks
      op: le
      value: ${age}
    - id: ind-care
      kind: therapies
      label: Failed conservative care
      kinds: [physical-therapy, prescription-analgesic]
      outcome: failed
      weeks: { op: gt, value: ${weeks} }
      atLeast: 1`;

async function fixture(range = 'T5-L5', age = 6, weeks = 4) {
  return inlinePolicy([scope('S1-S5, Co'), cervical, indication(range, age, weeks)]);
}

describe('spine', () => {
  it('marks each level as the fixture criteria say', async () => {
    const column = spineColumn(await fixture());
    const stance = Object.fromEntries(column.marks.map((m) => [m.level, m.stance]));
    expect(column.marks.map((m) => m.level)).toEqual([...LEVELS]);
    for (const l of ['C1', 'C7']) expect(stance[l]).toBe('investigational');
    for (const l of ['T1', 'T4']) expect(stance[l]).toBe('not-covered');
    for (const l of ['T5', 'T12', 'L5']) expect(stance[l]).toBe('covered');
    for (const l of ['S1', 'S5', 'Co']) expect(stance[l]).toBe('not-addressed');
    expect(runWords(column)).toBe('C1–C7 investigational; T1–T4 not covered; T5–L5 covered when the criteria are met; S1–Co not addressed (individual review)');
  });

  it('cites the criteria behind a mark', async () => {
    const column = spineColumn(await fixture());
    const mark = (l: string) => column.marks.find((m) => m.level === l)!;
    expect(mark('T2').cites).toEqual([{ node: 'ind-range', label: 'Every level within T5-L5', source: '§ 2' }]);
    expect(mark('C3').cites.map((c) => c.node)).toEqual(['ex-cervical-levels']);
    expect(mark('S2').cites.map((c) => c.node)).toEqual(['scope-not-sacral']);
    expect(mark('L1').cites.map((c) => c.node)).toEqual(['ind-range']);
  });

  it('changes where the range in the policy changes', async () => {
    const before = spineColumn(await fixture('T5-L5'));
    const after = spineColumn(await fixture('T6-L4'));
    const changed = LEVELS.filter((_, i) => before.marks[i]!.stance !== after.marks[i]!.stance);
    expect(changed).toEqual(['T5', 'L5']);
    expect(after.marks.find((m) => m.level === 'T5')!.stance).toBe('not-covered');
  });
});

describe('timeline', () => {
  it('draws one window per threshold, from the criteria', async () => {
    const row = timelineRow((await fixture()).model);
    expect(row.windows.map((w) => ({ lane: w.lane, from: w.from, to: w.to, cond: windowCondition(w), nodes: w.nodes }))).toEqual([
      { lane: 'fracture-age', from: 0, to: 6, cond: '≤ 6 weeks', nodes: ['ind-acute'] },
      { lane: 'conservative-care', from: 4, to: null, cond: '> 4 weeks', nodes: ['ind-care'] },
    ]);
    expect(row.windows[0]).toMatchObject({ fromIncluded: true, toIncluded: true, label: 'Acute fracture', source: '§ 2' });
    expect(row.windows[1]).toMatchObject({ fromIncluded: false, toIncluded: false });
  });

  it('moves a window edge when the threshold in the policy moves', async () => {
    const row = timelineRow((await fixture('T5-L5', 8, 6)).model);
    expect(row.windows.map((w) => [w.from, w.to])).toEqual([[0, 8], [6, null]]);
  });

  it('keeps its axis past every threshold, on a monotone scale', async () => {
    const rows = [timelineRow((await fixture('T5-L5', 30, 4)).model)];
    const end = axisEnd(rows);
    expect(end).toBeGreaterThan(30);
    expect(scale(0, end)).toBe(0);
    expect(scale(end, end)).toBe(1);
    expect(scale(4, end)).toBeLessThan(scale(6, end));
  });
});

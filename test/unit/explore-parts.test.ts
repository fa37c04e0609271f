/** The explorer's small parts: the seeded PRNG, level windows, words for swept values, minimization. */
import { beforeAll, describe, expect, it } from 'vitest';
import { FACTS_BY_PATH } from '../../src/lib/criteria/facts.ts';
import { dimensions, levelWindow, type Dimension } from '../../src/lib/explore/dimensions.ts';
import { factField } from '../../src/lib/explore/fields.ts';
import { differenceKind } from '../../src/lib/explore/outcome.ts';
import { rng } from '../../src/lib/explore/prng.ts';
import { minimize } from '../../src/lib/explore/witness.ts';
import { pointsWords, runs } from '../../src/lib/explore/words.ts';
import { fixturePolicies } from '../fixtures/explore/load.ts';

describe('rng', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    const draw = (seed: number) => { const r = rng(seed); return Array.from({ length: 8 }, () => r.int(1000)); };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    const r = rng(1);
    for (let i = 0; i < 1000; i++) { const x = r.next(); expect(x >= 0 && x < 1).toBe(true); }
  });
});

describe('levelWindow', () => {
  it('counts levels up from the anchor level, inside its spine region', () => {
    expect(levelWindow('L3', 3)).toEqual(['L1', 'L2', 'L3']);
    expect(levelWindow('T2', 3)).toEqual(['T1', 'T2', 'T3']);
    expect(levelWindow('S2', 5)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
    expect(levelWindow('C1', 1)).toEqual(['C1']);
  });
});

describe('differenceKind', () => {
  it('orders what matters most to a committee', () => {
    expect(differenceKind('approve', 'deny:investigational')).toBe('approve-deny');
    expect(differenceKind('individual-review', 'deny:not-covered')).toBe('review');
    expect(differenceKind('deny:not-medically-necessary', 'deny:investigational')).toBe('category');
    expect(differenceKind('needs-information', 'approve')).toBe('information');
    expect(differenceKind('not-in-effect', 'approve')).toBe('in-effect');
    expect(differenceKind('approve', 'approve')).toBeNull();
  });
});

describe('pointsWords', () => {
  let dims: Dimension[];
  beforeAll(async () => {
    dims = dimensions((await fixturePolicies()).map((p) => p.model));
  });
  const dim = (id: string) => dims.find((d) => d.id === id)!;
  const anchor = { request: { levels: ['L3' as const] } };

  it('levels as ranges, numbers as ranges, "never" and "any"', () => {
    const levels = dim('treated-level');
    const pts = levels.points(anchor, true);
    const pick = (names: string[]) => pts.flatMap((p, i) => (names.includes(p.label) ? [i] : []));
    expect(pointsWords(levels, pts, pick(['T5', 'T6', 'T7', 'L1', 'S1']))).toBe('T5–T7, L1, S1');
    expect(pointsWords(levels, pts, [])).toBe('never');
    const pain = dim('symptoms.painNrs');
    const ppts = pain.points(anchor, true);
    expect(ppts.map((p) => p.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'unknown']);
    expect(pointsWords(pain, ppts, [5, 6, 7, 8, 9, 10])).toBe('5–10');
    expect(pointsWords(pain, ppts, [0, 1, 11])).toBe('0–1, unknown');
    expect(pointsWords(pain, ppts, ppts.map((_, i) => i))).toBe('any');
  });

  it('the witness sweep keeps only values where a threshold can change the decision', () => {
    expect(dim('symptoms.painNrs').points(anchor, false).map((p) => p.label)).toEqual(['0', '4', '5', '6', '7', '10']);
    expect(dim('findings.pregnant').points(anchor, false).map((p) => p.label)).toEqual(['yes', 'no']);
  });

  it('runs of consecutive indices', () => {
    expect(runs([0, 1, 2, 5, 7, 8])).toEqual([[0, 2], [5, 5], [7, 8]]);
  });
});

describe('minimize', () => {
  const f = (path: string) => factField(FACTS_BY_PATH.get(path)!);
  const edits = [
    { field: f('symptoms.painNrs'), to: 2 },
    { field: f('findings.pregnant'), to: true },
    { field: f('findings.myelopathy'), to: true },
  ];

  it('takes a single edit that splits on its own', () => {
    const kept = minimize({}, edits, (c) => c.findings?.pregnant === true);
    expect(kept.map((e) => e.field.key)).toEqual(['findings.pregnant']);
  });

  it('keeps every edit an interaction needs, and drops the rest', () => {
    const kept = minimize({}, edits, (c) => c.findings?.pregnant === true && c.findings?.myelopathy === true);
    expect(kept.map((e) => e.field.key)).toEqual(['findings.pregnant', 'findings.myelopathy']);
  });
});

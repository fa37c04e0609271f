/**
 * The explorer on fixture policies whose differences are known by construction (test/fixtures/explore): it
 * finds each one with a minimal witness, finds none where the policies agree, and every witness really splits
 * its pair when evaluated.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { caseSchema } from '../../src/lib/criteria/case-schema.ts';
import type { CompiledPolicy } from '../../src/lib/criteria/compile.ts';
import { decide } from '../../src/lib/criteria/decide.ts';
import { caseFromHash } from '../../src/lib/criteria/permalink.ts';
import { analyse } from '../../src/lib/explore/analyse.ts';
import { outcomeKey } from '../../src/lib/explore/outcome.ts';
import type { Analysis, Witness } from '../../src/lib/explore/types.ts';
import { fixtureAnchors, fixturePolicies } from '../fixtures/explore/load.ts';
import { checkWitness } from './explore-witness-check.ts';

let policies: CompiledPolicy[];
let analysis: Analysis;
const between = (a: string, b: string) => analysis.witnesses.filter((w) => w.pair.join() === [a, b].join());
const summary = (a: string, b: string) => analysis.matrix.find((m) => m.pair.join() === [a, b].join())!;
const fields = (w: Witness) => w.changes.map((c) => c.field).sort();

beforeAll(async () => {
  policies = await fixturePolicies();
  analysis = analyse(policies, { anchors: fixtureAnchors(), seed: 7, generatedPerAnchor: 200 });
});

describe('differences known by construction', () => {
  it('alpha vs beta: exactly the level range and the pain threshold, each shown by one change at the boundary', () => {
    const ws = between('alpha', 'beta');
    expect(ws.map((w) => [w.kind, fields(w)]).sort()).toEqual([['approve-deny', ['request.levels']], ['approve-deny', ['symptoms.painNrs']]]);
    const levels = ws.find((w) => fields(w)[0] === 'request.levels')!;
    // T4 is the level nearest the anchors (L3, T8) inside T1–T4, where beta approves and alpha does not.
    expect(levels.changes[0]!.to).toEqual(['T4']);
    expect(levels.sides.map((s) => [s.payer, s.outcome, s.changed])).toEqual([['alpha', 'deny:not-medically-necessary', ['a-levels']], ['beta', 'approve', []]]);
    const pain = ws.find((w) => fields(w)[0] === 'symptoms.painNrs')!;
    expect(pain.changes[0]!.to).toBe(5);
    expect(pain.sides.map((s) => [s.payer, s.outcome, s.changed])).toEqual([['alpha', 'approve', []], ['beta', 'deny:not-medically-necessary', ['b-pain']]]);
    expect(pain.changes[0]!.words).toBe('symptoms.painNrs: 7 → 5');
  });

  it('alpha vs gamma (same criteria): no witness and no theme', () => {
    expect(between('alpha', 'gamma')).toEqual([]);
    expect(summary('alpha', 'gamma')).toMatchObject({ themes: 0, worst: null });
  });

  it('alpha vs epsilon: a denial-category difference on pregnancy, one change', () => {
    const ws = between('alpha', 'epsilon');
    expect(ws).toHaveLength(1);
    expect(ws[0]).toMatchObject({ kind: 'category', changes: [{ field: 'findings.pregnant', from: false, to: true }] });
    expect(ws[0]!.sides.map((s) => s.outcome)).toEqual(['deny:not-medically-necessary', 'deny:investigational']);
  });

  it('alpha vs delta: an interaction only a two-field change shows, found by a generated case and minimized', () => {
    const ws = between('alpha', 'delta');
    expect(ws).toHaveLength(1);
    const [w] = ws;
    expect(w).toMatchObject({ kind: 'review', found: 'generated' });
    expect(fields(w!)).toEqual(['findings.anticoagulationTherapy', 'findings.coagulopathyUncorrected']);
    expect(w!.changes.every((c) => c.to === true)).toBe(true);
    expect(w!.sides[1]).toMatchObject({ payer: 'delta', outcome: 'individual-review', changed: ['d-anticoagulation', 'd-coagulopathy'] });
    expect(w!.sides[1]!.nodes.map((n) => n.href)).toEqual(['/policies/delta/#d-anticoagulation', '/policies/delta/#d-coagulopathy']);
  });

  it('the matrix counts each pair\'s themes and names the worst kind', () => {
    expect(summary('alpha', 'beta')).toMatchObject({ themes: 2, worst: 'approve-deny', byKind: { 'approve-deny': 2 } });
    expect(summary('beta', 'delta')).toMatchObject({ themes: 3, worst: 'approve-deny', byKind: { 'approve-deny': 2, review: 1 } });
    expect(summary('alpha', 'epsilon')).toMatchObject({ themes: 1, worst: 'category' });
    for (const m of analysis.matrix) expect(m.themes).toBe(between(...m.pair).length);
  });
});

describe('every witness', () => {
  it('splits its pair when evaluated, from an anchor where the pair agrees, and no change can be dropped', () => {
    expect(analysis.witnesses.length).toBeGreaterThan(0);
    for (const w of analysis.witnesses) checkWitness(w, policies, fixtureAnchors());
  });

  it('is a valid case whose permalink opens that case', () => {
    for (const w of analysis.witnesses) {
      expect(caseSchema.safeParse(w.case).success).toBe(true);
      const decoded = caseFromHash(w.permalink.slice(w.permalink.indexOf('#')));
      expect(decoded).toEqual({ ok: true, case: w.case });
    }
  });

  it('links each responsible criterion to its place on the policy page', () => {
    for (const w of analysis.witnesses) for (const s of w.sides) for (const n of s.nodes) {
      const model = policies.find((p) => p.model.payer === s.payer)!.model;
      expect(n.href).toBe(`/policies/${s.payer}/#${n.id}`);
      expect(model.nodes.some((x) => x.id === n.id) || model.blocks.some((b) => b.id === n.id)).toBe(true);
    }
  });
});

describe('boundaries and strips', () => {
  const row = (dimension: string) => analysis.boundaries.find((b) => b.dimension === dimension)!;

  it('say in words where each payer approves', () => {
    expect(row('treated-level').approved).toEqual({ alpha: 'T5–L5', beta: 'T1–L5', gamma: 'T5–L5', delta: 'T5–L5', epsilon: 'T5–L5' });
    expect(row('symptoms.painNrs').approved).toMatchObject({ alpha: '5–10', beta: '6–10' });
    expect(row('findings.pregnant')).toBeUndefined(); // every fixture approves only without pregnancy
  });

  it('chart one row per payer along each dimension where they differ, with the outcomes in words', () => {
    const levels = analysis.strips.find((s) => s.dimension === 'treated-level')!;
    expect(levels.labels).toHaveLength(30);
    expect(levels.rows.map((r) => r.payer)).toEqual(['alpha', 'beta', 'gamma', 'delta', 'epsilon']);
    expect(levels.rows[1]!.words).toEqual(['deny (not medically necessary): C1–C7, S1–Co', 'approve: T1–L5']);
    const pregnant = analysis.strips.find((s) => s.dimension === 'findings.pregnant')!;
    expect(pregnant.rows.find((r) => r.payer === 'epsilon')!.words).toContain('deny (investigational): yes');
    // Every payer reads the date of service the same way: no strip.
    expect(analysis.strips.some((s) => s.dimension === 'dateOfService')).toBe(false);
  });
});

describe('computed from the policies, reproducibly', () => {
  it('the same seed gives the same analysis', () => {
    const again = analyse(policies, { anchors: fixtureAnchors(), seed: 7, generatedPerAnchor: 200 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(analysis));
  });

  it('changing a threshold in one policy changes the boundaries and the witness', async () => {
    const edited = await fixturePolicies({ payer: 'beta', change: (t) => t.replace('value: 6', 'value: 8').replace('Pain NRS 6 or more', 'Pain NRS 8 or more') });
    const changed = analyse(edited, { anchors: fixtureAnchors(), seed: 7, generatedPerAnchor: 200 });
    expect(changed.boundaries.find((b) => b.dimension === 'symptoms.painNrs')!.approved['beta']).toBe('8–10');
    const pain = changed.witnesses.filter((w) => w.pair.join() === 'alpha,beta' && w.changes[0]!.field === 'symptoms.painNrs');
    // At NRS 7 the lumbar anchor itself now splits the pair, so it is no anchor for them; from the
    // mid-thoracic anchor (NRS 8) the nearest value that splits them is 7.
    expect(pain.map((w) => [w.anchor, w.changes[0]!.to])).toEqual([['mid-thoracic', 7]]);
  });

  it('outcomes on the witness case are those the page shows', () => {
    for (const w of analysis.witnesses) {
      const byPayer = (id: string) => policies.find((p) => p.model.payer === id)!;
      expect(w.sides.map((s) => outcomeKey(decide(byPayer(s.payer), w.case)))).toEqual(w.sides.map((s) => s.outcome));
    }
  });
});

/**
 * The explorer on the five real policies: every witness is sound (splits its pair, minimal, a valid case with a
 * working permalink), the disagreements the public examples show are found, and the boundary table agrees
 * with deciding each value directly.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { caseSchema, type Case } from '../../src/lib/criteria/case-schema.ts';
import type { CompiledPolicy } from '../../src/lib/criteria/compile.ts';
import { decide } from '../../src/lib/criteria/decide.ts';
import { formatLevels, LEVELS } from '../../src/lib/criteria/levels.ts';
import { loadCompiled } from '../../src/lib/criteria/load.ts';
import { caseFromHash } from '../../src/lib/criteria/permalink.ts';
import { readPublicExamples } from '../../src/lib/criteria/public-cases-fs.ts';
import { analyse } from '../../src/lib/explore/analyse.ts';
import { defaultAnchors } from '../../src/lib/explore/anchors.ts';
import { outcomeKey } from '../../src/lib/explore/outcome.ts';
import type { Analysis, Anchor } from '../../src/lib/explore/types.ts';
import { checkWitness } from './explore-witness-check.ts';

let policies: CompiledPolicy[];
let anchors: Anchor[];
let analysis: Analysis;

beforeAll(async () => {
  policies = (await loadCompiled()).policies;
  anchors = defaultAnchors(readPublicExamples(), policies);
  analysis = analyse(policies, { anchors });
}, 120_000);

describe('witnesses on the real policies', () => {
  it('each splits its pair, from an anchor where the pair agrees, with no change to spare', () => {
    expect(analysis.witnesses.length).toBeGreaterThan(0);
    for (const w of analysis.witnesses) checkWitness(w, policies, anchors);
  });

  it('each is a valid case whose permalink decodes to it', () => {
    for (const w of analysis.witnesses) {
      expect(caseSchema.safeParse(w.case).success).toBe(true);
      expect(caseFromHash(w.permalink.slice(w.permalink.indexOf('#')))).toEqual({ ok: true, case: w.case });
    }
  });

  it('find the splits the public examples show', () => {
    // For each public example where two payers reach different decisions, the explorer has a theme of the same
    // kind between them (not necessarily from that example: a simpler witness may tell it).
    const byPair = new Set(analysis.witnesses.map((w) => `${w.pair.join('|')}|${w.sides.map((s) => s.outcome).join('|')}`));
    const found = (a: string, b: string, oa: string, ob: string) => byPair.has(`${a}|${b}|${oa}|${ob}`);
    const upper = anchors.find((a) => a.name === 'upper-thoracic-t2')!.case;
    const [cohere, excellus] = ['cohere', 'excellus'].map((id) => policies.find((p) => p.model.payer === id)!);
    const oa = outcomeKey(decide(cohere!, upper));
    const ob = outcomeKey(decide(excellus!, upper));
    expect(oa).not.toBe(ob);
    expect(found('cohere', 'excellus', oa, ob)).toBe(true);
    const levels = analysis.witnesses.find((w) => w.pair.join() === 'cohere,excellus' && w.changes[0]!.field === 'request.levels' && w.sides[0].outcome === oa && w.sides[1].outcome === ob);
    expect(levels?.changes).toHaveLength(1);
  });

  it('the matrix counts every theme once', () => {
    const total = analysis.matrix.reduce((n, m) => n + m.themes, 0);
    expect(total).toBe(analysis.witnesses.length);
    expect(new Set(analysis.witnesses.map((w) => `${w.pair.join()}|${w.theme}`)).size).toBe(total);
  });
});

describe('boundaries on the real policies', () => {
  it('the treated-level row for each typical case matches deciding every level directly', () => {
    const rows = analysis.boundaries.filter((b) => b.dimension === 'treated-level');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const anchor = anchors.find((a) => a.name === row.anchor)!.case;
      for (const p of policies) {
        const approved = LEVELS.filter((l) => decide(p, { ...anchor, request: { ...anchor.request, levels: [l] } } as Case, { explain: false }).decision === 'approve');
        expect(row.approved[p.model.payer], `${row.anchor} ${p.model.payer}`).toBe(approved.length ? formatLevels(approved) : 'never');
      }
    }
  });

  it('reports its size', () => {
    expect(analysis.size.anchors).toBe(anchors.length);
    expect(analysis.size.casesEvaluated).toBeGreaterThan(analysis.size.sweepCases);
    // A variant is decided only by the payers that read a changed fact (at least one), so not every case costs
    // every payer a decision.
    expect(analysis.size.evaluations).toBeGreaterThanOrEqual(analysis.size.casesEvaluated);
  });
});

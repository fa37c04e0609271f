/**
 * Named differences (issue #15): on fixture policies whose differences are known by construction, exactly the
 * expected ones (count, topic, direction), with rules taken from the criteria; on the real policies, at most 25
 * per pair, each example splitting its pair as stated, and no field path or node id in any text a page shows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledPolicy } from '../../src/lib/criteria/compile.ts';
import { decide } from '../../src/lib/criteria/decide.ts';
import { FACTS } from '../../src/lib/criteria/facts.ts';
import { loadCompiled } from '../../src/lib/criteria/load.ts';
import { caseFromHash } from '../../src/lib/criteria/permalink.ts';
import { readPublicExamples } from '../../src/lib/criteria/public-cases-fs.ts';
import { analyse } from '../../src/lib/explore/analyse.ts';
import { defaultAnchors } from '../../src/lib/explore/anchors.ts';
import { MAX_DIFFERENCES, pairDifferences, type NamedDifference } from '../../src/lib/explore/differences.ts';
import { outcomeKey } from '../../src/lib/explore/outcome.ts';
import type { Analysis, Anchor } from '../../src/lib/explore/types.ts';
import { fixtureAnchors, fixturePolicies } from '../fixtures/explore/load.ts';

const PAYERS = ['alpha', 'beta', 'gamma', 'epsilon', 'zeta'];
/** The fixture anchors with imaging that zeta approves, so that every fixture approves them. */
const anchors = (): Anchor[] => fixtureAnchors().map((a) => ({ ...a, case: { ...a.case, diagnosis: { imaging: { acuteFindings: true, concordant: true } } } }));

let policies: CompiledPolicy[];
let analysis: Analysis;
const named = (a: Analysis, x: string, y: string) => a.differences.filter((d) => d.pair.join() === [x, y].join());
const shape = (d: NamedDifference) => ({ topic: d.topic, kind: d.kind, lenient: d.lenient, strict: d.strict });

/** What a page shows of a difference (the raw cases behind it aside). */
const visibleText = (d: NamedDifference) => [d.title, d.rules, d.direction, d.example.words, ...d.sides.flatMap((s) => [s.name, s.rule, ...s.sections.map((c) => c.source)])].join('\n');

function expectPlain(d: NamedDifference, ids: ReadonlySet<string>): void {
  const text = visibleText(d);
  for (const f of FACTS) if (f.path.includes('.')) expect(text, d.title).not.toContain(f.path);
  expect(text).not.toMatch(/\b(request|diagnosis|symptoms|findings|conservativeCare|osteoporosisCare)\.[a-zA-Z]/);
  expect(text).not.toMatch(/witness/i);
  for (const word of text.split(/[^A-Za-z0-9-]+/)) expect(ids.has(word), `${d.title}: node id "${word}"`).toBe(false);
}

function expectExampleSplits(d: NamedDifference, ps: readonly CompiledPolicy[]): void {
  const decoded = caseFromHash(d.example.permalink.slice(d.example.permalink.indexOf('#')));
  if (!decoded?.ok) throw new Error(`${d.title}: the example's permalink does not decode`);
  const outcomes = d.pair.map((id) => outcomeKey(decide(ps.find((p) => p.model.payer === id)!, decoded.case)));
  expect(outcomes, d.title).toEqual(d.example.outcomes);
  expect(outcomes[0], d.title).not.toBe(outcomes[1]);
  if (d.lenient) {
    // The payer named as more permissive gets the better outcome on the example: approve > review > deny.
    const rank = (o: string) => ['deny', 'individual-review', 'approve'].indexOf(o.split(':')[0]!);
    const at = (id: string) => outcomes[d.pair.indexOf(id)]!;
    expect(rank(at(d.lenient)), d.title).toBeGreaterThan(rank(at(d.strict!)));
  }
}

const nodeIds = (ps: readonly CompiledPolicy[]) => new Set(ps.flatMap((p) => [...p.model.nodes.map((n) => n.id), ...p.model.blocks.map((b) => b.id)]));

beforeAll(async () => {
  policies = await fixturePolicies(undefined, PAYERS);
  analysis = analyse(policies, { anchors: anchors(), seed: 7, generatedPerAnchor: 200 });
});

describe('named differences on fixtures with known differences', () => {
  it('alpha vs beta: two, the level range (beta approves where alpha denies) and the pain threshold (the other way)', () => {
    const ds = named(analysis, 'alpha', 'beta');
    expect(ds.map(shape)).toEqual([
      { topic: 'treated levels', kind: 'approve-deny', lenient: 'beta', strict: 'alpha' },
      { topic: 'pain severity and course', kind: 'approve-deny', lenient: 'alpha', strict: 'beta' },
    ].sort((x, y) => ds.findIndex((d) => d.topic === x.topic) - ds.findIndex((d) => d.topic === y.topic)));
    const pain = ds.find((d) => d.topic === 'pain severity and course')!;
    // Both rules, side by side, with the thresholds written in the criteria.
    expect(pain.rules).toBe('Alpha Health requires Pain (NRS/VAS) at least 5/10; Beta Health requires Pain (NRS/VAS) at least 6/10.');
    expect(pain.title).toBe('Pain severity and course: Alpha Health approves where Beta Health denies');
    expect(pain.direction).toBe('Alpha Health approves and Beta Health denies when: Pain (NRS/VAS): 5/10.');
    expect(pain.example.words).toBe('Pain (NRS/VAS) 5/10 instead of 7/10, in a case both otherwise approve.');
    expect(pain.sides.map((s) => s.sections)).toEqual([[{ source: 'Policy › I', href: '/policies/alpha/#a-pain' }], [{ source: 'Policy › I', href: '/policies/beta/#b-pain' }]]);
    const levels = ds.find((d) => d.topic === 'treated levels')!;
    expect(levels.rules).toBe('Alpha Health requires Every treated level within T5–L5; Beta Health requires Every treated level within T1–L5.');
  });

  it('alpha vs gamma (same criteria): none', () => {
    expect(named(analysis, 'alpha', 'gamma')).toEqual([]);
    expect(analysis.matrix.find((m) => m.pair.join() === 'alpha,gamma')!.differences).toBe(0);
  });

  it('alpha vs epsilon: one, a denial category on a contraindication', () => {
    const ds = named(analysis, 'alpha', 'epsilon');
    expect(ds.map(shape)).toEqual([{ topic: 'contraindications', kind: 'category', lenient: null, strict: null }]);
    expect(ds[0]!.direction).toBe('Both deny, Alpha Health as not medically necessary and Epsilon Health as investigational, when: Pregnancy: yes.');
  });

  it('alpha vs zeta: one imaging difference that merges both imaging criteria and the facts zeta asks for', () => {
    const ds = named(analysis, 'alpha', 'zeta');
    expect(ds.map(shape)).toEqual([{ topic: 'imaging', kind: 'approve-deny', lenient: 'alpha', strict: 'zeta' }]);
    const [d] = ds;
    const witnesses = analysis.witnesses.filter((w) => w.pair.join() === 'alpha,zeta');
    expect(witnesses.map((w) => w.kind).sort()).toEqual(['approve-deny', 'approve-deny', 'information', 'information']);
    expect([...d!.themes].sort()).toEqual(witnesses.map((w) => w.theme).sort());
    expect(d!.rules).toBe('Alpha Health has no criterion on this; Zeta Health requires Acute findings (edema / uptake): yes; Imaging concordant with symptoms: yes.');
    expect(d!.direction).toContain('Alpha Health approves and Zeta Health denies when: Acute findings (edema / uptake): no; Imaging concordant with symptoms: no.');
    expect(d!.direction).toContain('Zeta Health needs to know acute findings (edema / uptake) and imaging concordant with symptoms to decide; Alpha Health decides without them.');
  });

  it('asks for more, alone on its topic, is a named difference of its own', () => {
    const [alpha, zeta] = ['alpha', 'zeta'].map((id) => policies.find((p) => p.model.payer === id)!);
    const asks = analysis.witnesses.filter((w) => w.pair.join() === 'alpha,zeta' && w.kind === 'information');
    const ds = pairDifferences(alpha!, zeta!, asks, anchors());
    expect(ds.map(shape)).toEqual([{ topic: 'imaging', kind: 'information', lenient: null, strict: 'zeta' }]);
    expect(ds[0]!.title).toBe('Imaging: Zeta Health asks for more than Alpha Health');
    expect(ds[0]!.example.outcomes).toEqual(['approve', 'needs-information']);
  });

  it('every example splits its pair as stated, and nothing shown is a field path or a node id', () => {
    expect(analysis.differences.length).toBeGreaterThan(0);
    for (const d of analysis.differences) {
      expectExampleSplits(d, policies);
      expectPlain(d, nodeIds(policies));
    }
  });

  it('a threshold changed in a policy changes the rule stated', async () => {
    const edited = await fixturePolicies({ payer: 'beta', change: (t) => t.replace('value: 6', 'value: 8') }, PAYERS);
    const again = analyse(edited, { anchors: anchors(), seed: 7, generatedPerAnchor: 200 });
    expect(named(again, 'alpha', 'beta').find((d) => d.topic === 'pain severity and course')!.rules).toContain('Beta Health requires Pain (NRS/VAS) at least 8/10');
  });
});

describe('named differences on the real policies', () => {
  let real: CompiledPolicy[];
  let result: Analysis;
  beforeAll(async () => {
    real = (await loadCompiled()).policies;
    result = analyse(real, { anchors: defaultAnchors(readPublicExamples(), real) });
  }, 120_000);

  it('a few per pair, each from the pair\'s own cases, counted by the matrix', () => {
    for (const m of result.matrix) {
      const ds = named(result, ...m.pair);
      expect(ds.length, m.pair.join()).toBeLessThanOrEqual(MAX_DIFFERENCES);
      expect(m.differences).toBe(ds.length);
      if (m.themes > 0) expect(ds.length).toBeGreaterThan(0);
      const themes = new Set(result.witnesses.filter((w) => w.pair.join() === m.pair.join()).map((w) => w.theme));
      for (const d of ds) for (const t of d.themes) expect(themes.has(t)).toBe(true);
      expect(new Set(ds.map((d) => d.key)).size).toBe(ds.length);
    }
  });

  it('each example splits its pair as stated; each cited section links to a criterion of that payer; all in plain words', () => {
    const ids = nodeIds(real);
    for (const d of result.differences) {
      expectExampleSplits(d, real);
      expectPlain(d, ids);
      for (const s of d.sides) for (const c of s.sections) {
        const m = /^\/policies\/([a-z0-9-]+)\/(?:#(.+))?$/.exec(c.href);
        expect(m?.[1], c.href).toBe(s.payer);
        if (m?.[2]) expect(real.find((p) => p.model.payer === s.payer)!.model.nodes.some((n) => n.id === m[2])).toBe(true);
      }
    }
  });

  it('records where one payer asks for more on the same facts', () => {
    expect(result.witnesses.some((w) => w.kind === 'information')).toBe(true);
    expect(result.differences.some((d) => d.direction.includes('needs to know'))).toBe(true);
  });
});

/**
 * "Where they disagree" on the real policies, with the public cases (../shared/cases: the expected decisions)
 * and small variations of them. Level sentences are checked against decide() on the varied case.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compareCase } from '../../src/lib/compare/comparison.ts';
import type { Disagreement, Line } from '../../src/lib/compare/disagreement.ts';
import { payerName } from '../../src/lib/compare/words.ts';
import type { Case } from '../../src/lib/criteria/case-schema.ts';
import type { CompiledPolicy } from '../../src/lib/criteria/compile.ts';
import { decide } from '../../src/lib/criteria/decide.ts';
import type { Level } from '../../src/lib/criteria/levels.ts';
import { loadCompiled } from '../../src/lib/criteria/load.ts';
import { sharedCase, sharedCases } from '../fixtures/shared-cases.ts';

let policies: CompiledPolicy[] = [];
beforeAll(async () => {
  policies = (await loadCompiled()).policies;
});

const policy = (payer: string) => policies.find((p) => p.model.payer === payer)!;
const favourable = (payer: string, c: Case) => ['approve', 'needs-information'].includes(decide(policy(payer), c, { explain: false }).decision);
const atLevels = (c: Case, levels: Level[]): Case => ({ ...c, request: { ...c.request, levels } });
const levelLine = (d: Disagreement) => d.lines.find((l): l is Extract<Line, { kind: 'levels' }> => l.kind === 'levels');
const countLine = (d: Disagreement) => d.lines.find((l): l is Extract<Line, { kind: 'level-count' }> => l.kind === 'level-count');

/** Every link points at a node that exists in that payer's policy. */
function expectLinksResolve(d: Disagreement): void {
  const hrefs = [...d.lines.flatMap((l) => l.parts.map((p) => p.href)), ...d.sides.flatMap((s) => s.payers.flatMap((p) => p.reasons.map((r) => r.href)))].filter((h): h is string => !!h);
  for (const href of hrefs) {
    const m = /^\/policies\/([a-z0-9-]+)\/#([a-z0-9-]+)$/.exec(href);
    expect(m, href).not.toBeNull();
    expect(policy(m![1]!).model.nodes.some((n) => n.id === m![2]), href).toBe(true);
  }
}

describe.each(sharedCases().map((c) => [c.name, c] as const))('public case %s', (_, shared) => {
  it('groups the payers by the decisions the case expects, and names them in the headline', () => {
    const { results, disagreement: d } = compareCase(policies, shared.case);
    const expected = new Map(Object.entries(shared.expected).map(([payer, e]) => [payer, e.decision]));
    for (const r of results) if (expected.has(r.payer)) expect(r.decision, r.payer).toBe(expected.get(r.payer));
    const decisions = new Set(expected.values());
    expect(d.agree).toBe(decisions.size === 1);
    if (d.agree) {
      expect(d.sides).toEqual([]);
      return;
    }
    expect(d.sides.map((s) => s.decision).sort()).toEqual([...decisions].sort());
    for (const side of d.sides) for (const p of side.payers) if (expected.has(p.payer)) expect(expected.get(p.payer)).toBe(side.decision);
    expect(d.sides.flatMap((s) => s.payers.map((p) => p.payer)).sort()).toEqual(policies.map((p) => p.model.payer).sort());
    for (const p of policies) expect(d.headline.split(payerName(p.model)).length - 1, payerName(p.model)).toBe(1);
    // Each side is explained by its payers' deciding criteria, linked into the policy pages.
    for (const side of d.sides) for (const p of side.payers) {
      const r = results.find((x) => x.payer === p.payer)!;
      expect(p.reasons.map((x) => x.node)).toEqual(r.reasons.map((x) => x.node));
    }
    expectLinksResolve(d);
  });
});

describe('levels in words', () => {
  it('says the upper-thoracic split as level ranges, each checked against the policy', () => {
    const shared = sharedCase('upper-thoracic-t2');
    const { disagreement: d } = compareCase(policies, shared.case);
    const line = levelLine(d);
    expect(line?.atIssue).toEqual(['T2']);
    expect(line!.text.startsWith('T2: ')).toBe(true);
    for (const g of line!.groups) {
      for (const payer of g.payers) {
        // The payers that allow T2 are the ones the public case expects to approve.
        expect(g.allowed.includes('T2'), payer).toBe(shared.expected[payer]!.decision === 'approve');
        // And each range is what the policy does with that one level, other facts as given.
        for (const level of g.allowed) expect(favourable(payer, atLevels(shared.case, [level])), `${payer} ${level}`).toBe(true);
        expect(line!.text).toContain(payerName(policy(payer).model));
      }
    }
    expect(line!.parts.filter((p) => p.href).length).toBe(policies.length);
    expectLinksResolve(d);
  });

  it('says nothing about levels when the level is not what splits them', () => {
    const stenting = sharedCase('stenting');
    expect(levelLine(compareCase(policies, stenting.case).disagreement)).toBeUndefined();
    // The same upper-thoracic picture moved to a level every payer covers: no level sentence.
    const t2 = sharedCase('upper-thoracic-t2').case;
    const l3 = sharedCase('subacute-osteoporotic-l3').case;
    const moved = compareCase(policies, atLevels(t2, l3.request!.levels as Level[])).disagreement;
    expect(levelLine(moved)).toBeUndefined();
  });

  it('names a split on a second treated level too', () => {
    const c = atLevels(sharedCase('upper-thoracic-t2').case, ['T2', 'L2']);
    const line = levelLine(compareCase(policies, c).disagreement);
    expect(line?.atIssue).toEqual(['T2']);
  });

  it('says how many levels each payer allows when a count decides', () => {
    const shared = sharedCase('five-levels');
    const treated = shared.case.request!.levels as Level[];
    const { disagreement: d } = compareCase(policies, shared.case);
    const line = countLine(d);
    expect(line?.treated).toEqual(treated);
    expect(new Set(line!.groups.map((g) => g.upTo)).size).toBeGreaterThan(1);
    for (const g of line!.groups) for (const payer of g.payers) {
      if (g.upTo > 0) expect(favourable(payer, atLevels(shared.case, treated.slice(0, g.upTo))), payer).toBe(true);
      if (g.upTo < treated.length) expect(favourable(payer, atLevels(shared.case, treated.slice(0, g.upTo + 1))), payer).toBe(false);
    }
    expectLinksResolve(d);
  });

  it('leaves payers with no policy in effect out of the level analysis', () => {
    const shared = sharedCase('before-regence-effective');
    const notInEffect = Object.entries(shared.expected).filter(([, e]) => e.decision === 'not-in-effect').map(([p]) => p);
    expect(notInEffect.length).toBeGreaterThan(0);
    const c = atLevels(shared.case, ['T2']);
    const line = levelLine(compareCase(policies, c).disagreement);
    for (const p of notInEffect) expect(line?.groups.flatMap((g) => g.payers) ?? []).not.toContain(p);
  });
});

/**
 * The lint search (never met / never fails): its candidate values, its verdicts against brute force on
 * generated trees, and the real policies coming out clean. Positions and wording are in lint-fixtures.test.ts.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { F, T } from '../../src/lib/criteria/kleene.ts';
import type { Level } from '../../src/lib/criteria/levels.ts';
import { itemCandidates, levelCandidates, numberCandidates } from '../../src/lib/criteria/lint-domains.ts';
import { isPlaceholder } from '../../src/lib/criteria/lint-references.ts';
import { caseOf, prove, requiresDocumentedOnly, unsatisfiable } from '../../src/lib/criteria/lint-satisfiable.ts';
import { lintModel } from '../../src/lib/criteria/lint.ts';
import { loadCompiled } from '../../src/lib/criteria/load.ts';
import { inlinePolicy } from '../fixtures/inline-policy.ts';

describe('candidate values', () => {
  it('numbers: thresholds, bounds and the midpoints between them (4.5 lies between `gt 4` and `lt 5`)', () => {
    expect(numberCandidates([5, 4, 5, 12], 0, 10)).toEqual([0, 2, 4, 4.5, 5, 7.5, 10]);
  });

  it('levels: one list per set of classes, at least one level, and the counts `level-count` tells apart', () => {
    const lists = levelCandidates([['T5', 'T6'] as Level[]], [2]);
    // Two classes (in T5–T6, outside it): {in}, {out}, {both}, then 2 and 3 levels where a class can supply them.
    expect(lists.every((l) => l.length >= 1)).toBe(true);
    expect(lists).toContainEqual(['T5']);
    expect(lists).toContainEqual(['C1']);
    expect(lists).toContainEqual(['C1', 'T5']);
    expect(lists).toContainEqual(['T5', 'T6']);
    const inside = (l: Level[]) => l.filter((x) => x === 'T5' || x === 'T6').length;
    expect(lists.some((l) => l.length === 3 && inside(l) > 0 && inside(l) < 3)).toBe(true);
    expect(lists.some((l) => l.length === 3 && inside(l) === 0)).toBe(true);
    expect(lists.some((l) => l.length === 3 && inside(l) === 3), 'T5–T6 has only two levels').toBe(false);
  });

  it('therapies: lists of one kind that differ in the nodes they satisfy, including two courses', () => {
    const profiles = [6, 10].flatMap((weeks) => ['failed', 'improved'].map((outcome) => ({ kind: 'physical-therapy', weeks, outcome })));
    const outcomeIs = (outcome: string) => (t: Record<string, unknown>) => t.outcome === outcome;
    const lists = itemCandidates(profiles, [outcomeIs('failed'), outcomeIs('improved')]);
    expect(lists.map((l) => l.map((t) => t.outcome))).toEqual([[], ['failed'], ['improved'], ['failed', 'improved']]);
  });
});

describe('placeholders', () => {
  it('blank, TODO-like and punctuation-only values are placeholders; real references are not', () => {
    for (const p of ['', '  ', 'TODO', 'todo', 'Policy › I (TBD)', 'FIXME: section', '?', '…', 'n/a']) expect(isPlaceholder(p), p).toBe(true);
    for (const r of ['Policy › I', 'Medical Necessity Criteria › Indications', 'Todos los casos', 'Section 2.b']) expect(isPlaceholder(r), r).toBe(false);
  });
});

describe('real policies', async () => {
  const { policies } = await loadCompiled();
  it.each(policies.map((p) => [p.model.payer, p] as const))('%s: every node can be met and can fail (or only requires a fact), decided within budget', (_, policy) => {
    const { solver, undecided } = prove(policy);
    expect(undecided).toEqual([]);
    const stuck = policy.model.nodes.filter((n) => solver.impossible[n.index]!.size > 0);
    expect(stuck.filter((n) => !requiresDocumentedOnly(n)).map((n) => n.id)).toEqual([]);
    expect(lintModel(policy)).toEqual([]);
  });
});

// ---- Generated trees against brute force -------------------------------------------------------------------
// The solver proves "impossible" over its candidate values; brute force tries a denser grid of real cases. A
// node the solver calls impossible must have no witness in the grid (soundness). Every "possible" verdict is
// already checked inside prove(): its case is run through the compiled evaluator.

const LEVEL_PICKS: Level[] = ['C3', 'C4', 'C5', 'T2', 'T3', 'T4', 'T8', 'T9', 'T10', 'L2', 'L3', 'L4', 'S2', 'S3', 'S4', 'Co'];
const levelLists = (() => {
  const out: Level[][] = [];
  const n = LEVEL_PICKS.length;
  for (let a = 0; a < n; a++) {
    out.push([LEVEL_PICKS[a]!]);
    for (let b = a + 1; b < n; b++) {
      out.push([LEVEL_PICKS[a]!, LEVEL_PICKS[b]!]);
      for (let c = b + 1; c < n; c++) out.push([LEVEL_PICKS[a]!, LEVEL_PICKS[b]!, LEVEL_PICKS[c]!]);
    }
  }
  return out;
})();
type Therapy = { kind: string; weeks: number; outcome: string };
const courses = (kind: string): Therapy[][] => {
  const singles = [3, 5, 7].flatMap((weeks) => ['failed', 'improved'].map((outcome) => ({ kind, weeks, outcome })));
  return [[], ...singles.map((s) => [s]), ...singles.flatMap((s, i) => singles.slice(i + 1).map((t) => [s, t]))];
};
/** Grid per fact family: [case path, values]. */
const GRID: Record<string, [string[], unknown[]]> = {
  pain: [['symptoms', 'painNrs'], Array.from({ length: 41 }, (_, i) => i / 4)],
  pregnant: [['findings', 'pregnant'], [true, false]],
  etiology: [['diagnosis', 'etiology'], ['osteoporotic', 'hemangioma', 'none', 'multiple-myeloma']],
  levels: [['request', 'levels'], levelLists],
  pt: [['pt'], courses('physical-therapy')],
  orthosis: [['orthosis'], courses('orthosis')],
};

const COMPARE = ['lt', 'le', 'gt', 'ge', 'eq', 'ne'] as const;
const LEAVES: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  pain: fc.record({ kind: fc.constant('fact'), fact: fc.constant('symptoms.painNrs'), op: fc.constantFrom(...COMPARE), value: fc.integer({ min: 0, max: 10 }) }),
  pregnant: fc.record({ kind: fc.constant('fact'), fact: fc.constant('findings.pregnant'), op: fc.constantFrom('eq', 'ne'), value: fc.boolean() }),
  etiology: fc.record({ kind: fc.constant('fact'), fact: fc.constant('diagnosis.etiology'), op: fc.constantFrom('in', 'not-in'), value: fc.subarray(['osteoporotic', 'hemangioma', 'none'], { minLength: 1 }) }),
  levels: fc.oneof(
    fc.record({ kind: fc.constant('levels'), quantifier: fc.constantFrom('every', 'some', 'none'), within: fc.constantFrom('T5-L5', 'T1-T4', 'S1-S5, Co', 'L1-L5') }),
    fc.record({ kind: fc.constant('level-count'), op: fc.constantFrom(...COMPARE), value: fc.integer({ min: 0, max: 2 }) }),
  ),
  therapies: fc.subarray(['physical-therapy', 'orthosis'], { minLength: 1 }).chain((kinds) => fc.record({
    kind: fc.constant('therapies'),
    kinds: fc.constant(kinds),
    outcome: fc.option(fc.constantFrom('failed', 'improved'), { nil: undefined }),
    weeks: fc.option(fc.record({ op: fc.constantFrom('ge', 'lt'), value: fc.constantFrom(4, 6) }), { nil: undefined }),
    atLeast: fc.integer({ min: 1, max: kinds.length }),
  }, { requiredKeys: ['kind', 'kinds', 'atLeast'] })),
};

function treeOf(families: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const leaf = fc.oneof(...families.map((f) => LEAVES[f]!));
  const { node } = fc.letrec<{ node: Record<string, unknown> }>((tie) => ({
    node: fc.oneof({ maxDepth: 3, depthIdentifier: 'tree' },
      leaf,
      fc.record({ kind: fc.constantFrom('all', 'any'), of: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).chain((of) => fc.record({ kind: fc.constant('at-least'), n: fc.integer({ min: 1, max: of.length }), of: fc.constant(of) })),
      fc.record({ kind: fc.constant('not'), of: tie('node') })),
  }));
  return node;
}

/** Gives every node an id and a label, as authors must. */
function named(node: Record<string, unknown>, counter = { n: 0 }): Record<string, unknown> {
  const id = `n${counter.n++}`;
  const of = node.of === undefined ? undefined : Array.isArray(node.of) ? node.of.map((c) => named(c, counter)) : named(node.of as Record<string, unknown>, counter);
  return { id, label: `Criterion ${id}`, ...node, ...(of !== undefined && { of }) };
}

const sample = fc.subarray(Object.keys(LEAVES), { minLength: 1, maxLength: 3 }).chain((families) => treeOf(families).map((tree) => ({ families, tree: named(tree) })));

/** Every case of the grid over the families the tree reads, or null when there are too many to try. */
function grid(tree: Record<string, unknown>): Array<Record<string, unknown>> | null {
  const text = JSON.stringify(tree);
  const used = Object.keys(GRID).filter((k) => ({
    pain: text.includes('symptoms.painNrs'), pregnant: text.includes('findings.pregnant'), etiology: text.includes('diagnosis.etiology'),
    levels: text.includes('"levels"') || text.includes('level-count'), pt: text.includes('physical-therapy'), orthosis: text.includes('orthosis'),
  })[k]);
  const size = used.reduce((n, k) => n * GRID[k]![1].length, 1);
  if (size > 150_000) return null;
  let cases: Array<Record<string, unknown>> = [{}];
  for (const k of used) {
    const [path, values] = GRID[k]!;
    cases = cases.flatMap((c) => values.map((v) => ({ ...c, [path.join('.')]: v })));
  }
  return cases.map((flat) => {
    const c: Record<string, Record<string, unknown>> = {};
    const therapies = [...((flat.pt as Therapy[] | undefined) ?? []), ...((flat.orthosis as Therapy[] | undefined) ?? [])];
    if ('pt' in flat || 'orthosis' in flat) c.conservativeCare = { therapies };
    for (const [path, v] of Object.entries(flat)) {
      if (path === 'pt' || path === 'orthosis') continue;
      const [group, key] = path.split('.') as [string, string];
      (c[group] ??= {})[key] = v;
    }
    return c;
  });
}

describe('generated trees against brute force', () => {
  it('a node the search proves never met (or never failing) has no such case in a dense grid', async () => {
    let compared = 0;
    let proofs = 0;
    await fc.assert(fc.asyncProperty(sample, async ({ tree }) => {
      const cases = grid(tree);
      if (!cases) return;
      const yaml = stringify({ id: 'gen', role: 'indication', title: 'Generated', source: 'Generated › I', tree });
      const policy = await inlinePolicy([yaml]);
      const { solver, undecided } = prove(policy);
      expect(undecided).toEqual([]);
      const seen = policy.model.nodes.map(() => new Set<number>());
      for (const c of cases) policy.trace(c).forEach((v, i) => seen[i]!.add(v));
      for (const node of policy.model.nodes) {
        for (const value of [T, F] as const) {
          if (!solver.impossible[node.index]!.has(value)) continue;
          proofs++;
          expect(seen[node.index]!.has(value), `${node.id} proven never ${value === T ? 'met' : 'failing'}, but a grid case gives it:\n${yaml}`).toBe(false);
        }
      }
      compared++;
      unsatisfiable(policy); // reporting (cores, explanations) must not throw either
    }), { seed: 42, numRuns: 100 });
    expect(compared).toBeGreaterThan(80);
    expect(proofs).toBeGreaterThan(0);
  }, 60_000);

  it('caseOf: the case an assignment describes, unassigned facts absent', () => {
    const model = { nodes: [{ kind: 'therapies', kinds: ['orthosis', 'bed-rest'] }] } as never;
    const asg = new Map<string, unknown>([
      ['symptoms.painNrs', 4.5],
      ['request.levels', ['L1']],
      ['conservativeCare.therapies[kind=bed-rest]', [{ kind: 'bed-rest', weeks: 2, outcome: 'failed' }]],
      ['conservativeCare.therapies[kind=orthosis]', []],
    ]);
    expect(caseOf(model, asg)).toEqual({
      symptoms: { painNrs: 4.5 },
      request: { levels: ['L1'] },
      conservativeCare: { therapies: [{ kind: 'bed-rest', weeks: 2, outcome: 'failed' }] },
    });
  });
});

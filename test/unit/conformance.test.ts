/**
 * One conformance table, in the spirit of json-logic-engine's shared suite and CQL's logical-operator tests:
 * rows of {node, case, expected Kleene value}, run against every evaluator — the reference interpreter, the
 * compiled fast path (`blocks`), the compiled traced path (`trace`), the browser's slim module (both), the
 * lint's evaluation of partial assignments, and the FHIR export's ELM run by cql-execution. It covers every kind and every fact operator (used by a policy or
 * not), and unknowns in every position: absent facts, absent groups, absent lists, items with unknown fields,
 * and, for the combinators, every assignment of met / not met / unknown to every child.
 */
import { describe, expect, it } from 'vitest';
import { caseSchema } from '../../src/lib/criteria/case-schema.ts';
import { compileModule, type CompiledPolicy } from '../../src/lib/criteria/compile.ts';
import { interpret } from '../../src/lib/criteria/interpret.ts';
import { FACT_OPS } from '../../src/lib/criteria/kinds/fact.ts';
import { KIND_NAMES } from '../../src/lib/criteria/kinds/registry.ts';
import { F, T, U, type Truth } from '../../src/lib/criteria/kleene.ts';
import { buildDomains, leafVars } from '../../src/lib/criteria/lint-domains.ts';
import { Solver } from '../../src/lib/criteria/lint-search.ts';
import { importCompiled } from '../../src/lib/criteria/load.ts';
import { formatMessage } from '../../src/lib/criteria/messages.ts';
import type { PolicyModel } from '../../src/lib/criteria/model.ts';
import { parseMdx } from '../../src/lib/criteria/parse.ts';
import { readPath } from '../../src/lib/criteria/paths.ts';
import { validate } from '../../src/lib/criteria/validate.ts';
import { buildElmLibrary } from '../../src/lib/fhir/library.ts';
import { elmRunner, truthOf } from '../../src/lib/fhir/run-elm.ts';
import { policyMdx } from '../fixtures/inline-policy.ts';

type Node = Record<string, unknown>;
type Row = { name: string; node: Node; case: Record<string, unknown>; expected: Truth };

const pain = (op: string, value: number) => ({ kind: 'fact', fact: 'symptoms.painNrs', op, value });
const flag = (name: string) => ({ kind: 'fact', fact: `findings.${name}`, op: 'eq', value: true });
const therapy = (kind: string, weeks?: number, outcome?: string) => ({ kind, ...(weeks === undefined ? {} : { weeks }), ...(outcome ? { outcome } : {}) });
const care = (...list: object[]) => ({ conservativeCare: { therapies: list } });

/** Literal rows for the leaves: every operator, met, not met and unknown. */
const LEAVES: Array<[string, Node, Record<string, unknown>, Truth]> = [
  // fact: numbers, every comparison, at and around the threshold, and absent at every depth
  ['eq met', pain('eq', 8), { symptoms: { painNrs: 8 } }, T],
  ['eq not met', pain('eq', 8), { symptoms: { painNrs: 7 } }, F],
  ['ne met', pain('ne', 8), { symptoms: { painNrs: 7 } }, T],
  ['ne not met', pain('ne', 8), { symptoms: { painNrs: 8 } }, F],
  ['lt met', pain('lt', 8), { symptoms: { painNrs: 7.5 } }, T],
  ['lt at threshold', pain('lt', 8), { symptoms: { painNrs: 8 } }, F],
  ['le at threshold', pain('le', 8), { symptoms: { painNrs: 8 } }, T],
  ['le above', pain('le', 8), { symptoms: { painNrs: 9 } }, F],
  ['gt above', pain('gt', 8), { symptoms: { painNrs: 8.5 } }, T],
  ['gt at threshold', pain('gt', 8), { symptoms: { painNrs: 8 } }, F],
  ['ge at threshold', pain('ge', 8), { symptoms: { painNrs: 8 } }, T],
  ['ge below', pain('ge', 8), { symptoms: { painNrs: 0 } }, F],
  ['number absent', pain('ge', 8), { symptoms: {} }, U],
  ['group absent', pain('ge', 8), {}, U],
  ['ne with fact absent is unknown, not met', pain('ne', 8), {}, U],
  // fact: booleans
  ['boolean eq true', flag('pregnant'), { findings: { pregnant: true } }, T],
  ['boolean eq false', flag('pregnant'), { findings: { pregnant: false } }, F],
  ['boolean absent', flag('pregnant'), { findings: {} }, U],
  ['boolean ne', { kind: 'fact', fact: 'findings.pregnant', op: 'ne', value: true }, { findings: { pregnant: false } }, T],
  // fact: enums, in / not-in (short and long lists), and a nested group
  ['enum eq', { kind: 'fact', fact: 'coverage', op: 'eq', value: 'medicare' }, { coverage: 'medicare' }, T],
  ['enum ne', { kind: 'fact', fact: 'coverage', op: 'ne', value: 'medicare' }, { coverage: 'medicare' }, F],
  ['in met', { kind: 'fact', fact: 'coverage', op: 'in', value: ['commercial', 'medicaid'] }, { coverage: 'medicaid' }, T],
  ['in not met', { kind: 'fact', fact: 'coverage', op: 'in', value: ['commercial', 'medicaid'] }, { coverage: 'medicare' }, F],
  ['in absent', { kind: 'fact', fact: 'coverage', op: 'in', value: ['commercial', 'medicaid'] }, {}, U],
  ['not-in met', { kind: 'fact', fact: 'coverage', op: 'not-in', value: ['commercial'] }, { coverage: 'medicare' }, T],
  ['not-in not met', { kind: 'fact', fact: 'coverage', op: 'not-in', value: ['commercial'] }, { coverage: 'commercial' }, F],
  ['not-in absent', { kind: 'fact', fact: 'coverage', op: 'not-in', value: ['commercial'] }, {}, U],
  ['long in list (a Set when compiled)', { kind: 'fact', fact: 'diagnosis.etiology', op: 'in', value: ['osteoporotic', 'steroid-induced', 'osteonecrosis', 'hemangioma', 'multiple-myeloma'] }, { diagnosis: { etiology: 'hemangioma' } }, T],
  ['long not-in list', { kind: 'fact', fact: 'diagnosis.etiology', op: 'not-in', value: ['osteoporotic', 'steroid-induced', 'osteonecrosis', 'hemangioma', 'multiple-myeloma'] }, { diagnosis: { etiology: 'none' } }, T],
  ['nested group absent', { kind: 'fact', fact: 'diagnosis.imaging.acuteFindings', op: 'eq', value: true }, { diagnosis: {} }, U],
  // fact: lists read with has (enrolment implies referral)
  ['has met', { kind: 'fact', fact: 'osteoporosisCare', op: 'has', value: 'bmd-referral' }, { osteoporosisCare: ['bmd-referral'] }, T],
  ['has not met', { kind: 'fact', fact: 'osteoporosisCare', op: 'has', value: 'bmd-referral' }, { osteoporosisCare: [] }, F],
  ['has absent', { kind: 'fact', fact: 'osteoporosisCare', op: 'has', value: 'bmd-referral' }, {}, U],
  ['has: enrolled implies referred', { kind: 'fact', fact: 'osteoporosisCare', op: 'has', value: 'program-referral' }, { osteoporosisCare: ['program-enrolled'] }, T],
  ['has: referred does not imply enrolled', { kind: 'fact', fact: 'osteoporosisCare', op: 'has', value: 'program-enrolled' }, { osteoporosisCare: ['program-referral'] }, F],
  // fact: text (a fact no policy reads)
  ['text eq', { kind: 'fact', fact: 'id', op: 'eq', value: 'case-1' }, { id: 'case-1' }, T],
  ['text ne', { kind: 'fact', fact: 'id', op: 'ne', value: 'case-1' }, { id: 'case-2' }, T],
  ['text absent', { kind: 'fact', fact: 'id', op: 'eq', value: 'case-1' }, {}, U],
  // the one-line test form reads the same
  ['test form >=', { test: 'symptoms.painNrs >= 8' }, { symptoms: { painNrs: 9 } }, T],
  ['test form in', { test: 'coverage in [commercial, medicaid]' }, { coverage: 'medicare' }, F],
  ['test form has, absent', { test: 'osteoporosisCare has bmd-referral' }, {}, U],
  // levels: every / some / none; inside, partly inside, outside, absent (an empty list is refused by the case schema)
  ['every inside', { kind: 'levels', quantifier: 'every', within: 'T5-L5' }, { request: { levels: ['T5', 'L5'] } }, T],
  ['every partly', { kind: 'levels', quantifier: 'every', within: 'T5-L5' }, { request: { levels: ['T4', 'T5'] } }, F],
  ['every outside', { kind: 'levels', quantifier: 'every', within: 'T5-L5' }, { request: { levels: ['T2'] } }, F],
  ['every absent', { kind: 'levels', quantifier: 'every', within: 'T5-L5' }, { request: {} }, U],
  ['some partly', { kind: 'levels', quantifier: 'some', within: 'S1-S5, Co' }, { request: { levels: ['L5', 'Co'] } }, T],
  ['some outside', { kind: 'levels', quantifier: 'some', within: 'S1-S5, Co' }, { request: { levels: ['L5'] } }, F],
  ['some absent', { kind: 'levels', quantifier: 'some', within: 'S1-S5, Co' }, {}, U],
  ['none outside', { kind: 'levels', quantifier: 'none', within: 'C1-C7' }, { request: { levels: ['T1'] } }, T],
  ['none inside', { kind: 'levels', quantifier: 'none', within: 'C1-C7' }, { request: { levels: ['C7', 'T1'] } }, F],
  ['none absent', { kind: 'levels', quantifier: 'none', within: 'C1-C7' }, {}, U],
  ['test form levels', { test: 'no level in C1-C7' }, { request: { levels: ['T1'] } }, T],
  // level-count: every comparison
  ['count eq', { kind: 'level-count', op: 'eq', value: 2 }, { request: { levels: ['T5', 'T6'] } }, T],
  ['count ne', { kind: 'level-count', op: 'ne', value: 2 }, { request: { levels: ['T5', 'T6'] } }, F],
  ['count lt', { kind: 'level-count', op: 'lt', value: 2 }, { request: { levels: ['T5'] } }, T],
  ['count le', { kind: 'level-count', op: 'le', value: 3 }, { request: { levels: ['T5', 'T6', 'T7', 'T8'] } }, F],
  ['count gt', { kind: 'level-count', op: 'gt', value: 1 }, { request: { levels: ['L1'] } }, F],
  ['count ge', { kind: 'level-count', op: 'ge', value: 1 }, { request: { levels: ['L1'] } }, T],
  ['count absent', { kind: 'level-count', op: 'le', value: 3 }, {}, U],
  ['test form count', { test: 'level count <= 3' }, { request: { levels: ['L1', 'L2'] } }, T],
  // therapies: kinds, outcome, weeks (every comparison), atLeast; unknown fields of items; absent list
  ['therapies met', { kind: 'therapies', kinds: ['physical-therapy', 'orthosis'], outcome: 'failed', weeks: { op: 'ge', value: 6 }, atLeast: 1 }, care(therapy('orthosis', 6, 'failed')), T],
  ['therapies too short', { kind: 'therapies', kinds: ['physical-therapy', 'orthosis'], outcome: 'failed', weeks: { op: 'ge', value: 6 }, atLeast: 1 }, care(therapy('orthosis', 5, 'failed')), F],
  ['therapies weeks unknown', { kind: 'therapies', kinds: ['physical-therapy', 'orthosis'], outcome: 'failed', weeks: { op: 'ge', value: 6 }, atLeast: 1 }, care(therapy('orthosis', undefined, 'failed')), U],
  ['therapies outcome unknown', { kind: 'therapies', kinds: ['orthosis'], outcome: 'failed', atLeast: 1 }, care(therapy('orthosis', 8)), U],
  ['therapies improved', { kind: 'therapies', kinds: ['orthosis'], outcome: 'failed', atLeast: 1 }, care(therapy('orthosis', 8, 'improved')), F],
  ['therapies other kind', { kind: 'therapies', kinds: ['orthosis'], atLeast: 1 }, care(therapy('bed-rest', 8, 'failed')), F],
  ['therapies empty list', { kind: 'therapies', kinds: ['orthosis'], atLeast: 1 }, care(), F],
  ['therapies absent list', { kind: 'therapies', kinds: ['orthosis'], atLeast: 1 }, { conservativeCare: {} }, U],
  ['therapies 2 kinds needed, 1 met 1 unknown', { kind: 'therapies', kinds: ['orthosis', 'bed-rest'], outcome: 'failed', atLeast: 2 }, care(therapy('orthosis', 1, 'failed'), therapy('bed-rest', 1)), U],
  ['therapies 2 kinds needed, same kind twice', { kind: 'therapies', kinds: ['orthosis', 'bed-rest'], outcome: 'failed', atLeast: 2 }, care(therapy('orthosis', 1, 'failed'), therapy('orthosis', 2, 'failed')), F],
  ['therapies a later course of a kind qualifies', { kind: 'therapies', kinds: ['orthosis'], outcome: 'failed', atLeast: 1 }, care(therapy('orthosis', 1, 'improved'), therapy('orthosis', 2, 'failed')), T],
  ['therapies all kinds by default', { kind: 'therapies', atLeast: 1 }, care(therapy('bed-rest')), T],
  ['therapies weeks lt', { kind: 'therapies', kinds: ['bed-rest'], weeks: { op: 'lt', value: 2 }, atLeast: 1 }, care(therapy('bed-rest', 1)), T],
  ['therapies weeks le', { kind: 'therapies', kinds: ['bed-rest'], weeks: { op: 'le', value: 2 }, atLeast: 1 }, care(therapy('bed-rest', 3)), F],
  ['therapies weeks gt', { kind: 'therapies', kinds: ['bed-rest'], weeks: { op: 'gt', value: 2 }, atLeast: 1 }, care(therapy('bed-rest', 3)), T],
  ['therapies weeks eq', { kind: 'therapies', kinds: ['bed-rest'], weeks: { op: 'eq', value: 2 }, atLeast: 1 }, care(therapy('bed-rest', 2)), T],
  ['therapies weeks ne', { kind: 'therapies', kinds: ['bed-rest'], weeks: { op: 'ne', value: 2 }, atLeast: 1 }, care(therapy('bed-rest', 2)), F],
  ['test form therapies', { test: 'therapies 2 of [orthosis, bed-rest] failed weeks >= 6' }, care(therapy('orthosis', 6, 'failed'), therapy('bed-rest', 7, 'failed')), T],
];

/** Child i is `symptoms`-free: each child reads its own boolean, so every child takes any value independently. */
const CHILD_FLAGS = ['pregnant', 'myelopathy', 'septicemia'] as const;
const flagCase = (values: readonly Truth[]) => ({ findings: Object.fromEntries(values.flatMap((v, i) => (v === U ? [] : [[CHILD_FLAGS[i]!, v === T]]))) });

function* assignments(n: number): Generator<Truth[]> {
  if (n === 0) { yield []; return; }
  for (const rest of assignments(n - 1)) for (const v of [F, U, T] as const) yield [v, ...rest];
}

/** The combinators' expected values, by the Kleene truth tables (counted here, independently of kinds/). */
function expectedCombination(kind: string, values: readonly Truth[], n = 0): Truth {
  const met = values.filter((v) => v === T).length;
  const open = values.filter((v) => v === U).length;
  const need = kind === 'all' ? values.length : kind === 'any' ? 1 : n;
  return met >= need ? T : met + open < need ? F : U;
}

const COMBINATORS: Row[] = [];
for (const [kind, arity, n] of [['all', 3, 0], ['any', 3, 0], ['at-least', 3, 2], ['at-least', 3, 1], ['at-least', 3, 3], ['not', 1, 0]] as const) {
  for (const values of assignments(arity)) {
    const kids = CHILD_FLAGS.slice(0, arity).map(flag);
    const node = kind === 'not' ? { kind, of: kids[0] } : { kind, ...(kind === 'at-least' ? { n } : {}), of: kids };
    const expected = kind === 'not' ? ((T - values[0]!) as Truth) : expectedCombination(kind, values, n);
    COMBINATORS.push({ name: `${kind}${n ? ` ${n}` : ''} of [${values.join(', ')}]`, node, case: flagCase(values), expected });
  }
}
// Nesting: unknown under a NOT under an ANY, and a settled sibling that decides regardless.
COMBINATORS.push(
  { name: 'any(not(unknown), met)', node: { kind: 'any', of: [{ kind: 'not', of: flag('pregnant') }, flag('myelopathy')] }, case: flagCase([U, T]), expected: T },
  { name: 'all(not(unknown), met)', node: { kind: 'all', of: [{ kind: 'not', of: flag('pregnant') }, flag('myelopathy')] }, case: flagCase([U, T]), expected: U },
  { name: 'all(not(met), unknown)', node: { kind: 'all', of: [{ kind: 'not', of: flag('pregnant') }, flag('myelopathy')] }, case: flagCase([T, U]), expected: F },
);

const ROWS: Row[] = [...LEAVES.map(([name, node, c, expected]) => ({ name, node, case: c, expected })), ...COMBINATORS];

/** Every row as one block of one policy: ids and labels are filled in (test-form rows keep their generated label). */
function policyOf(rows: readonly Row[]): string {
  let count = 0;
  const named = (node: Node): Node => {
    const out: Node = { id: `n${count++}`, ...node };
    if (!('test' in node)) out.label = String(out.id);
    if (Array.isArray(node.of)) out.of = node.of.map((k) => named(k as Node));
    else if (node.of) out.of = named(node.of as Node);
    return out;
  };
  return policyMdx(rows.map((r, i) => `id: row-${i}\nrole: indication\ntitle: "${r.name}"\nsource: "Table"\ntree: ${JSON.stringify(named(r.node))}`));
}

const { model, messages } = validate(parseMdx('conformance.mdx', policyOf(ROWS)));

async function importSource(source: string): Promise<CompiledPolicy> {
  return (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as CompiledPolicy;
}

/** The lint's evaluation: the case as a partial assignment of the variables the row's leaves read. */
function lintValue(m: PolicyModel, root: number, c: unknown): Truth {
  const solver = new Solver(m, buildDomains(m));
  const asg = new Map<string, unknown>();
  const visit = (i: number) => {
    for (const v of leafVars(m.nodes[i]!)) {
      const x = readPath(c, v);
      if (x !== undefined && x !== null) asg.set(v, x);
    }
    m.nodes[i]!.children.forEach(visit);
  };
  visit(root);
  return solver.value(root, asg);
}

describe('conformance table', async () => {
  it('the table is a valid policy', () => {
    expect(messages.map(formatMessage)).toEqual([]);
    expect(model).not.toBeNull();
  });
  const m = model!;
  const full = await importCompiled(m);
  const slim = await importSource(compileModule(m, { slim: true }));
  const evaluators: Record<string, (c: unknown, block: number) => number> = {
    interpreter: (c, b) => interpret(m, c)[m.blocks[b]!.root]!,
    'compiled fast (blocks)': (c, b) => full.blocks(c)[b]!,
    'compiled traced (trace)': (c, b) => full.trace(c)[m.blocks[b]!.root]!,
    'slim module (blocks)': (c, b) => slim.blocks(c)[b]!,
    'slim module (trace)': (c, b) => slim.trace(c)[m.blocks[b]!.root]!,
    lint: (c, b) => lintValue(m, m.blocks[b]!.root, c),
  };

  for (const [name, evaluate] of Object.entries(evaluators)) {
    it(`${name}: every row gives its expected value`, () => {
      const wrong = ROWS.flatMap((r, b) => {
        if (name === 'lint' && !caseSchema.safeParse(r.case).success) return [];
        const got = evaluate(r.case, b);
        return got === r.expected ? [] : [`${r.name}: got ${got}, expected ${r.expected}`];
      });
      expect(wrong).toEqual([]);
    });
  }

  // The FHIR export's ELM (each kind's ELM form, src/lib/fhir/), run by cql-execution: one more column.
  it('ELM in cql-execution: every row gives its expected value', async () => {
    const built = buildElmLibrary(m, m.meta.versions[0]!);
    expect(built.inexpressible).toEqual([]);
    const run = elmRunner(built);
    const wrong: string[] = [];
    for (const [b, r] of ROWS.entries()) {
      const got = truthOf((await run(r.case))[m.nodes[m.blocks[b]!.root]!.id]);
      if (got !== r.expected) wrong.push(`${r.name}: got ${got}, expected ${r.expected}`);
    }
    expect(wrong).toEqual([]);
  });

  it('every case in the table is a valid case (so the lint runs every row)', () => {
    expect(ROWS.filter((r) => !caseSchema.safeParse(r.case).success).map((r) => r.name)).toEqual([]);
  });

  it('covers every kind, every fact operator and every value, each kind also unknown', () => {
    const kinds = new Map<string, Set<Truth>>();
    m.blocks.forEach((b) => {
      const root = m.nodes[b.root]!;
      const seen = kinds.get(root.kind) ?? kinds.set(root.kind, new Set()).get(root.kind)!;
      seen.add(ROWS[b.index]!.expected);
    });
    for (const k of KIND_NAMES) expect([...(kinds.get(k) ?? [])].sort(), k).toEqual([F, U, T]);
    const ops = new Set(m.nodes.flatMap((n) => (n.kind === 'fact' ? [n.op] : [])));
    expect([...FACT_OPS].filter((op) => !ops.has(op))).toEqual([]);
    const unknownRows = ROWS.filter((r) => r.expected === U).length;
    expect(unknownRows).toBeGreaterThan(40);
  });

  it('a test-form leaf without a label gets its kind\'s wording, with the threshold', () => {
    const labels = m.nodes.filter((n) => n.label && !/^n\d+$/.test(n.label)).map((n) => n.label);
    expect(labels).toContain('Pain (NRS/VAS) at least 8/10');
    expect(labels).toContain('No treated level within C1–C7');
    expect(labels).toContain('Number of treated levels at most 3');
  });
});

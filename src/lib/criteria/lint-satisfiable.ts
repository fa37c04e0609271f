/**
 * Criteria that can never be met or never fail: for every node, search for a case that meets it and one that
 * fails it. Each case found is run through the compiled evaluator (which must agree, or lint has a bug) and
 * every node it settles is ticked off, so most nodes need no search of their own. Nodes are searched leaves
 * first, so what is proven about children prunes the search of their parents. Only a proof is reported, and
 * only where it starts: a parent that fails because its child does is not reported again.
 */
import type { CompiledPolicy } from './compile.ts';
import { FACTS_BY_PATH } from './facts.ts';
import { combine } from './kinds/registry.ts';
import { F, T, U, type Truth } from './kleene.ts';
import { buildDomains } from './lint-domains.ts';
import { Solver, type Assignment } from './lint-search.ts';
import type { PolicyModel } from './model.ts';
import { writePath } from './paths.ts';

export type Finding = {
  node: number;
  rule: 'never-met' | 'never-fails';
  /** For `all` never met / `any` never failing: a smallest set of children that conflict. */
  core: number[];
};

/** The case an assignment describes (unassigned facts absent, i.e. unknown). */
export function caseOf(_model: PolicyModel, asg: Assignment): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  // Sorted so that items of one list come out in a stable order whatever order the search assigned them.
  for (const name of [...asg.keys()].sort()) writePath(c, name, asg.get(name));
  return c;
}

/**
 * `fact in [every value]` is met by every case that gives the fact, and unknown otherwise: it is how a policy
 * requires a fact to be documented ("imaging performed: x-ray, MRI, CT or bone scan"), not a tautology.
 */
export function requiresDocumentedOnly(node: PolicyModel['nodes'][number]): boolean {
  if (node.kind !== 'fact' || node.op !== 'in') return false;
  const fact = FACTS_BY_PATH.get(node.fact);
  return fact?.type === 'enum' && fact.values.every((v) => (node.value as unknown[]).includes(v));
}

/** What the search established: per node, the values proven impossible, and the searches that ran out of budget. */
export type Proof = { solver: Solver; undecided: Array<{ node: number; value: Truth }> };

export function prove(policy: CompiledPolicy, budget?: number): Proof {
  const { model } = policy;
  const solver = new Solver(model, buildDomains(model), budget);
  const canBe = [new Uint8Array(model.nodes.length), null, new Uint8Array(model.nodes.length)] as const;
  const undecided: Proof['undecided'] = [];

  const witness = (i: number, t: Truth, asg: Assignment) => {
    const values = policy.trace(caseOf(model, asg));
    if (values[i] !== t) throw new Error(`lint: the case found for ${model.nodes[i]!.id} evaluates to ${values[i]}, expected ${t}`);
    values.forEach((v, j) => { if (v !== U) canBe[v as 0 | 2]![j] = 1; });
  };

  // Children before parents (nodes are numbered in pre-order), so proofs about children prune the parents' search.
  for (let i = model.nodes.length - 1; i >= 0; i--) {
    for (const t of [T, F] as const) {
      if (canBe[t][i]) continue;
      const found = solver.query(i, t);
      if (found === null) solver.impossible[i]!.add(t);
      else if (found === 'budget') undecided.push({ node: i, value: t });
      else witness(i, t, found);
    }
  }
  return { solver, undecided };
}

export function unsatisfiable(policy: CompiledPolicy, budget?: number): Finding[] {
  const { model } = policy;
  const { solver } = prove(policy, budget);
  const constant = (j: number): Truth => (solver.impossible[j]!.has(T) ? F : solver.impossible[j]!.has(F) ? T : U);
  /** The value the children's proven constants alone force on node i (U when they force nothing). */
  const forced = (i: number): Truth => {
    const node = model.nodes[i]!;
    return node.children.length ? combine(node, node.children.map(constant)) : U;
  };
  /** Drops children while the rest still cannot all take the value t. */
  const core = (children: readonly number[], t: Truth): number[] => {
    let kept = [...children];
    for (const c of children) {
      const without = kept.filter((x) => x !== c);
      if (without.length > 0 && solver.queryAll(without, t) === null) kept = without;
    }
    return kept;
  };

  const findings: Finding[] = [];
  model.nodes.forEach((node, i) => {
    for (const [impossible, rule, stuck] of [[T, 'never-met', F], [F, 'never-fails', T]] as const) {
      if (!solver.impossible[i]!.has(impossible) || forced(i) === stuck) continue;
      if (rule === 'never-fails' && requiresDocumentedOnly(node)) continue;
      const conflicting = (rule === 'never-met' && node.kind === 'all') || (rule === 'never-fails' && node.kind === 'any');
      findings.push({ node: i, rule, core: conflicting ? core(node.children, impossible) : [] });
    }
  });
  return findings;
}

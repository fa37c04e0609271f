/**
 * Goal-directed search for an assignment of facts that gives a node a wanted value (met or not met): `all`
 * needs every child, `any` some child, `at-least` n of them, `not` flips, and a leaf tries the candidate
 * values of the facts it reads (lint-domains.ts). Unassigned facts are unknown, so Kleene evaluation of a
 * partial assignment prunes early: once a node is settled, no completion changes it. Children that share no
 * unassigned fact are solved independently, so one impossible branch fails fast instead of being retried for
 * every solution of its siblings. A step budget bounds the work; running out proves nothing.
 */
import { compare, setHas } from './interpret.ts';
import { F, T, U, type Truth } from './kleene.ts';
import type { Level } from './levels.ts';
import { LEVELS_VAR, leafVars, therapyVar, type Domains, type Therapy } from './lint-domains.ts';
import type { ModelNode, PolicyModel } from './model.ts';

export type Assignment = ReadonlyMap<string, unknown>;
export type Outcome = Assignment | null | 'budget';

class BudgetExceeded extends Error {}

function therapyQualifies(t: Therapy, node: Extract<ModelNode, { kind: 'therapies' }>): boolean {
  return (!node.outcome || t.outcome === node.outcome) && (!node.weeks || compare(node.weeks.op, t.weeks, node.weeks.value));
}

/** A leaf's value under a partial assignment (the same semantics as interpret.ts, per variable). */
export function leafValue(node: ModelNode, asg: Assignment): Truth {
  const known = (b: boolean): Truth => (b ? T : F);
  switch (node.kind) {
    case 'fact': {
      const v = asg.get(node.fact);
      if (v === undefined) return U;
      if (node.op === 'in') return known((node.value as unknown[]).includes(v));
      if (node.op === 'not-in') return known(!(node.value as unknown[]).includes(v));
      if (node.op === 'has') return known(setHas(v as unknown[], node.value));
      return known(compare(node.op, v as number, node.value as number));
    }
    case 'levels': {
      const levels = asg.get(LEVELS_VAR) as Level[] | undefined;
      if (!levels) return U;
      const inside = levels.filter((l) => node.set.includes(l)).length;
      return known(node.quantifier === 'every' ? inside === levels.length : node.quantifier === 'some' ? inside > 0 : inside === 0);
    }
    case 'level-count': {
      const levels = asg.get(LEVELS_VAR) as Level[] | undefined;
      return levels ? known(compare(node.op, levels.length, node.value)) : U;
    }
    case 'therapies': {
      let met = 0;
      let open = 0;
      for (const kind of node.kinds) {
        const list = asg.get(therapyVar(kind)) as Therapy[] | undefined;
        if (!list) open++;
        else if (list.some((t) => therapyQualifies(t, node))) met++;
      }
      return met >= node.atLeast ? T : met + open < node.atLeast ? F : U;
    }
    default:
      throw new Error(`not a leaf: ${node.kind}`);
  }
}

function* combinations<X>(items: readonly X[], k: number, from = 0): Generator<X[]> {
  if (k === 0) { yield []; return; }
  for (let i = from; i <= items.length - k; i++) for (const rest of combinations(items, k - 1, i + 1)) yield [items[i]!, ...rest];
}

export class Solver {
  /** Per node, the values proven impossible (filled by the caller as it proves them; prunes later searches). */
  readonly impossible: Array<Set<Truth>>;
  /** Per node, every variable its subtree reads. */
  readonly reads: string[][];
  #steps = 0;

  constructor(readonly model: PolicyModel, readonly domains: Domains, readonly budget = 50_000) {
    this.impossible = model.nodes.map(() => new Set<Truth>());
    this.reads = model.nodes.map(() => []);
    for (let i = model.nodes.length - 1; i >= 0; i--) {
      const node = model.nodes[i]!;
      this.reads[i] = [...new Set([...leafVars(node), ...node.children.flatMap((c) => this.reads[c]!)])];
    }
  }

  /** An assignment giving node `i` the value `t`, null when none exists, 'budget' when the search gave up. */
  query(i: number, t: Truth): Outcome {
    return this.#first(() => this.solve(i, t, new Map()));
  }

  /** An assignment giving all of `nodes` the value `t` at once. */
  queryAll(nodes: readonly number[], t: Truth): Outcome {
    return this.#first(() => this.conj(nodes, t, new Map()));
  }

  #first(run: () => Generator<Assignment>): Outcome {
    this.#steps = 0;
    try {
      for (const a of run()) return a;
      return null;
    } catch (e) {
      if (e instanceof BudgetExceeded) return 'budget';
      throw e;
    }
  }

  #tick(): void {
    if (++this.#steps > this.budget) throw new BudgetExceeded();
  }

  value(i: number, asg: Assignment): Truth {
    const node = this.model.nodes[i]!;
    if (node.children.length === 0) return leafValue(node, asg);
    if (node.kind === 'not') return (T - this.value(node.children[0]!, asg)) as Truth;
    let met = 0;
    let open = 0;
    for (const c of node.children) {
      const v = this.value(c, asg);
      if (v === T) met++;
      else if (v === U) open++;
    }
    const need = node.kind === 'all' ? node.children.length : node.kind === 'any' ? 1 : node.kind === 'at-least' ? node.n : 0;
    return met >= need ? T : met + open < need ? F : U;
  }

  *solve(i: number, t: Truth, asg: Assignment): Generator<Assignment> {
    this.#tick();
    if (this.impossible[i]!.has(t)) return;
    const v = this.value(i, asg);
    if (v === t) { yield asg; return; }
    if (v !== U) return;
    const node = this.model.nodes[i]!;
    switch (node.kind) {
      case 'not': yield* this.solve(node.children[0]!, (T - t) as Truth, asg); return;
      case 'all': yield* t === T ? this.conj(node.children, T, asg) : this.disj(node.children, F, asg); return;
      case 'any': yield* t === T ? this.disj(node.children, T, asg) : this.conj(node.children, F, asg); return;
      case 'at-least': {
        // Met: some n children met. Not met: some (count − n + 1) children not met.
        const k = t === T ? node.n : node.children.length - node.n + 1;
        const open = node.children.filter((c) => this.value(c, asg) !== T - t);
        for (const pick of combinations(open, k)) yield* this.conj(pick, t, asg);
        return;
      }
      default: yield* this.leaf(node, t, asg, leafVars(node));
    }
  }

  *leaf(node: ModelNode, t: Truth, asg: Assignment, vars: readonly string[]): Generator<Assignment> {
    const v = leafValue(node, asg);
    if (v === t) { yield asg; return; }
    if (v !== U) return;
    const name = vars.find((x) => !asg.has(x))!;
    for (const value of this.domains.get(name) ?? []) {
      this.#tick();
      yield* this.leaf(node, t, new Map(asg).set(name, value), vars);
    }
  }

  *disj(children: readonly number[], t: Truth, asg: Assignment): Generator<Assignment> {
    for (const c of children) yield* this.solve(c, t, asg);
  }

  /** Every child takes the value `t`. */
  *conj(children: readonly number[], t: Truth, asg: Assignment): Generator<Assignment> {
    const pending: number[] = [];
    for (const c of children) {
      const v = this.value(c, asg);
      if (v === T - t) return;
      if (v !== t) pending.push(c);
    }
    if (pending.length === 0) { yield asg; return; }
    const groups = this.#components(pending, asg);
    if (groups.length === 1) {
      // Fewest open facts first: it settles shared facts early and fails fast.
      const open = (c: number) => this.reads[c]!.filter((x) => !asg.has(x)).length;
      const [first, ...rest] = [...pending].sort((a, b) => open(a) - open(b));
      for (const a of this.solve(first!, t, asg)) yield* this.conj(rest, t, a);
      return;
    }
    // Independent groups: if one cannot be solved, nothing the others choose can help.
    for (const g of groups) if (this.#firstOf(this.conj(g, t, asg)) === null) return;
    yield* this.#product(groups, 0, t, asg);
  }

  *#product(groups: readonly number[][], k: number, t: Truth, asg: Assignment): Generator<Assignment> {
    if (k === groups.length) { yield asg; return; }
    for (const a of this.conj(groups[k]!, t, asg)) yield* this.#product(groups, k + 1, t, a);
  }

  #firstOf(gen: Generator<Assignment>): Assignment | null {
    for (const a of gen) return a;
    return null;
  }

  /** Groups children that share an unassigned variable (union-find over variables). */
  #components(children: readonly number[], asg: Assignment): number[][] {
    const owner = new Map<string, number>();
    const parent = children.map((_, i) => i);
    const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
    children.forEach((c, i) => {
      for (const name of this.reads[c]!) {
        if (asg.has(name)) continue;
        const j = owner.get(name);
        if (j === undefined) owner.set(name, i);
        else parent[find(i)] = find(j);
      }
    });
    const groups = new Map<number, number[]>();
    children.forEach((c, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), c]));
    return [...groups.values()];
  }
}

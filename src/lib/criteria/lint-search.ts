/**
 * Goal-directed search for an assignment of facts that gives a node a wanted value (met or not met): `all`
 * needs every child, `any` some child, `at-least` n of them, `not` flips, and a leaf tries the candidate
 * values of the facts it reads (lint-domains.ts). Unassigned facts are unknown, so Kleene evaluation of a
 * partial assignment prunes early: once a node is settled, no completion changes it. Children that share no
 * unassigned fact are solved independently, so one impossible branch fails fast instead of being retried for
 * every solution of its siblings. A step budget bounds the work; running out proves nothing.
 */
import { behaviourOf, combine, evaluateLeaf } from './kinds/registry.ts';
import { T, U, type Truth } from './kleene.ts';
import { leafVars, type Domains } from './lint-domains.ts';
import type { ModelNode, PolicyModel } from './model.ts';

export type Assignment = ReadonlyMap<string, unknown>;
export type Outcome = Assignment | null | 'budget';

class BudgetExceeded extends Error {}

/** A leaf's value under a partial assignment: the kind's one evaluation, reading the assigned variables. */
export function leafValue(node: ModelNode, asg: Assignment): Truth {
  return evaluateLeaf(node, (path) => asg.get(path));
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
    return combine(node, node.children.map((c) => this.value(c, asg)));
  }

  *solve(i: number, t: Truth, asg: Assignment): Generator<Assignment> {
    this.#tick();
    if (this.impossible[i]!.has(t)) return;
    const v = this.value(i, asg);
    if (v === t) { yield asg; return; }
    if (v !== U) return;
    const node = this.model.nodes[i]!;
    const kind = behaviourOf(node);
    if (kind.leaf) { yield* this.leaf(node, t, asg, leafVars(node)); return; }
    // The kind's goals: alternatives, each a set of children that must all take a value.
    for (const goal of kind.goals(node, t, (c) => this.value(c, asg))) yield* this.conj(goal.children, goal.value, asg);
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

/**
 * Witnesses: the fewest field changes from an anchor that split a pair, and the criteria responsible on each
 * side. Explanations (`decide` with reasons, and the node trace) run only here, never in the sweeps.
 */
import type { Case } from '../criteria/case-schema.ts';
import type { CompiledPolicy } from '../criteria/compile.ts';
import { decide } from '../criteria/decide.ts';
import { TRUTH_NAMES } from '../criteria/kleene.ts';
import { LEVELS, isLevel } from '../criteria/levels.ts';
import type { PolicyModel } from '../criteria/model.ts';
import type { Result } from '../criteria/result.ts';
import type { Field } from './fields.ts';
import { outcomeKey } from './outcome.ts';
import type { Side, SideNode } from './types.ts';

/** One change to make: a field and its new value. */
export type Edit = { field: Field; to: unknown };

export function applyEdits(anchor: Case, edits: readonly Edit[]): Case {
  let c = anchor;
  for (const e of edits) c = e.field.set(c, e.to);
  return c;
}

/**
 * The fewest edits (from those given) that keep `splits` true: any single edit that does wins; otherwise edits
 * are dropped one at a time while the split holds (a local minimum: removing any one more joins the pair).
 * `splits` gets the trial case and the edits it carries.
 */
export function minimize(anchor: Case, edits: readonly Edit[], splits: (c: Case, edits: readonly Edit[]) => boolean): Edit[] {
  if (edits.length > 1) for (const e of edits) if (splits(applyEdits(anchor, [e]), [e])) return [e];
  let kept = [...edits];
  for (let i = 0; i < kept.length && kept.length > 1; ) {
    const without = kept.filter((_, j) => j !== i);
    if (splits(applyEdits(anchor, without), without)) kept = without;
    else i++;
  }
  return kept;
}

/** How far a witness strays from its anchor, to prefer the change nearest the boundary among equals. */
export function distance(from: unknown, to: unknown): number {
  if (typeof from === 'number' && typeof to === 'number') return Math.abs(from - to) / 1000;
  if (typeof from === 'string' && typeof to === 'string' && /^\d{4}-/.test(from)) return Math.abs(Date.parse(from) - Date.parse(to)) / 864e5 / 36500;
  if (Array.isArray(from) && Array.isArray(to) && from.length === to.length && [...from, ...to].every((l) => isLevel(String(l)))) {
    return from.reduce((s: number, l, i) => s + Math.abs(LEVELS.indexOf(l) - LEVELS.indexOf(to[i])), 0) / 100;
  }
  return 1;
}

const subtreeReads = new WeakMap<PolicyModel, Array<Set<string>>>();

/** Per node, the fact paths read anywhere below it (computed once per model). */
function readsBelow(model: PolicyModel): Array<Set<string>> {
  let r = subtreeReads.get(model);
  if (!r) {
    r = model.nodes.map(() => new Set<string>());
    for (let i = model.nodes.length - 1; i >= 0; i--) {
      const n = model.nodes[i]!;
      for (const p of n.reads) r[i]!.add(p);
      for (const k of n.children) for (const p of r[k]!) r[i]!.add(p);
    }
    subtreeReads.set(model, r);
  }
  return r;
}

/**
 * The nodes on the deciding path that read one of `paths`: from each deciding reason, descend through the
 * children that carry its value (a met ALL through its met children, …) down to the leaves that read them.
 */
function focus(model: PolicyModel, values: Uint8Array, result: Result, paths: ReadonlySet<string>): number[] {
  const below = readsBelow(model);
  const reads = (i: number) => {
    for (const p of paths) if (below[i]!.has(p)) return true;
    return false;
  };
  const out = new Set<number>();
  const visit = (i: number) => {
    if (!reads(i)) return;
    const node = model.nodes[i]!;
    const carried = node.kind === 'not' ? 2 - values[i]! : values[i]!;
    const kids = node.children.filter((k) => values[k] === carried && reads(k));
    if (kids.length) kids.forEach(visit);
    else out.add(i);
  };
  // From the root of each deciding block: the walk keeps only nodes that read a changed field and carry the
  // block's value, so it reaches the responsible criteria whichever nodes the result names as reasons.
  for (const id of new Set(result.reasons.map((r) => r.block))) visit(model.blocks.find((b) => b.id === id)!.root);
  return [...out].sort((a, b) => a - b);
}

/** A payer's explanation of one case: its result and every node's value. */
export type Explained = { result: Result; values: Uint8Array };

export function explained(policy: CompiledPolicy, c: Case): Explained {
  return { result: decide(policy, c), values: policy.trace(c) };
}

/**
 * One side of a disagreement: the outcome on the witness and the criteria responsible. Those are the nodes on
 * the deciding path that read a changed field, on the witness and on the anchor (an exclusion that stopped
 * applying is on the anchor's path only); `changed` names those whose value moved.
 */
export function side(policy: CompiledPolicy, witness: Explained, anchor: Explained, paths: ReadonlySet<string>): Side {
  const { model } = policy;
  const payer = model.payer;
  const { result, values } = witness;
  const href = (id: string) => `/policies/${payer}/#${id}`;
  const outcome = outcomeKey(result);
  if (result.decision === 'not-in-effect') {
    const node: SideNode = { id: 'not-in-effect', label: result.summary, kind: 'version', block: 'Versions', href: `/policies/${payer}/` };
    return { payer, outcome, direct: true, changed: ['not-in-effect'], nodes: [node] };
  }
  const moved = (i: number) => values[i] !== anchor.values[i];
  const before = anchor.result.decision === 'not-in-effect' ? [] : focus(model, anchor.values, anchor.result, paths).filter(moved);
  const direct = [...new Set([...focus(model, values, result, paths), ...before])].sort((a, b) => a - b);
  if (direct.length) {
    const nodes = direct.map((i): SideNode => {
      const n = model.nodes[i]!;
      const node: SideNode = { id: n.id, label: n.label, kind: 'node', block: model.blocks[n.block]!.title, value: TRUTH_NAMES[values[i]!]!, href: href(n.id) };
      if (moved(i)) node.was = TRUTH_NAMES[anchor.values[i]!]!;
      return node;
    });
    return { payer, outcome, direct: true, changed: direct.filter(moved).map((i) => model.nodes[i]!.id).sort(), nodes };
  }
  const blocks = [...new Set(result.reasons.map((r) => r.block))];
  const nodes = blocks.map((id): SideNode => {
    const title = model.blocks.find((b) => b.id === id)!.title;
    return { id, label: title, kind: 'block', block: title, href: href(id) };
  });
  return { payer, outcome, direct: false, changed: [], nodes };
}

/**
 * The theme: the kind of difference and, per side, the responsible criteria that changed value from the anchor.
 * A side with none ("-") has no criterion that moved: the story is the other payer's criterion, however the
 * first happens to decide that case (so "Cohere still approves at T4" does not split a theme by anchor).
 */
export function themeKey(kind: string, sides: readonly [Side, Side]): string {
  return [kind, ...sides.map((s) => `${s.payer}:${s.changed.join(',') || '-'}`)].join('|');
}

/**
 * `a` tells `b`'s story with less: same kind, and on each side `a`'s changed criteria are among `b`'s. A
 * witness that needs an extra change only to reach the case where a known story shows is not a new theme.
 */
export function subsumes(a: { kind: string; sides: readonly [Side, Side] }, b: { kind: string; sides: readonly [Side, Side] }): boolean {
  if (a.kind !== b.kind || a.sides.every((s) => s.changed.length === 0)) return false;
  return a.sides.every((s, i) => s.changed.every((id) => b.sides[i]!.changed.includes(id)));
}

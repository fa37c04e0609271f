/**
 * The reference semantics: walks the model and evaluates every node (no short-circuit, so the whole trace is
 * filled). The compiled evaluators must agree with this on every node; tests check it on generated cases.
 */
import { FACTS_BY_PATH, readFact } from './facts.ts';
import { and, atLeast, F, fromBoolean, not, or, T, U, type Truth } from './kleene.ts';
import type { Comparison } from './block-schema.ts';
import type { ModelNode, PolicyModel } from './model.ts';

export function compare(op: Comparison, a: number | string | boolean, b: number | string | boolean): boolean {
  switch (op) {
    case 'eq': return a === b;
    case 'ne': return a !== b;
    case 'lt': return a < b;
    case 'le': return a <= b;
    case 'gt': return a > b;
    case 'ge': return a >= b;
  }
}

/** `program-enrolled` implies `program-referral` (case format: enrolment implies referral). */
export function setHas(list: readonly unknown[], item: unknown): boolean {
  return list.includes(item) || (item === 'program-referral' && list.includes('program-enrolled'));
}

type TherapyLike = { kind?: unknown; weeks?: unknown; outcome?: unknown };

function therapyQualifies(t: TherapyLike, node: Extract<ModelNode, { kind: 'therapies' }>): Truth {
  if (!node.kinds.includes(t.kind as string)) return F;
  const parts: Truth[] = [];
  if (node.outcome) parts.push(t.outcome === undefined ? U : fromBoolean(t.outcome === node.outcome));
  if (node.weeks) parts.push(typeof t.weeks !== 'number' ? U : fromBoolean(compare(node.weeks.op, t.weeks, node.weeks.value)));
  return and(parts);
}

function leaf(node: ModelNode, c: unknown): Truth {
  switch (node.kind) {
    case 'fact': {
      const v = readFact(c, FACTS_BY_PATH.get(node.fact)!.segments);
      if (v === undefined || v === null) return U;
      if (node.op === 'in') return fromBoolean((node.value as unknown[]).includes(v));
      if (node.op === 'not-in') return fromBoolean(!(node.value as unknown[]).includes(v));
      if (node.op === 'has') return Array.isArray(v) ? fromBoolean(setHas(v, node.value)) : U;
      return fromBoolean(compare(node.op, v as number, node.value as number));
    }
    case 'levels': {
      const levels = readFact(c, ['request', 'levels']);
      if (!Array.isArray(levels)) return U;
      const inRange = levels.map((l) => node.set.includes(l as never));
      if (node.quantifier === 'every') return fromBoolean(inRange.every(Boolean));
      if (node.quantifier === 'some') return fromBoolean(inRange.some(Boolean));
      return fromBoolean(!inRange.some(Boolean));
    }
    case 'level-count': {
      const levels = readFact(c, ['request', 'levels']);
      return Array.isArray(levels) ? fromBoolean(compare(node.op, levels.length, node.value)) : U;
    }
    case 'therapies': {
      const list = readFact(c, ['conservativeCare', 'therapies']);
      if (!Array.isArray(list)) return U;
      // One truth per distinct kind: some therapy of that kind qualifies.
      const perKind = [...new Set(node.kinds)].map((kind) => or(list.filter((t: TherapyLike) => t?.kind === kind).map((t: TherapyLike) => therapyQualifies(t, node))));
      return atLeast(node.atLeast, perKind);
    }
    default:
      throw new Error(`not a leaf: ${node.kind}`);
  }
}

/** Values of every node of the policy (indexed by node.index). */
export function interpret(model: PolicyModel, c: unknown): Uint8Array {
  const out = new Uint8Array(model.nodes.length);
  const visit = (i: number): Truth => {
    const node = model.nodes[i]!;
    const kids = node.children.map(visit);
    let v: Truth;
    switch (node.kind) {
      case 'all': v = and(kids); break;
      case 'any': v = or(kids); break;
      case 'at-least': v = atLeast(node.n, kids); break;
      case 'not': v = not(kids[0]!); break;
      default: v = leaf(node, c);
    }
    out[i] = v;
    return v;
  };
  for (const b of model.blocks) visit(b.root);
  return out;
}

/** Block values from a node-value array. */
export function blockValues(model: PolicyModel, nodeValues: ArrayLike<number>): Truth[] {
  return model.blocks.map((b) => nodeValues[b.root] as Truth);
}

export { F, T, U };

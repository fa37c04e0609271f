/**
 * When a question only matters on a branch: a fact matters to a policy only through the leaves that read it,
 * and a leaf cannot change anything while a sibling condition of one of its ALL ancestors is not met (the ALL is
 * not met whatever the fact says). The conditions every reading leaf shares are the question's `enableWhen`
 * (all of them must hold). Only simple conditions become guards: a `fact` leaf comparing one value (or `in` a
 * one-value list). Sound by construction: the question is hidden only where its answer cannot matter.
 */
import type { ModelNode, PolicyModel } from '../criteria/model.ts';

export type Guard = { fact: string; op: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'; value: string | number | boolean };

const key = (g: Guard) => `${g.fact}|${g.op}|${String(g.value)}`;

function guardOf(node: ModelNode): Guard | null {
  if (node.kind !== 'fact') return null;
  if (node.op === 'in' && Array.isArray(node.value) && node.value.length === 1) return { fact: node.fact, op: 'eq', value: node.value[0]! };
  if (node.op === 'not-in' && Array.isArray(node.value) && node.value.length === 1) return { fact: node.fact, op: 'ne', value: node.value[0]! };
  if (node.op === 'in' || node.op === 'not-in' || node.op === 'has' || Array.isArray(node.value)) return null;
  return { fact: node.fact, op: node.op, value: node.value };
}

/** The guards of one leaf: simple siblings under each of its ALL ancestors (not reading the same fact). */
function leafGuards(model: PolicyModel, leaf: ModelNode, fact: string): Map<string, Guard> {
  const out = new Map<string, Guard>();
  for (let child = leaf, parent = model.nodes[leaf.parent]; parent; child = parent, parent = model.nodes[parent.parent]) {
    if (parent.kind !== 'all') continue;
    for (const k of parent.children) {
      if (k === child.index) continue;
      const g = guardOf(model.nodes[k]!);
      if (g && g.fact !== fact) out.set(key(g), g);
    }
  }
  return out;
}

/**
 * Per fact path: the guards shared by every leaf of the given blocks that reads it (empty: always asked). A guard
 * on a fact that is itself guarded is dropped, so no two questions wait on each other.
 */
export function factGuards(model: PolicyModel, blocks: ReadonlySet<number>): Map<string, Guard[]> {
  const raw = sharedGuards(model, blocks);
  return new Map([...raw].map(([fact, guards]) => [fact, guards.filter((g) => !raw.get(g.fact)?.length)]));
}

function sharedGuards(model: PolicyModel, blocks: ReadonlySet<number>): Map<string, Guard[]> {
  const shared = new Map<string, Map<string, Guard>>();
  for (const node of model.nodes) {
    if (!blocks.has(node.block) || node.children.length) continue;
    for (const fact of node.reads) {
      const mine = leafGuards(model, node, fact);
      const before = shared.get(fact);
      shared.set(fact, before ? new Map([...before].filter(([k]) => mine.has(k))) : mine);
    }
  }
  return new Map([...shared].map(([fact, guards]) => [fact, [...guards.values()]]));
}

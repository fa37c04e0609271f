/**
 * The reference semantics: walks the model and evaluates every node (no short-circuit, so the whole trace is
 * filled) with each kind's one evaluation (kinds/*.ts). The compiled evaluators must agree with this on every
 * node: the conformance table and the generated-case properties check it.
 */
import { combine, evaluateLeaf } from './kinds/registry.ts';
import { F, T, U, type Truth } from './kleene.ts';
import type { PolicyModel } from './model.ts';
import { readPath } from './paths.ts';

export { compare, setHas } from './kinds/ops.ts';

/** Values of every node of the policy (indexed by node.index). */
export function interpret(model: PolicyModel, c: unknown): Uint8Array {
  const out = new Uint8Array(model.nodes.length);
  const read = (path: string) => readPath(c, path);
  const visit = (i: number): Truth => {
    const node = model.nodes[i]!;
    const v = node.children.length ? combine(node, node.children.map(visit)) : evaluateLeaf(node, read);
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

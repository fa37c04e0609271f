/**
 * The nearest pathway: the indication alternative closest to being met (fewest conditions not met, then most
 * met), with what it lacks in the form's words and the policy's section. A denial for unmet indications is
 * explained by it; so is what is already settled while a result is open.
 */
import { F, T } from '../criteria/kleene.ts';
import type { ModelBlock, ModelNode, PolicyModel } from '../criteria/model.ts';
import { lackWords, needWords, valueWords } from './leaf-words.ts';
import { distance, pathwayName, pathwayNode, pathways, type Pathway } from './pathways.ts';

/** One condition the pathway lacks. `fields`: the case fields it reads (data, not for display). */
export type Unmet = { node: string; label: string; fields: string[]; value: string; needs: string; text: string; source: string };

export type Nearest = {
  /** The pathway in the policy's words, its node (anchor) and section. */
  pathway: string;
  node: string;
  block: string;
  source: string;
  unmet: Unmet[];
};

/** Case fields read anywhere under a node. */
export function fieldsUnder(model: PolicyModel, index: number, out = new Set<string>()): Set<string> {
  const n = model.nodes[index]!;
  for (const r of n.reads) out.add(r);
  for (const k of n.children) fieldsUnder(model, k, out);
  return out;
}

/** The conditions not met under a node that is not met, down to leaves where the tree says which failed. */
export function unmetUnder(model: PolicyModel, values: ArrayLike<number>, index: number, c: unknown, out: Unmet[] = []): Unmet[] {
  const node = model.nodes[index]!;
  const entry = (value: string, needs: string, text: string) =>
    out.push({ node: node.id, label: node.label, fields: [...fieldsUnder(model, index)], value, needs, text, source: node.source });
  if (!node.children.length) entry(valueWords(node, c), needWords(node), lackWords(node, c));
  else if (node.kind === 'all') for (const k of node.children) { if (values[k] === F) unmetUnder(model, values, k, c, out); }
  else if (node.kind === 'at-least') {
    const met = node.children.filter((k) => values[k] === T).length;
    entry(`${met} met`, `at least ${node.n}`, `${node.label}: ${met} met; needs at least ${node.n}`);
  } else entry('not met', 'met', `${node.label}: not met`);
  return out;
}

/** Unmet conditions as one reading: "A; B". Duplicates (the same words twice) are said once. */
export function unmetText(unmet: readonly Unmet[]): string {
  return [...new Set(unmet.map((u) => u.text))].join('; ');
}

export function blocksIn(model: PolicyModel, version: string | null): ModelBlock[] {
  return model.blocks.filter((b) => !b.versions || (version !== null && b.versions.includes(version)));
}

/** Pathways ordered nearest first (stable: the policy's order among equals). */
export function byNearness(all: readonly Pathway[], values: ArrayLike<number>): Pathway[] {
  const d = new Map(all.map((p) => [p, distance(p, values)]));
  return [...all].sort((a, b) => d.get(a)![0] - d.get(b)![0] || d.get(a)![1] - d.get(b)![1]);
}

export function describePathway(model: PolicyModel, values: ArrayLike<number>, p: Pathway, c: unknown): Nearest {
  const at: ModelNode = model.nodes[pathwayNode(model, p)]!;
  const unmet: Unmet[] = [];
  for (const n of p.needs) if (values[n] === F) unmetUnder(model, values, n, c, unmet);
  return { pathway: pathwayName(model, p), node: at.id, block: p.block.id, source: at.source, unmet };
}

/**
 * The nearest pathway that is not met (at least one condition fails), or null when every pathway is met or
 * still open. `values`: the node values of the case (compiled `trace`).
 */
export function nearestPathway(model: PolicyModel, values: ArrayLike<number>, version: string | null, c: unknown): Nearest | null {
  const failing = pathways(model, values, blocksIn(model, version)).filter((p) => p.needs.some((n) => values[n] === F));
  const first = byNearness(failing, values)[0];
  return first ? describePathway(model, values, first, c) : null;
}

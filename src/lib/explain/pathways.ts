/**
 * Indication pathways: the ways a policy's indications can be met, read off the tree. An ANY offers its
 * alternatives, an ALL needs each child, so a pathway is one choice at every ANY on the way down: the
 * alternatives chosen (`via`) and the conditions it needs (`needs`, leaves or nodes not split further).
 * A met ANY offers only its met alternatives, so for an approval the pathways are the ones that were met.
 */
import { F, T } from '../criteria/kleene.ts';
import type { ModelBlock, PolicyModel } from '../criteria/model.ts';

export type Pathway = { block: ModelBlock; via: number[]; needs: number[] };
type Partial = { via: number[]; needs: number[] };

/** Beyond this many pathways under a node, the node is kept whole (one condition) rather than split. */
const MAX_PATHWAYS = 96;

function expand(model: PolicyModel, values: ArrayLike<number>, index: number): Partial[] {
  const node = model.nodes[index]!;
  if (node.kind === 'any') {
    const alts = values[index] === T ? node.children.filter((k) => values[k] === T) : node.children;
    const out = alts.flatMap((k) => expand(model, values, k).map((p) => ({ via: [k, ...p.via], needs: p.needs })));
    return out.length && out.length <= MAX_PATHWAYS ? out : [{ via: [], needs: [index] }];
  }
  if (node.kind === 'all') {
    let out: Partial[] = [{ via: [], needs: [] }];
    for (const k of node.children) {
      const next = expand(model, values, k);
      if (out.length * next.length > MAX_PATHWAYS) return [{ via: [], needs: [index] }];
      out = out.flatMap((p) => next.map((q) => ({ via: [...p.via, ...q.via], needs: [...p.needs, ...q.needs] })));
    }
    return out;
  }
  return [{ via: [], needs: [index] }];
}

/** The pathways under one node of a block (the node itself when it is a leaf). */
export function pathwaysUnder(model: PolicyModel, values: ArrayLike<number>, block: ModelBlock, index: number): Pathway[] {
  return expand(model, values, index).map((p) => ({ block, via: model.nodes[index]!.kind === 'any' ? p.via : [index, ...p.via], needs: p.needs }));
}

export function pathways(model: PolicyModel, values: ArrayLike<number>, blocks: readonly ModelBlock[]): Pathway[] {
  return blocks.filter((b) => b.role === 'indication').flatMap((block) => expand(model, values, block.root).map((p) => ({ block, ...p })));
}

/** How close a pathway is to being met: conditions not met (fewer first), then met (more first). */
export function distance(p: Pathway, values: ArrayLike<number>): [number, number] {
  let failed = 0;
  let met = 0;
  for (const n of p.needs) {
    if (values[n] === F) failed++;
    else if (values[n] === T) met++;
  }
  return [failed, -met];
}

/**
 * The node that names a pathway: the first alternative chosen that is not itself a mere list of alternatives
 * (an ANY inside an ANY), else its block's root.
 */
export function pathwayNode(model: PolicyModel, p: Pathway): number {
  return p.via.find((k) => model.nodes[k]!.kind !== 'any') ?? p.via[0] ?? p.block.root;
}
export function pathwayName(model: PolicyModel, p: Pathway): string {
  return p.via.length ? plainLabel(model.nodes[pathwayNode(model, p)]!.label) : p.block.title;
}

/** A label without its combinator tail: "Painful osteoporotic fracture, as evidenced by ALL of the following" → "Painful osteoporotic fracture". */
export function plainLabel(label: string): string {
  return label.replace(/,?\s*(?:as evidenced by|with|if)?\s*(?:ALL|ANY|AT LEAST \w+|ONE|EITHER)\b[^,]*of the following.*$/i, '').trim() || label;
}

/** `all`: every child is met (Kleene AND: the minimum). */
import { F, T, type Truth } from '../kleene.ts';
import { emitMinMax, listChildren } from './combinator-parts.ts';
import type { CombinatorElm, CombinatorKind } from './types.ts';
import * as elm from '../../fhir/elm.ts';

export type AllInput = { kind: 'all'; of: unknown[] };

export const all: CombinatorKind<'all', AllInput, {}> = {
  kind: 'all',
  leaf: false,
  schema: (z, common, node) => z.strictObject({ ...common, kind: z.literal('all'), of: z.array(node).min(1) }),
  toModel: () => ({}),
  children: (input) => listChildren(input.of),
  combine(_node, kids) {
    let r: Truth = T;
    for (const v of kids) if (v < r) r = v;
    return r;
  },
  emitTrace: (_node, kids) => `AND(${kids.join(', ')})`,
  emitFast: (node, v, kid, out) => emitMinMax(true, node.index, node.children, v, kid, out),
  *goals(node, t) {
    if (t === T) yield { children: node.children, value: T };
    else for (const c of node.children) yield { children: [c], value: F };
  },
  words: () => 'ALL of',
};

/** ELM form: CQL `and` is Kleene AND. */
export const allElm: CombinatorElm<'all', {}> = (_node, kids) => elm.and(kids);

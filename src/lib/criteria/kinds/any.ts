/** `any`: some child is met (Kleene OR: the maximum). */
import { F, T, type Truth } from '../kleene.ts';
import { emitMinMax, listChildren } from './combinator-parts.ts';
import type { CombinatorElm, CombinatorKind } from './types.ts';
import * as elm from '../../fhir/elm.ts';

export type AnyInput = { kind: 'any'; of: unknown[] };

export const any: CombinatorKind<'any', AnyInput, {}> = {
  kind: 'any',
  leaf: false,
  schema: (z, common, node) => z.strictObject({ ...common, kind: z.literal('any'), of: z.array(node).min(1) }),
  toModel: () => ({}),
  children: (input) => listChildren(input.of),
  combine(_node, kids) {
    let r: Truth = F;
    for (const v of kids) if (v > r) r = v;
    return r;
  },
  emitTrace: (_node, kids) => `OR(${kids.join(', ')})`,
  emitFast: (node, v, kid, out) => emitMinMax(false, node.index, node.children, v, kid, out),
  *goals(node, t) {
    if (t === F) yield { children: node.children, value: F };
    else for (const c of node.children) yield { children: [c], value: T };
  },
  words: () => 'ANY of',
};

/** ELM form: CQL `or` is Kleene OR. */
export const anyElm: CombinatorElm<'any', {}> = (_node, kids) => elm.or(kids);

/** `not`: the child is not met (Kleene NOT: 2 − x, so unknown stays unknown). */
import { T, type Truth } from '../kleene.ts';
import type { CombinatorElm, CombinatorKind } from './types.ts';
import * as elm from '../../fhir/elm.ts';

export type NotInput = { kind: 'not'; of: unknown };

export const not: CombinatorKind<'not', NotInput, {}> = {
  kind: 'not',
  leaf: false,
  schema: (z, common, node) => z.strictObject({ ...common, kind: z.literal('not'), of: node }),
  toModel: () => ({}),
  children: (input) => [{ input: input.of, path: ['of'] }],
  combine: (_node, kids) => (T - kids[0]!) as Truth,
  emitTrace: (_node, kids) => `2 - ${kids[0]}`,
  emitFast: (_node, v, kid, out) => { const e = kid(_node.children[0]!); out.push(`const ${v} = 2 - ${e};`); },
  *goals(node, t) {
    yield { children: [node.children[0]!], value: (T - t) as Truth };
  },
  words: () => 'NOT',
};

/** ELM form: CQL `not` keeps null. */
export const notElm: CombinatorElm<'not', {}> = (_node, kids) => elm.not(kids[0]!);

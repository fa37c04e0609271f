/** `at-least`: at least `n` children are met. */
import { T, type Truth } from '../kleene.ts';
import { choose, countAtLeast, countExpr, listChildren } from './combinator-parts.ts';
import type { CombinatorElm, CombinatorKind } from './types.ts';
import * as elm from '../../fhir/elm.ts';

export type AtLeastInput = { kind: 'at-least'; n: number; of: unknown[] };

export const atLeast: CombinatorKind<'at-least', AtLeastInput, { n: number }> = {
  kind: 'at-least',
  leaf: false,
  schema: (z, common, node) => z.strictObject({ ...common, kind: z.literal('at-least'), n: z.number().int().min(1), of: z.array(node).min(1) }),
  toModel(input, report) {
    if (input.n > input.of.length) report(['n'], `Unexpected n = ${input.n}, expected at most the ${input.of.length} listed criteria`, 'at-least-n');
    return { n: input.n };
  },
  children: (input) => listChildren(input.of),
  combine: (node, kids) => countAtLeast(node.n, kids),
  emitTrace: (node, kids) => `ATLEAST(${node.n}, ${kids.join(', ')})`,
  emitFast(node, v, kid, out) {
    out.push(`let ${v}; { let m = 0, o = 0, x;`);
    for (const k of node.children) {
      const e = kid(k);
      out.push(`x = ${e}; if (x === 2) m++; else if (x === 1) o++;`);
    }
    out.push(`${v} = ${countExpr(node.n, 'm', 'o')}; }`);
  },
  *goals(node, t, valueOf) {
    // Met: some n children met. Not met: some (count − n + 1) children not met.
    const k = t === T ? node.n : node.children.length - node.n + 1;
    const open = node.children.filter((c) => valueOf(c) !== T - t);
    for (const pick of choose(open, k)) yield { children: pick, value: t as Truth };
  },
  words: (node) => `AT LEAST ${node.n} of`,
};

/** ELM form: the Kleene count (CQL has no at-least operator). */
export const atLeastElm: CombinatorElm<'at-least', { n: number }> = (node, kids) => elm.atLeastOf(node.n, kids);

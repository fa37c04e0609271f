/** `level-count`: the number of treated levels compares as stated. Test form: `level count <= 3`. */
import { F, T, U, type Truth } from '../kleene.ts';
import { LEVELS_FACT } from '../structured-facts.ts';
import { BY_SYMBOL, COMPARISONS, compare, JS_OPS, SYMBOL_PATTERN, SYMBOLS, type Comparison } from './ops.ts';
import type { LeafElm, LeafKind } from './types.ts';
import * as elm from '../../fhir/elm.ts';
import { comparisonWords } from './wording.ts';

export type LevelCountInput = { kind: 'level-count'; op: Comparison; value: number };
export type LevelCountFields = { op: Comparison; value: number };

const TEST = new RegExp(`^level count\\s*${SYMBOL_PATTERN}\\s*(\\d+)$`);

export const levelCount: LeafKind<'level-count', LevelCountInput, LevelCountFields> = {
  kind: 'level-count',
  leaf: true,
  schema: (z, common) => z.strictObject({ ...common, kind: z.literal('level-count'), op: z.enum(COMPARISONS), value: z.number().int().min(0) }),
  toModel: (input) => ({ op: input.op, value: input.value, reads: [LEVELS_FACT.path] }),
  vars: () => [LEVELS_FACT.path],
  evaluate(node, read): Truth {
    const list = read(LEVELS_FACT.path);
    return Array.isArray(list) ? (compare(node.op, list.length, node.value) ? T : F) : U;
  },
  emit: (node, g) => ({ body: `const l = ${g.read(LEVELS_FACT.path)}; if (!Array.isArray(l)) return 1; return l.length ${JS_OPS[node.op]} ${node.value} ? 2 : 0;` }),
  candidates: (node, sink) => sink.levelCount(LEVELS_FACT.path, node.value),
  words: (node) => `Number of treated levels ${comparisonWords(node.op, node.value)}`,
  test: {
    matches: (text) => text.startsWith('level count'),
    parse(text) {
      const m = TEST.exec(text);
      if (!m) return { ok: false, reason: `Unexpected \`${text}\`, expected \`level count <= 3\` (a comparison and a whole number)`, offset: 0 };
      return { ok: true, fields: { op: BY_SYMBOL.get(m[1]!)!, value: Number(m[2]) } };
    },
    format: (n) => `level count ${SYMBOLS[n.op]} ${n.value}`,
  },
};

/** ELM form: `Count(levels) <= n`, unknown while the list is absent (Count(null) would be 0). */
export const levelCountElm: LeafElm<'level-count', LevelCountFields> = (node, fact) => {
  const l = fact(LEVELS_FACT.path);
  return elm.unknownIfNull(l, elm.COMPARE[node.op](elm.count(l), elm.literal(node.value, 'Integer')));
};

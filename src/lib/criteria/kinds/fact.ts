/**
 * `fact`: one case fact compared with a value. `eq`/`ne` (numbers, booleans, enum values, text), `lt`…`ge`
 * (numbers), `in`/`not-in` (enum facts, a list of values), `has` (list facts such as osteoporosisCare).
 * Test form: `symptoms.painNrs >= 8`, `coverage in [commercial, medicaid]`, `osteoporosisCare has bmd-referral`.
 */
import { FACTS, FACTS_BY_PATH, type Fact } from '../facts.ts';
import { F, T, U, type Truth } from '../kleene.ts';
import { closest } from '../suggest.ts';
import { BY_SYMBOL, COMPARISONS, compare, JS_OPS, setHas, SYMBOL_PATTERN, SYMBOLS, type Comparison } from './ops.ts';
import { formatList, formatScalar, parseList, parseScalar, type Scalar } from './test-syntax.ts';
import type { LeafElm, LeafKind } from './types.ts';
import * as elm from '../../fhir/elm.ts';
import { comparisonWords, humanize, OP_WORDS } from './wording.ts';

export const FACT_OPS = [...COMPARISONS, 'in', 'not-in', 'has'] as const;
export type FactOp = (typeof FACT_OPS)[number];

type Value = Scalar | Scalar[];
export type FactInput = { kind: 'fact'; fact: string; op: FactOp; value: Value };
export type FactFields = { fact: string; op: FactOp; value: Value };

/** Operators a `fact` node may use, by the fact's type (the authoring guide lists this table). */
export const OPS_FOR: Record<Fact['type'], readonly FactOp[]> = {
  number: ['eq', 'ne', 'lt', 'le', 'gt', 'ge'],
  boolean: ['eq', 'ne'],
  enum: ['eq', 'ne', 'in', 'not-in'],
  set: ['has'],
  string: ['eq', 'ne'],
  levels: [],
  therapies: [],
};

/** Primitives the traced variant's one-line leaf calls (Kleene 0/1/2; null/undefined = unknown). */
export const FACT_PRIMITIVES = [
  `const unknown = (v) => v === undefined || v === null;`,
  `const EQ = (v, x) => unknown(v) ? 1 : v === x ? 2 : 0, NE = (v, x) => unknown(v) ? 1 : v !== x ? 2 : 0;`,
  `const LT = (v, x) => unknown(v) ? 1 : v < x ? 2 : 0, LE = (v, x) => unknown(v) ? 1 : v <= x ? 2 : 0;`,
  `const GT = (v, x) => unknown(v) ? 1 : v > x ? 2 : 0, GE = (v, x) => unknown(v) ? 1 : v >= x ? 2 : 0;`,
  `const IN = (v, s) => unknown(v) ? 1 : s.has(v) ? 2 : 0, NIN = (v, s) => unknown(v) ? 1 : s.has(v) ? 0 : 2;`,
  `const HAS = (v, x) => unknown(v) || !Array.isArray(v) ? 1 : setHas(v, x) ? 2 : 0;`,
].join('\n');
const PRIMITIVE_OF: Record<FactOp, string> = { eq: 'EQ', ne: 'NE', lt: 'LT', le: 'LE', gt: 'GT', ge: 'GE', in: 'IN', 'not-in': 'NIN', has: 'HAS' };

const TEST = new RegExp(`^([A-Za-z][\\w.]*)\\s+(not in|in|has|${SYMBOL_PATTERN.slice(1, -1)})\\s+(.+)$`);
const TEST_OPS: Record<string, FactOp> = { in: 'in', 'not in': 'not-in', has: 'has' };
const WORD_OF: Partial<Record<FactOp, string>> = { in: 'in', 'not-in': 'not in', has: 'has' };

export const fact: LeafKind<'fact', FactInput, FactFields> = {
  kind: 'fact',
  leaf: true,
  schema(z, common) {
    const scalar = z.union([z.number(), z.boolean(), z.string()]);
    return z.strictObject({ ...common, kind: z.literal('fact'), fact: z.string().min(1), op: z.enum(FACT_OPS).default('eq'), value: z.union([scalar, z.array(scalar).min(1)]) });
  },
  toModel(node, report) {
    const out = { fact: node.fact, op: node.op, value: node.value, reads: [node.fact] };
    const f = FACTS_BY_PATH.get(node.fact);
    if (!f) {
      const hint = closest(node.fact, FACTS.map((x) => x.path));
      report(['fact'], `Unexpected fact \`${node.fact}\`, expected a case field${hint ? ` such as \`${hint}\`` : ' (see /authoring/ for the list)'}`, 'unknown-fact');
      return out;
    }
    if (f.type === 'levels' || f.type === 'therapies') {
      report(['fact'], `Unexpected fact \`${node.fact}\` in a \`fact\` node, expected a \`${f.type === 'levels' ? 'levels` or `level-count' : 'therapies'}\` node`, 'wrong-node-kind');
      return out;
    }
    const ops = OPS_FOR[f.type];
    if (!ops.includes(node.op)) {
      report(['op'], `Unexpected op \`${node.op}\` for ${f.type} fact \`${f.path}\`, expected one of ${ops.map((o) => `\`${o}\``).join(', ')}`, 'wrong-op');
      return out;
    }
    const isList = node.op === 'in' || node.op === 'not-in';
    if (isList !== Array.isArray(node.value)) {
      report(['value'], isList ? `Unexpected single value, expected a list of values for \`${node.op}\`` : `Unexpected list, expected one value for \`${node.op}\``, 'wrong-value');
      return out;
    }
    const values = Array.isArray(node.value) ? node.value : [node.value];
    values.forEach((v, i) => {
      const where = (reason: string) => report(Array.isArray(node.value) ? ['value', i] : ['value'], reason, 'wrong-value');
      if (f.type === 'number') {
        if (typeof v !== 'number') where(`Unexpected \`${String(v)}\`, expected a number for \`${f.path}\``);
        else if (v < f.min || v > f.max) where(`Unexpected ${v}, expected a number from ${f.min} to ${f.max} for \`${f.path}\``);
      } else if (f.type === 'boolean') {
        if (typeof v !== 'boolean') where(`Unexpected \`${String(v)}\`, expected true or false for \`${f.path}\``);
      } else if (f.type === 'enum' || f.type === 'set') {
        if (typeof v !== 'string' || !f.values.includes(v)) {
          const hint = typeof v === 'string' ? closest(v, f.values) : null;
          where(`Unexpected \`${String(v)}\`, expected one of ${f.values.map((x) => `\`${x}\``).join(', ')} for \`${f.path}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}`);
        }
      } else if (typeof v !== 'string') where(`Unexpected \`${String(v)}\`, expected text for \`${f.path}\``);
    });
    return out;
  },
  vars: (node) => [node.fact],
  evaluate(node, read): Truth {
    const v = read(node.fact);
    if (v === undefined || v === null) return U;
    if (node.op === 'in') return (node.value as unknown[]).includes(v) ? T : F;
    if (node.op === 'not-in') return (node.value as unknown[]).includes(v) ? F : T;
    if (node.op === 'has') return Array.isArray(v) ? (setHas(v, node.value) ? T : F) : U;
    return compare(node.op, v as number, node.value as number) ? T : F;
  },
  emit(node, g) {
    const list = node.op === 'in' || node.op === 'not-in';
    const value = node.value as Scalar[];
    if (!g.fast) return { expr: `${PRIMITIVE_OF[node.op]}(${g.read(node.fact)}, ${list ? g.constant(`new Set(${JSON.stringify(value)})`) : JSON.stringify(node.value)})` };
    const f = g.read(node.fact);
    const known = `${f} === undefined || ${f} === null ? 1 : `;
    if (list) {
      // Short lists compare directly; longer ones use a Set.
      const hit = value.length <= 4 ? `(${value.map((x) => `${f} === ${JSON.stringify(x)}`).join(' || ')})` : `${g.constant(`new Set(${JSON.stringify(value)})`)}.has(${f})`;
      return { expr: node.op === 'in' ? `(${known}${hit} ? 2 : 0)` : `(${known}${hit} ? 0 : 2)` };
    }
    if (node.op === 'has') return { expr: `(${known}!Array.isArray(${f}) ? 1 : setHas(${f}, ${JSON.stringify(node.value)}) ? 2 : 0)` };
    return { expr: `(${known}${f} ${JS_OPS[node.op as Comparison]} ${JSON.stringify(node.value)} ? 2 : 0)` };
  },
  candidates: (node, sink) => sink.values(node.fact, Array.isArray(node.value) ? node.value : [node.value]),
  words(node) {
    const f = FACTS_BY_PATH.get(node.fact);
    const title = f?.title ?? node.fact;
    const list = Array.isArray(node.value) ? node.value.map(humanize).join(', ') : '';
    if (node.op === 'in') return `${title}: one of ${list}`;
    if (node.op === 'not-in') return `${title}: none of ${list}`;
    if (node.op === 'has') return `${title} includes ${humanize(node.value)}`;
    if (typeof node.value === 'boolean') return `${title}: ${node.op === 'eq' ? humanize(node.value) : humanize(!node.value)}`;
    if (typeof node.value === 'number') return `${title} ${comparisonWords(node.op, node.value, f?.type === 'number' ? f.unit : '')}`;
    return `${title} ${OP_WORDS[node.op as Comparison]} ${humanize(node.value)}`;
  },
  test: {
    matches: (text) => TEST.test(text),
    parse(text) {
      const m = TEST.exec(text)!;
      const [, path, word, rest] = m as unknown as [string, string, string, string];
      const op = TEST_OPS[word] ?? BY_SYMBOL.get(word)!;
      const list = parseList(rest);
      if ((op === 'in' || op === 'not-in') && !list) return { ok: false, reason: `Unexpected \`${rest}\`, expected a list such as \`[a, b]\` after \`${word}\``, offset: text.length - rest.length };
      return { ok: true, fields: { fact: path, op, value: list ?? parseScalar(rest) } };
    },
    format(n) {
      const word = WORD_OF[n.op] ?? SYMBOLS[n.op as Comparison];
      return `${n.fact} ${word} ${Array.isArray(n.value) ? formatList(n.value) : formatScalar(n.value)}`;
    },
  },
};

/** ELM form: CQL comparisons are null on a null fact already; `in` and list membership are guarded (elm.ts). */
export const factElm: LeafElm<'fact', FactFields> = (node, fact) => {
  const v = fact(node.fact);
  const lit = (x: Scalar) => (typeof x === 'number' ? elm.literal(x, 'Decimal') : elm.literal(x));
  if (node.op === 'in' || node.op === 'not-in') {
    const hit = elm.inList(v, elm.list((node.value as Scalar[]).map(lit)));
    return elm.unknownIfNull(v, node.op === 'in' ? hit : elm.not(hit));
  }
  if (node.op === 'has') {
    // Enrolment in a programme implies the referral (setHas in ops.ts).
    const items = node.value === 'program-referral' ? ['program-referral', 'program-enrolled'] : [node.value as string];
    return elm.unknownIfNull(v, elm.or(items.map((x) => elm.inList(elm.literal(x), v))));
  }
  return elm.COMPARE[node.op](v, lit(node.value as Scalar));
};

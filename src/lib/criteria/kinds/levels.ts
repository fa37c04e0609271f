/**
 * `levels`: every / some / no treated level lies within a range list ("T5-L5", "S1-S5, Co").
 * Test form: `every level in T5-L5`, `some level in S1-S5, Co`, `no level in C1-C7`.
 */
import { F, T, U, type Truth } from '../kleene.ts';
import { formatLevels, parseLevelRanges, type Level } from '../levels.ts';
import { LEVELS_FACT } from '../structured-facts.ts';
import type { LeafElm, LeafKind } from './types.ts';
import * as elm from '../../fhir/elm.ts';

const QUANTIFIERS = ['every', 'some', 'none'] as const;
type Quantifier = (typeof QUANTIFIERS)[number];
export type LevelsInput = { kind: 'levels'; quantifier: Quantifier; within: string };
export type LevelsFields = { quantifier: Quantifier; within: string; set: Level[] };

const TEST = /^(every|some|no) levels? in (.+)$/;
const WORD: Record<Quantifier, string> = { every: 'every', some: 'some', none: 'no' };

export const levels: LeafKind<'levels', LevelsInput, LevelsFields> = {
  kind: 'levels',
  leaf: true,
  schema: (z, common) => z.strictObject({ ...common, kind: z.literal('levels'), quantifier: z.enum(QUANTIFIERS), within: z.string().min(1) }),
  toModel(input, report) {
    const r = parseLevelRanges(input.within);
    if (!r.ok) report(['within'], r.error, 'unknown-level');
    return { quantifier: input.quantifier, within: input.within, set: r.ok ? r.levels : [], reads: [LEVELS_FACT.path] };
  },
  vars: () => [LEVELS_FACT.path],
  evaluate(node, read): Truth {
    const list = read(LEVELS_FACT.path);
    if (!Array.isArray(list)) return U;
    let inside = 0;
    for (const l of list) if (node.set.includes(l as Level)) inside++;
    const met = node.quantifier === 'every' ? inside === list.length : node.quantifier === 'some' ? inside > 0 : inside === 0;
    return met ? T : F;
  },
  emit(node, g) {
    const s = g.constant(`new Set(${JSON.stringify(node.set)})`);
    const get = `const l = ${g.read(LEVELS_FACT.path)}; if (!Array.isArray(l)) return 1;`;
    if (node.quantifier === 'every') return { body: `${get} for (const x of l) if (!${s}.has(x)) return 0; return 2;` };
    if (node.quantifier === 'some') return { body: `${get} for (const x of l) if (${s}.has(x)) return 2; return 0;` };
    return { body: `${get} for (const x of l) if (${s}.has(x)) return 0; return 2;` };
  },
  candidates: (node, sink) => sink.levelSet(LEVELS_FACT.path, node.set),
  words(node) {
    const range = formatLevels(node.set);
    return node.quantifier === 'every' ? `Every treated level within ${range}` : node.quantifier === 'some' ? `Some treated level within ${range}` : `No treated level within ${range}`;
  },
  test: {
    matches: (text) => /^(every|some|no) levels? /.test(text),
    parse(text) {
      const m = TEST.exec(text);
      if (!m) return { ok: false, reason: `Unexpected \`${text}\`, expected \`every level in T5-L5\`, \`some level in …\` or \`no level in …\``, offset: 0 };
      return { ok: true, fields: { quantifier: m[1] === 'no' ? 'none' : (m[1] as Quantifier), within: m[2]! } };
    },
    format: (n) => `${WORD[n.quantifier]} level in ${n.within}`,
  },
};

/** ELM form: `exists (levels X where X in {…})` and its negations, unknown while the list is absent. */
export const levelsElm: LeafElm<'levels', LevelsFields> = (node, fact) => {
  const l = fact(LEVELS_FACT.path);
  const inSet = elm.inList(elm.alias('L'), elm.list(node.set.map((x) => elm.literal(x))));
  const someInside = elm.exists(elm.query(l, 'L', inSet));
  const someOutside = elm.exists(elm.query(l, 'L', elm.not(inSet)));
  return elm.unknownIfNull(l, node.quantifier === 'every' ? elm.not(someOutside) : node.quantifier === 'some' ? someInside : elm.not(someInside));
};

/**
 * `therapies`: at least `atLeast` distinct kinds from `kinds` have a therapy with that outcome and duration.
 * Each kind is read as its own list (`conservativeCare.therapies[kind=orthosis]`): absent list = unknown, a
 * given list is complete. Test form: `therapies 2 of [physical-therapy, orthosis] failed weeks >= 6`,
 * `therapies 1 of all tried`.
 */
import { F, T, U, type Truth } from '../kleene.ts';
import { itemPath } from '../paths.ts';
import { THERAPIES_FACT } from '../structured-facts.ts';
import { closest } from '../suggest.ts';
import { countAtLeast, countExpr } from './combinator-parts.ts';
import { BY_SYMBOL, COMPARISONS, compare, JS_OPS, SYMBOL_PATTERN, SYMBOLS, type Comparison } from './ops.ts';
import { formatList, parseList } from './test-syntax.ts';
import type { LeafElm, LeafKind } from './types.ts';
import * as elm from '../../fhir/elm.ts';
import { comparisonWords, humanize } from './wording.ts';

type Weeks = { op: Comparison; value: number };
type Outcome = 'failed' | 'improved';
export type TherapiesInput = { kind: 'therapies'; kinds?: string[] | undefined; outcome?: Outcome | undefined; weeks?: Weeks | undefined; atLeast: number };
export type TherapiesFields = { kinds: string[]; outcome?: Outcome | undefined; weeks?: Weeks | undefined; atLeast: number };

/** The therapy kinds the case format knows, read from the item description of the therapies fact. */
export const THERAPY_KIND_VALUES: readonly string[] = (() => {
  const k = THERAPIES_FACT.item.kind;
  return k?.type === 'enum' ? k.values : [];
})();
const kindPath = (kind: string) => itemPath(THERAPIES_FACT.path, 'kind', kind);

const TEST = new RegExp(`^therapies (\\d+) of (all|\\[[^\\]]*\\]) (failed|improved|tried)(?: weeks\\s*${SYMBOL_PATTERN}\\s*(\\d+(?:\\.\\d+)?))?$`);

function qualifies(t: Record<string, unknown> | null, node: TherapiesFields): Truth {
  let r: Truth = T;
  if (node.outcome) {
    const p = t?.outcome === undefined ? U : t.outcome === node.outcome ? T : F;
    if (p < r) r = p;
  }
  if (node.weeks) {
    const p = typeof t?.weeks !== 'number' ? U : compare(node.weeks.op, t.weeks, node.weeks.value) ? T : F;
    if (p < r) r = p;
  }
  return r;
}

export const therapies: LeafKind<'therapies', TherapiesInput, TherapiesFields> = {
  kind: 'therapies',
  leaf: true,
  schema: (z, common) => z.strictObject({
    ...common,
    kind: z.literal('therapies'),
    /** Therapy kinds that count; all kinds when absent. */
    kinds: z.array(z.string()).min(1).optional(),
    outcome: z.enum(['failed', 'improved']).optional(),
    weeks: z.strictObject({ op: z.enum(COMPARISONS), value: z.number().min(0) }).optional(),
    /** How many distinct kinds must qualify. */
    atLeast: z.number().int().min(1).default(1),
  }),
  toModel(input, report) {
    const kinds = input.kinds ?? [...THERAPY_KIND_VALUES];
    (input.kinds ?? []).forEach((k, i) => {
      if (kinds.indexOf(k) !== i) report(['kinds', i], `Duplicate therapy kind \`${k}\`, expected each kind once (kinds are counted distinctly)`, 'duplicate-kind');
      else if (!THERAPY_KIND_VALUES.includes(k)) {
        const hint = closest(k, THERAPY_KIND_VALUES);
        report(['kinds', i], `Unexpected therapy kind \`${k}\`, expected one of ${THERAPY_KIND_VALUES.map((x) => `\`${x}\``).join(', ')}${hint ? ` (did you mean \`${hint}\`?)` : ''}`, 'unknown-therapy');
      }
    });
    if (input.atLeast > kinds.length) report(['atLeast'], `Unexpected atLeast = ${input.atLeast}, expected at most the ${kinds.length} kinds listed`, 'at-least-n');
    return { kinds, outcome: input.outcome, weeks: input.weeks, atLeast: input.atLeast, reads: [THERAPIES_FACT.path] };
  },
  vars: (node) => [...new Set(node.kinds)].map(kindPath),
  evaluate(node, read) {
    // One truth per distinct kind: some therapy of that kind qualifies.
    const perKind = [...new Set(node.kinds)].map((kind): Truth => {
      const list = read(kindPath(kind));
      if (!Array.isArray(list)) return U;
      let best: Truth = F;
      for (const t of list) { const q = qualifies(t as Record<string, unknown> | null, node); if (q > best) best = q; }
      return best;
    });
    return countAtLeast(node.atLeast, perKind);
  },
  emit(node, g) {
    // One pass over the therapies: the best truth per counted kind, then count kinds met / still open.
    const kinds = [...new Set(node.kinds)];
    const index = g.constant(`new Map(${JSON.stringify(kinds.map((k, i) => [k, i]))})`);
    const parts: string[] = [];
    if (node.outcome) parts.push(`p = t.outcome === undefined ? 1 : t.outcome === ${JSON.stringify(node.outcome)} ? 2 : 0; if (p < q) q = p;`);
    if (node.weeks) parts.push(`p = typeof t.weeks !== 'number' ? 1 : t.weeks ${JS_OPS[node.weeks.op]} ${node.weeks.value} ? 2 : 0; if (p < q) q = p;`);
    const slots = kinds.map((_, i) => `b${i} = 0`).join(', ');
    const count = kinds.map((_, i) => `if (b${i} === 2) met++; else if (b${i} === 1) open++;`).join(' ');
    const store = kinds.map((_, i) => `case ${i}: if (q > b${i}) b${i} = q; break;`).join(' ');
    return {
      body: [
        `const l = ${g.read(THERAPIES_FACT.path)}; if (!Array.isArray(l)) return 1;`,
        `let ${slots}, met = 0, open = 0;`,
        `for (const t of l) { const i = ${index}.get(t?.kind); if (i === undefined) continue; let q = 2, p; ${parts.join(' ')} switch (i) { ${store} } }`,
        count,
        `return ${countExpr(node.atLeast, 'met', 'open')};`,
      ].join('\n  '),
    };
  },
  candidates(node, sink) {
    const numbers = { weeks: node.weeks ? [node.weeks.value] : [] };
    for (const kind of new Set(node.kinds)) sink.items(kindPath(kind), (t) => qualifies(t, node) === T, numbers);
  },
  words(node) {
    const kinds = node.kinds.map(humanize).join(', ');
    const weeks = node.weeks ? `, each ${comparisonWords(node.weeks.op, node.weeks.value, 'weeks')}` : '';
    const outcome = node.outcome ? ` ${node.outcome}` : ' tried';
    return `At least ${node.atLeast} of: ${kinds}${outcome}${weeks}`;
  },
  test: {
    matches: (text) => text.startsWith('therapies '),
    parse(text) {
      const m = TEST.exec(text);
      if (!m) return { ok: false, reason: `Unexpected \`${text}\`, expected \`therapies N of [kinds] failed|improved|tried\` and optionally \`weeks >= N\``, offset: 0 };
      const kinds = m[2] === 'all' ? undefined : parseList(m[2]!)!.map(String);
      const fields: Omit<TherapiesInput, 'kind'> = { atLeast: Number(m[1]), kinds };
      if (m[3] !== 'tried') fields.outcome = m[3] as Outcome;
      if (m[4]) fields.weeks = { op: BY_SYMBOL.get(m[4])!, value: Number(m[5]) };
      if (!fields.kinds) delete fields.kinds;
      return { ok: true, fields };
    },
    format: (n) => `therapies ${n.atLeast ?? 1} of ${n.kinds ? formatList(n.kinds) : 'all'} ${n.outcome ?? 'tried'}${n.weeks ? ` weeks ${SYMBOLS[n.weeks.op]} ${n.weeks.value}` : ''}`,
  },
};

/**
 * ELM form: per counted kind, "some therapy of that kind qualifies" (true / null / false over the list, the
 * outcome and weeks tests joined by Kleene `and`), then the Kleene count of kinds met (elm.atLeastOf).
 */
export const therapiesElm: LeafElm<'therapies', TherapiesFields> = (node, fact) => {
  const l = fact(THERAPIES_FACT.path);
  const field = (name: string) => elm.property('T', name);
  const tests: elm.Elm[] = [];
  if (node.outcome) tests.push(elm.equal(field('outcome'), elm.literal(node.outcome)));
  if (node.weeks) tests.push(elm.COMPARE[node.weeks.op](field('weeks'), elm.literal(node.weeks.value, 'Decimal')));
  const kinds = [...new Set(node.kinds)];
  const perKind = kinds.map((kind) => elm.someOf(l, 'T', elm.and([elm.equal(field('kind'), elm.literal(kind)), ...(tests.length ? tests : [elm.literal(true)])])));
  return elm.unknownIfNull(l, elm.atLeastOf(node.atLeast, perKind, kinds));
};

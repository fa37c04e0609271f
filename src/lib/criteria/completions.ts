/**
 * The unknowns of a case that exact decisions search over, each with the answers a policy can tell apart:
 * numbers one value per interval between (and at) the thresholds the policy compares them with, booleans and
 * enums their values, `osteoporosisCare` the subsets of the items the policy asks about, `request.levels` one
 * list per combination of ranges touched × level count, an unknown therapy list one list per combination of
 * what each kind of therapy satisfies, and a listed therapy's unknown `weeks` or `outcome` as its own unknown
 * (`conservativeCare.therapies[1].weeks`). Only unknowns read by unknown leaves under the given roots count:
 * a known node stays known whatever is added (Kleene monotonicity), so facts beneath it settle nothing.
 */
import { FACTS_BY_PATH, readFact } from './facts.ts';
import { humanize } from './kinds/wording.ts';
import { compare } from './interpret.ts';
import { U } from './kleene.ts';
import { LEVELS } from './levels.ts';
import type { ModelNode, PolicyModel } from './model.ts';
import { thresholds } from './thresholds.ts';

/** One answer an unknown can take. `range` (numbers): the interval it stands for, to word merged answers. */
export type Choice = { value: unknown; words: string; range?: Range };
/** [low, low included, high, high included]; null = the schema's bound. */
export type Range = [number | null, boolean, number | null, boolean];

export type Unknown = {
  /** The path named in `missing`: a case field, or a listed therapy's field (`conservativeCare.therapies[0].weeks`). */
  path: string;
  segments: ReadonlyArray<string | number>;
  /** Lists are searched but never offered as short answers. */
  list: boolean;
  choices: Choice[];
  /** The leaves (node indices) that read it. */
  leaves: number[];
};

type Therapies = Extract<ModelNode, { kind: 'therapies' }>;
type Item = { kind?: string; weeks?: unknown; outcome?: unknown };


/** Pieces of [min, max] cut at the thresholds: each threshold itself and one value strictly between. */
export function numberChoices(min: number, max: number, cuts: readonly number[] = []): Choice[] {
  const ts = [...new Set(cuts)].filter((t) => t > min && t < max).sort((a, b) => a - b);
  const out: Choice[] = [];
  let low = min;
  let lowIn = true;
  for (const t of [...ts, null]) {
    const high = t ?? max;
    const value = lowIn ? low : t === null ? high : (low + high) / 2;
    out.push({ value, words: '', range: [out.length ? low : null, lowIn, t, t === null] });
    if (t !== null) out.push({ value: t, words: `${t}`, range: [t, true, t, true] });
    low = high;
    lowIn = false;
  }
  for (const c of out) if (!c.words) c.words = rangeWords(c.range!);
  return out;
}

/** "≥ 8", "< 5", "> 5 and < 8", "8", "any". */
export function rangeWords([lo, loIn, hi, hiIn]: Range): string {
  if (lo !== null && lo === hi) return `${lo}`;
  const parts = [lo === null ? '' : `${loIn ? '≥' : '>'} ${lo}`, hi === null ? '' : `${hiIn ? '≤' : '<'} ${hi}`].filter(Boolean);
  return parts.join(' and ') || 'any';
}

/** Every subset of `items` (as lists, in the given order). */
function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((acc, x) => [...acc, ...acc.map((s) => [...s, x])], [[]]);
}

/**
 * Treated-level lists: levels are alike when every levels node treats them alike (same membership in every
 * node's range), so a list is told apart by the classes it touches and by its length. A request names at
 * least one level, each once (issue 11).
 */
function levelChoices(model: PolicyModel): Choice[] {
  const ranges = model.nodes.filter((n) => n.kind === 'levels').map((n) => new Set<string>(n.set));
  const classes = new Map<string, string[]>();
  for (const l of LEVELS) {
    const key = ranges.map((r) => (r.has(l) ? 1 : 0)).join('');
    classes.set(key, [...(classes.get(key) ?? []), l]);
  }
  const counts = model.nodes.flatMap((n) => (n.kind === 'level-count' ? [n.value - 1, n.value, n.value + 1] : []));
  const out: Choice[] = [];
  for (const touched of subsets([...classes.values()]).filter((s) => s.length)) {
    const pool = touched.map((members) => members[0]!);
    const rest = touched.flatMap((members) => members.slice(1));
    const lengths = [...new Set([touched.length, ...counts])].filter((n) => n >= touched.length && n <= touched.length + rest.length);
    for (const n of lengths) {
      const list = [...pool, ...rest.slice(0, n - touched.length)];
      out.push({ value: list, words: list.join(', ') });
    }
  }
  return out;
}

/** Whether one therapy (kind, outcome, weeks) counts for a therapies node (interpret.ts's rule, answers known). */
function counts(node: Therapies, t: { kind: string; outcome: string; weeks: number }): boolean {
  return node.kinds.includes(t.kind) && (!node.outcome || t.outcome === node.outcome) && (!node.weeks || compare(node.weeks.op, t.weeks, node.weeks.value));
}

/**
 * Unknown therapy lists. A list is told apart only by which therapies nodes each kind satisfies (some therapy
 * of the kind counts), and kinds every node treats alike are interchangeable: so per group of alike kinds,
 * every multiset of "what a kind satisfies", built from one therapy per distinguishable (outcome, weeks).
 */
function therapyListChoices(model: PolicyModel, weeksCuts: readonly number[]): Choice[] {
  const nodes = model.nodes.filter((n): n is Therapies => n.kind === 'therapies');
  const kinds = [...new Set(nodes.flatMap((n) => n.kinds))];
  const outcomes = nodes.some((n) => n.outcome) ? ['failed', 'improved'] : ['failed'];
  const weeks = numberChoices(0, 520, weeksCuts).map((c) => c.value as number);
  const groups = new Map<string, string[]>();
  for (const k of kinds) {
    const profile = nodes.map((n) => (n.kinds.includes(k) ? 1 : 0)).join('');
    groups.set(profile, [...(groups.get(profile) ?? []), k]);
  }
  // Per group: the therapies of one kind that can be told apart, and what each union of them satisfies.
  type Option = { mask: number; items: Array<{ outcome: string; weeks: number }> };
  const perGroup = [...groups.values()].map((members) => {
    const typical = new Map<number, { outcome: string; weeks: number }>();
    for (const outcome of outcomes) for (const w of weeks) {
      const mask = nodes.reduce((m, n, i) => (counts(n, { kind: members[0]!, outcome, weeks: w }) ? m | (1 << i) : m), 0);
      if (mask && !typical.has(mask)) typical.set(mask, { outcome, weeks: w });
    }
    const options = new Map<number, Option>([[0, { mask: 0, items: [] }]]);
    for (const [mask, item] of typical) for (const o of [...options.values()]) {
      const union = o.mask | mask;
      if (!options.has(union)) options.set(union, { mask: union, items: [...o.items, item] });
    }
    return { members, options: [...options.values()] };
  });
  // Multisets: options assigned to the group's kinds in non-decreasing order.
  let lists: Item[][] = [[]];
  for (const { members, options } of perGroup) {
    const assignments: Option[][] = [];
    const walk = (from: number, acc: Option[]) => {
      if (acc.length === members.length) { assignments.push(acc); return; }
      for (let i = from; i < options.length; i++) walk(i, [...acc, options[i]!]);
    };
    walk(0, []);
    const parts = assignments.map((a) => a.flatMap((o, i) => o.items.map((t) => ({ kind: members[i]!, ...t }))));
    lists = lists.flatMap((l) => parts.map((p) => [...l, ...p]));
  }
  return lists.map((list) => ({ value: list, words: list.map((t) => `${humanize(t.kind)} ${t.weeks} weeks ${t.outcome}`).join('; ') || 'none' }));
}

function factChoices(model: PolicyModel, path: string, cuts: ReadonlyMap<string, number[]>): Choice[] {
  const fact = FACTS_BY_PATH.get(path)!;
  switch (fact.type) {
    case 'number': return numberChoices(fact.min, fact.max, cuts.get(path));
    case 'boolean': return [true, false].map((value) => ({ value, words: humanize(value) }));
    case 'enum': return fact.values.map((value) => ({ value, words: humanize(value) }));
    case 'set': {
      const asked = model.nodes.flatMap((n) => (n.kind === 'fact' && n.fact === path && n.op === 'has' ? [n.value as string] : []));
      const used = fact.values.filter((v) => asked.includes(v));
      return subsets(used.length ? used : fact.values).map((value) => ({ value, words: value.map(humanize).join(', ') || 'none' }));
    }
    case 'levels': return levelChoices(model);
    case 'therapies': return therapyListChoices(model, cuts.get('weeks') ?? []);
    case 'string': throw new Error(`${path}: a text field is not read by criteria`);
  }
}

const choiceCache = new WeakMap<PolicyModel, { cuts: Map<string, number[]>; choices: Map<string, Choice[]> }>();

/** The unknowns read by unknown leaves under `roots` (node values `trace`), in node order. */
export function unknownsOf(model: PolicyModel, c: unknown, trace: ArrayLike<number>, roots: readonly number[]): Unknown[] {
  let cache = choiceCache.get(model);
  if (!cache) choiceCache.set(model, (cache = { cuts: thresholds([model]), choices: new Map() }));
  const { cuts, choices: known } = cache;
  const out = new Map<string, Unknown>();
  // Choices depend on the policy and the field only (a therapy's weeks: on `weeks`), so they are made once.
  let leaf = -1;
  const add = (path: string, segments: ReadonlyArray<string | number>, list: boolean, field: string, choices: () => Choice[]) => {
    const seen = out.get(path);
    if (seen) { if (!seen.leaves.includes(leaf)) seen.leaves.push(leaf); return; }
    let made = known.get(field);
    if (!made) known.set(field, (made = choices()));
    out.set(path, { path, segments, list, choices: made, leaves: [leaf] });
  };
  const weeks = () => numberChoices(0, 520, cuts.get('weeks'));
  const visit = (i: number) => {
    if (trace[i] !== U) return;
    const node = model.nodes[i]!;
    for (const k of node.children) visit(k);
    if (node.children.length) return;
    leaf = i;
    const path = node.reads[0]!;
    const value = readFact(c, FACTS_BY_PATH.get(path)!.segments);
    if (node.kind !== 'therapies' || !Array.isArray(value)) {
      add(path, FACTS_BY_PATH.get(path)!.segments, node.kind !== 'fact', path, () => factChoices(model, path, cuts));
      return;
    }
    // A given list is complete: what is unknown is a listed therapy's weeks or outcome.
    (value as Item[]).forEach((t, j) => {
      if (!node.kinds.includes(t.kind as string)) return;
      const at = `${path}[${j}]`;
      const segments = [...FACTS_BY_PATH.get(path)!.segments, j];
      if (node.outcome && t.outcome === undefined) add(`${at}.outcome`, [...segments, 'outcome'], false, 'therapy.outcome', () => ['failed', 'improved'].map((v) => ({ value: v, words: v })));
      if (node.weeks && typeof t.weeks !== 'number') add(`${at}.weeks`, [...segments, 'weeks'], false, 'therapy.weeks', weeks);
    });
  };
  for (const r of roots) visit(r);
  return [...out.values()];
}

/**
 * A working copy of the case whose unknowns can be answered and un-answered in place (the search's
 * completions), without copying the case per completion.
 */
export class Completion {
  readonly case: Record<string, unknown>;
  readonly #parents: Array<[Record<string | number, unknown>, string | number]>;

  constructor(c: unknown, unknowns: readonly Unknown[]) {
    this.case = structuredClone((c ?? {}) as Record<string, unknown>);
    this.#parents = unknowns.map((u) => {
      let o = this.case as Record<string | number, unknown>;
      for (const s of u.segments.slice(0, -1)) o = (o[s] ??= {}) as Record<string | number, unknown>;
      const key = u.segments[u.segments.length - 1]!;
      o[key] = undefined;
      return [o, key];
    });
  }

  set(i: number, value: unknown): void {
    const [o, key] = this.#parents[i]!;
    o[key] = value;
  }

  /** Unknown again. Undefined rather than deleted: objects keep their shape, so evaluation stays fast. */
  clear(i: number): void {
    const [o, key] = this.#parents[i]!;
    o[key] = undefined;
  }
}

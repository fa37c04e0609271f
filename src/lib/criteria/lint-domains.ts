/**
 * The variables the lint search assigns, and the candidate values of each: a finite set that contains a
 * representative of every class of values the policy can tell apart, so that "no candidate meets this node"
 * proves "no case meets it".
 * - numbers: every threshold the policy compares the fact with, the fact's min and max, and midpoints between
 *   them (facts are real numbers: `gt 4` and `lt 5` are both met by 4.5);
 * - booleans, enums: every value; lists read with `has`: every subset;
 * - levels: one list per set of level classes (levels no `within` tells apart form a class) and per count the
 *   policy's `level-count` nodes distinguish; requests treat at least one level;
 * - list items (therapies): one variable per filtered list (`conservativeCare.therapies[kind=orthosis]`), whose
 *   values are the lists of items that differ in which of the policy's predicates they satisfy (closed under
 *   combining, since a kind may have been tried twice with different outcomes).
 * Each leaf kind says which values matter to it (its `candidates`); this file turns that into domains.
 */
import { FACTS_BY_PATH } from './facts.ts';
import { leafBehaviour } from './kinds/registry.ts';
import type { CandidateSink } from './kinds/types.ts';
import { LEVELS, type Level } from './levels.ts';
import type { ModelNode, PolicyModel } from './model.ts';
import { parsePath } from './paths.ts';
import type { Described } from './schema-introspect.ts';

/** A list item the search builds (a therapy: kind, weeks, outcome). */
export type Item = Record<string, unknown>;
/** Variable name → candidate values, in the order the search tries them. */
export type Domains = Map<string, readonly unknown[]>;

/** The variables a leaf reads (paths of the one path syntax); none for combinators. */
export function leafVars(node: ModelNode): string[] {
  return node.children.length ? [] : leafBehaviour(node).vars(node);
}

/** Sorted points plus the midpoint between each neighbouring pair: one value per class of a threshold order. */
export function numberCandidates(thresholds: readonly number[], min: number, max: number): number[] {
  const lo = Number.isFinite(min) ? min : Math.min(0, ...thresholds) - 1;
  const hi = Number.isFinite(max) ? max : Math.max(0, ...thresholds) + 1;
  const points = [...new Set([lo, hi, ...thresholds.filter((t) => t >= lo && t <= hi)])].sort((a, b) => a - b);
  const out: number[] = [];
  points.forEach((p, i) => {
    if (i > 0) out.push((points[i - 1]! + p) / 2);
    out.push(p);
  });
  return out;
}

function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((acc, x) => [...acc, ...acc.map((s) => [...s, x])], [[]]);
}

/** Level lists: one per non-empty set of classes and per distinguishing count. */
export function levelCandidates(sets: readonly (readonly Level[])[], counts: readonly number[]): Level[][] {
  const classes = new Map<string, Level[]>();
  for (const level of LEVELS) {
    const signature = sets.map((s) => (s.includes(level) ? '1' : '0')).join('');
    classes.set(signature, [...(classes.get(signature) ?? []), level]);
  }
  const groups = [...classes.values()];
  // Past 10 classes the subsets explode; no policy comes near (5 classes today). Fall back to one class at a time.
  const picks = groups.length <= 10 ? subsets(groups).filter((s) => s.length > 0) : groups.map((g) => [g]);
  const wanted = counts.flatMap((c) => [c - 1, c, c + 1]);
  const out: Level[][] = [];
  for (const pick of picks) {
    const pool = pick.flat();
    const sizes = [...new Set([pick.length, ...wanted.filter((c) => c > pick.length && c <= pool.length)])];
    for (const size of sizes) {
      const chosen = new Set<Level>(pick.map((g) => g[0]!));
      for (const l of pool) if (chosen.size < size) chosen.add(l);
      out.push(LEVELS.filter((l) => chosen.has(l)));
    }
  }
  return out;
}

/** Every item of a filtered list: the filter's value, and per other field each candidate (schema order). */
function itemProfiles(path: string, numbers: Record<string, readonly number[]>): Item[] {
  const { segments, filter } = parsePath(path);
  const fact = FACTS_BY_PATH.get(segments.join('.'));
  if (fact?.type !== 'therapies' || !filter) throw new Error(`lint: ${path} is not a filtered list`);
  let items: Item[] = [{}];
  for (const [field, d] of Object.entries(fact.item)) {
    const values = field === filter.field ? [filter.value] : fieldCandidates(d, numbers[field] ?? []);
    items = items.flatMap((it) => values.map((v) => ({ ...it, [field]: v })));
  }
  return items;
}

function fieldCandidates(d: Described, thresholds: readonly number[]): readonly unknown[] {
  if (d.type === 'number') return numberCandidates(thresholds, d.min, d.max);
  if (d.type === 'enum') return d.values;
  if (d.type === 'boolean') return [true, false];
  throw new Error(`lint: list items with ${d.type} fields are not searched`);
}

/** Lists of items, one per distinct pattern of the given predicates they satisfy. */
export function itemCandidates(profiles: readonly Item[], predicates: ReadonlyArray<(item: Item) => boolean>): Item[][] {
  const key = (list: readonly Item[]) => predicates.map((q) => (list.some(q) ? '1' : '0')).join('');
  const found = new Map<string, Item[]>([[key([]), []]]);
  // Closure under adding one more item: at most 2^predicates patterns.
  for (let grew = true; grew && found.size < 4096; ) {
    grew = false;
    for (const list of [...found.values()]) {
      for (const p of profiles) {
        const next = [...list, p];
        const k = key(next);
        if (!found.has(k)) { found.set(k, next); grew = true; }
      }
    }
  }
  return [...found.values()];
}

export function buildDomains(model: PolicyModel): Domains {
  const domains: Domains = new Map();
  const thresholds = new Map<string, unknown[]>();
  const levels = new Map<string, { sets: Level[][]; counts: number[] }>();
  const items = new Map<string, { predicates: Array<(item: Item) => boolean>; numbers: Record<string, number[]> }>();
  const levelsAt = (path: string) => levels.get(path) ?? levels.set(path, { sets: [], counts: [] }).get(path)!;
  const sink: CandidateSink = {
    values: (path, values) => thresholds.set(path, [...(thresholds.get(path) ?? []), ...values]),
    levelSet: (path, set) => levelsAt(path).sets.push(set as Level[]),
    levelCount: (path, count) => levelsAt(path).counts.push(count),
    items(path, qualifies, numbers) {
      const entry = items.get(path) ?? items.set(path, { predicates: [], numbers: {} }).get(path)!;
      entry.predicates.push(qualifies);
      for (const [field, list] of Object.entries(numbers)) entry.numbers[field] = [...(entry.numbers[field] ?? []), ...list];
    },
  };
  for (const node of model.nodes) if (!node.children.length) leafBehaviour(node).candidates(node, sink);
  for (const [path, used] of thresholds) {
    const fact = FACTS_BY_PATH.get(path)!;
    switch (fact.type) {
      case 'number': domains.set(path, numberCandidates(used as number[], fact.min, fact.max)); break;
      case 'boolean': domains.set(path, [true, false]); break;
      case 'enum': domains.set(path, fact.values); break;
      case 'set': domains.set(path, subsets(fact.values)); break;
      // Free text: the values compared with, and one that is none of them.
      default: domains.set(path, [...new Set(used), '\u0000other']);
    }
  }
  for (const [path, l] of levels) domains.set(path, levelCandidates(l.sets, l.counts));
  for (const [path, i] of items) domains.set(path, itemCandidates(itemProfiles(path, i.numbers), i.predicates));
  return domains;
}

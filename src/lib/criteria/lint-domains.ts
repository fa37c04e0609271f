/**
 * The variables the lint search assigns, and the candidate values of each: a finite set that contains a
 * representative of every class of values the policy can tell apart, so that "no candidate meets this node"
 * proves "no case meets it".
 * - numbers: every threshold the policy compares the fact with, the fact's min and max, and midpoints between
 *   them (facts are real numbers: `gt 4` and `lt 5` are both met by 4.5);
 * - booleans, enums: every value; lists read with `has`: every subset;
 * - levels: one list per set of level classes (levels no `within` tells apart form a class) and per count the
 *   policy's `level-count` nodes distinguish; requests treat at least one level;
 * - therapies: one variable per therapy kind, whose values are the lists of therapies of that kind that differ
 *   in which of the policy's `therapies` nodes they satisfy (closed under combining, since a kind may have been
 *   tried twice with different outcomes).
 */
import { therapySchema } from './case-schema.ts';
import { describeSchema } from './schema-introspect.ts';
import { FACTS_BY_PATH } from './facts.ts';
import { compare } from './interpret.ts';
import { LEVELS, type Level } from './levels.ts';
import type { ModelNode, PolicyModel } from './model.ts';

export type Therapy = { kind: string; weeks: number; outcome: 'failed' | 'improved' };
/** Variable name → candidate values, in the order the search tries them. */
export type Domains = Map<string, readonly unknown[]>;

/** Longest therapy duration the case format accepts. */
const MAX_WEEKS = (() => {
  const therapy = describeSchema(therapySchema);
  const weeks = therapy.type === 'object' ? therapy.shape.weeks : undefined;
  return weeks?.type === 'number' && Number.isFinite(weeks.max) ? weeks.max : 520;
})();

export const LEVELS_VAR = 'request.levels';
export const therapyVar = (kind: string) => `conservativeCare.therapies#${kind}`;
export const isTherapyVar = (name: string) => name.startsWith('conservativeCare.therapies#');

type TherapiesNode = Extract<ModelNode, { kind: 'therapies' }>;

/** The variables a leaf reads. */
export function leafVars(node: ModelNode): string[] {
  switch (node.kind) {
    case 'fact': return [node.fact];
    case 'levels':
    case 'level-count': return [LEVELS_VAR];
    case 'therapies': return node.kinds.map(therapyVar);
    default: return [];
  }
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

function qualifies(t: Therapy, node: TherapiesNode): boolean {
  return (!node.outcome || t.outcome === node.outcome) && (!node.weeks || compare(node.weeks.op, t.weeks, node.weeks.value));
}

/** Lists of therapies of one kind, one per distinct pattern of the given nodes they satisfy. */
export function therapyCandidates(kind: string, nodes: readonly TherapiesNode[], weeks: readonly number[]): Therapy[][] {
  const profiles: Therapy[] = weeks.flatMap((w) => (['failed', 'improved'] as const).map((outcome) => ({ kind, weeks: w, outcome })));
  const key = (list: readonly Therapy[]) => nodes.map((n) => (list.some((t) => qualifies(t, n)) ? '1' : '0')).join('');
  const found = new Map<string, Therapy[]>([[key([]), []]]);
  // Closure under adding one more therapy: at most 2^nodes patterns.
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
  const levelSets: Level[][] = [];
  const levelCounts: number[] = [];
  const therapyNodes: TherapiesNode[] = [];
  for (const node of model.nodes) {
    if (node.kind === 'fact') thresholds.set(node.fact, [...(thresholds.get(node.fact) ?? []), ...(Array.isArray(node.value) ? node.value : [node.value])]);
    else if (node.kind === 'levels') levelSets.push(node.set);
    else if (node.kind === 'level-count') levelCounts.push(node.value);
    else if (node.kind === 'therapies') therapyNodes.push(node);
  }
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
  if (levelSets.length || levelCounts.length) domains.set(LEVELS_VAR, levelCandidates(levelSets, levelCounts));
  const weeks = numberCandidates(therapyNodes.flatMap((n) => (n.weeks ? [n.weeks.value] : [])), 0, MAX_WEEKS);
  for (const kind of new Set(therapyNodes.flatMap((n) => n.kinds))) {
    domains.set(therapyVar(kind), therapyCandidates(kind, therapyNodes.filter((n) => n.kinds.includes(kind)), weeks));
  }
  return domains;
}

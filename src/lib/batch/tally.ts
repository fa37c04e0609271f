/**
 * What a batch summary counts, as plain mergeable data (it crosses worker threads): per payer, decisions,
 * deny categories, deciding reasons (by node) and missing facts; per pair of payers, the cases whose decision
 * differs and in which direction; optionally the decisions broken down by one case field.
 */
import { readFact } from '../criteria/facts.ts';
import type { Result } from '../criteria/result.ts';

export type Counts = Record<string, number>;

export type Tally = {
  cases: number;
  payers: string[];
  decisions: Record<string, Counts>;
  categories: Record<string, Counts>;
  reasons: Record<string, Counts>;
  missing: Record<string, Counts>;
  /** `a|b` → `decisionA>decisionB` → cases, only where the two differ. */
  pairs: Record<string, Counts>;
  /** With --by FIELD: field value (or `unknown`) → payer → decision → cases. */
  by: { field: string; groups: Record<string, Record<string, Counts>> } | null;
};

export function emptyTally(payers: readonly string[], byField: string | null = null): Tally {
  const per = () => Object.fromEntries(payers.map((p) => [p, {} as Counts]));
  return { cases: 0, payers: [...payers], decisions: per(), categories: per(), reasons: per(), missing: per(), pairs: {}, by: byField ? { field: byField, groups: {} } : null };
}

const bump = (counts: Counts, key: string, n = 1) => { counts[key] = (counts[key] ?? 0) + n; };

/** The value a case has for the --by field, as a group name. */
export function groupOf(c: unknown, segments: readonly string[]): string {
  const v = readFact(c, segments);
  if (v === undefined || v === null) return 'unknown';
  return Array.isArray(v) ? v.join('+') || 'none' : String(v);
}

/** Adds one case's per-payer results (in payer order). */
export function addCase(t: Tally, c: unknown, results: readonly Result[], bySegments: readonly string[] | null): void {
  t.cases++;
  for (const r of results) {
    bump(t.decisions[r.payer]!, r.decision);
    if (r.category) bump(t.categories[r.payer]!, r.category);
    for (const reason of r.reasons) bump(t.reasons[r.payer]!, reason.node);
    for (const m of r.missing) bump(t.missing[r.payer]!, m);
  }
  for (let i = 0; i < results.length; i++) {
    for (let j = i + 1; j < results.length; j++) {
      const a = results[i]!, b = results[j]!;
      if (a.decision === b.decision && a.category === b.category) continue;
      bump((t.pairs[`${a.payer}|${b.payer}`] ??= {}), `${outcomeKey(a)}>${outcomeKey(b)}`);
    }
  }
  if (t.by && bySegments) {
    const group = (t.by.groups[groupOf(c, bySegments)] ??= {});
    for (const r of results) bump((group[r.payer] ??= {}), r.decision);
  }
}

/** "deny:investigational", "approve": a decision with its category, the unit pairs are compared in. */
export function outcomeKey(r: Pick<Result, 'decision' | 'category'>): string {
  return r.category ? `${r.decision}:${r.category}` : r.decision;
}

function mergeCounts(into: Counts, from: Counts): void {
  for (const [k, n] of Object.entries(from)) bump(into, k, n);
}
function mergePer(into: Record<string, Counts>, from: Record<string, Counts>): void {
  for (const [k, c] of Object.entries(from)) mergeCounts((into[k] ??= {}), c);
}

export function mergeTally(into: Tally, from: Tally): void {
  into.cases += from.cases;
  mergePer(into.decisions, from.decisions);
  mergePer(into.categories, from.categories);
  mergePer(into.reasons, from.reasons);
  mergePer(into.missing, from.missing);
  mergePer(into.pairs, from.pairs);
  if (into.by && from.by) for (const [g, per] of Object.entries(from.by.groups)) mergePer((into.by.groups[g] ??= {}), per);
}

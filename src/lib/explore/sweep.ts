/**
 * Exploration around one anchor. Sweeps: one dimension at a time over its whole domain, every payer's outcome
 * recorded. Generated cases: seeded mutations of two or three fields at once, to catch interactions that
 * one-at-a-time sweeps miss. Both report each pair the variant splits (when the anchor did not) as a candidate.
 */
import type { Case } from '../criteria/case-schema.ts';
import type { Dimension, Point } from './dimensions.ts';
import type { Evaluator } from './evaluator.ts';
import { sameValue, therapyValue, type Field } from './fields.ts';
import type { OutcomeKey } from './outcome.ts';
import type { Rng } from './prng.ts';
import { minimize, type Edit } from './witness.ts';

export type Candidate = {
  edits: Edit[];
  /** A key for the change (field, from, to), when the caller has one at hand; else the selector builds it. */
  change?: string;
  pair: number;
  /** The pair's two outcomes on the variant, `approve|deny:investigational`. */
  outcomes: string;
  found: 'sweep' | 'generated';
};
export type SweepTable = Map<string, { points: Point[]; rows: OutcomeKey[][] }>;

export type AnchorRun = {
  anchor: Case;
  base: OutcomeKey[];
  pairs: ReadonlyArray<readonly [number, number]>;
  ev: Evaluator;
  onCandidate: (c: Candidate) => void;
};

const decided = (o: OutcomeKey) => o !== 'needs-information' && o !== 'not-in-effect';

/**
 * Indices of the pairs the anchor's outcomes agree on, with a decision: only those can be split by a change.
 * Two payers that both still need information agree on nothing yet; splitting them only says which one a
 * given fact settles, which the charts show better.
 */
export function agreeing(run: AnchorRun): number[] {
  return run.pairs.flatMap(([i, j], k) => (run.base[i] === run.base[j] && decided(run.base[i]!) ? [k] : []));
}

/**
 * Sweeps every dimension from the anchor; returns the outcome table (payer rows × points) per dimension.
 * Along an ordered axis, only the ends of each run of equal outcomes are candidates: the end nearest the
 * anchor is the better witness, and the points inside a run tell the same story.
 */
export function sweep(run: AnchorRun, dims: readonly Dimension[], full: boolean): { table: SweepTable; cases: number } {
  const table: SweepTable = new Map();
  const open = agreeing(run);
  let cases = 0;
  for (const dim of dims) {
    const points = dim.points(run.anchor, full);
    const current = JSON.stringify(dim.field.get(run.anchor)) ?? '';
    const paths = [dim.field.reads];
    const columns = points.map((p) => {
      if (p.key === current) return run.base;
      cases++;
      return run.ev.variant(dim.field.set(run.anchor, p.value), run.base, paths);
    });
    table.set(dim.id, { points, rows: run.base.map((_, p) => columns.map((col) => col[p]!)) });
    for (const k of open) {
      const [i, j] = run.pairs[k]!;
      const sig = (x: number) => `${columns[x]![i]}|${columns[x]![j]}`;
      points.forEach((p, x) => {
        if (p.unknown || p.key === current || columns[x]![i] === columns[x]![j]) return;
        const edge = !dim.ordered || !p.axis || x === 0 || x === points.length - 1 || sig(x - 1) !== sig(x) || sig(x + 1) !== sig(x);
        if (edge) run.onCandidate({ edits: [{ field: dim.field, to: p.value }], change: `${dim.field.key}|${current}|${p.key}`, pair: k, outcomes: sig(x), found: 'sweep' });
      });
    }
  }
  return { table, cases };
}

/** Each field once, with every value the dimensions sweep it through (and improved therapies besides). */
export function fieldDomains(dims: readonly Dimension[], anchor: Case): Array<{ field: Field; values: unknown[] }> {
  const byKey = new Map<string, { field: Field; values: unknown[]; keys: Set<string> }>();
  const add = (entry: { values: unknown[]; keys: Set<string> }, value: unknown, key: string) => {
    if (!entry.keys.has(key)) entry.keys.add(key), entry.values.push(value);
  };
  for (const dim of dims) {
    let entry = byKey.get(dim.field.key);
    if (!entry) byKey.set(dim.field.key, (entry = { field: dim.field, values: [], keys: new Set() }));
    for (const p of dim.points(anchor, false)) if (!p.unknown) add(entry, p.value, p.key);
    if (dim.kind === 'therapy') for (const w of [2, 6, 12]) add(entry, therapyValue(w, 'improved'), `improved ${w}`);
  }
  return [...byKey.values()].map(({ field, values }) => ({ field, values }));
}

/**
 * `count` generated cases around the anchor: each changes two or three distinct fields to values drawn from
 * their domains. A split pair is minimized before it is reported.
 */
export function generate(run: AnchorRun, dims: readonly Dimension[], random: Rng, count: number): number {
  const domains = fieldDomains(dims, run.anchor);
  const open = agreeing(run);
  if (domains.length < 2 || open.length === 0) return 0;
  for (let g = 0; g < count; g++) {
    const k = Math.min(domains.length, 2 + random.int(2));
    const picked = new Set<number>();
    while (picked.size < k) picked.add(random.int(domains.length));
    const edits: Edit[] = [];
    for (const d of picked) {
      const { field, values } = domains[d]!;
      // A draw equal to the anchor's value moves to the next value: every picked field changes.
      const at = random.int(values.length);
      let to = values[at];
      if (sameValue(to, field.get(run.anchor))) to = values[(at + 1) % values.length];
      if (!sameValue(to, field.get(run.anchor))) edits.push({ field, to });
    }
    let c = run.anchor;
    for (const e of edits) c = e.field.set(c, e.to);
    const outs = run.ev.variant(c, run.base, edits.map((e) => e.field.reads));
    for (const pk of open) {
      const [i, j] = run.pairs[pk]!;
      if (outs[i] === outs[j]) continue;
      // A payer that reads none of the facts left in a trial keeps the anchor's outcome.
      const outcome = (p: number, x: Case, kept: readonly Edit[]) => (run.ev.reads(p, kept.map((e) => e.field.reads)) ? run.ev.one(p, x) : run.base[p]!);
      const splits = (x: Case, kept: readonly Edit[]) => outcome(i, x, kept) !== outcome(j, x, kept);
      const kept = minimize(run.anchor, edits, splits);
      const v = kept.length === edits.length ? c : kept.reduce((x, e) => e.field.set(x, e.to), run.anchor);
      run.onCandidate({ edits: kept, pair: pk, outcomes: `${outcome(i, v, kept)}|${outcome(j, v, kept)}`, found: 'generated' });
    }
  }
  return count;
}

/**
 * What the page shows besides witnesses, computed from the sweep tables: typical anchors per pathway, the
 * boundary table (where each payer approves, in words), strip charts, and the payer × payer matrix.
 */
import { humanize } from '../render/words.ts';
import type { Dimension } from './dimensions.ts';
import { DIFFERENCE_KINDS, outcomeWords, SEVERITY, type OutcomeKey } from './outcome.ts';
import type { NamedDifference } from './differences.ts';
import type { SweepTable } from './sweep.ts';
import type { Anchor, Boundary, PairSummary, Strip, Witness } from './types.ts';
import { pointsWords } from './words.ts';

const approvals = (outs: readonly OutcomeKey[]) => outs.filter((o) => o === 'approve').length;

/**
 * One anchor per pathway (etiology and purpose): the one most payers approve, first among equals; pathways
 * no payer approves are left out. Sorted with the most approved first: that one is the primary anchor.
 */
export function typicalAnchors(anchors: readonly Anchor[], bases: readonly OutcomeKey[][]): number[] {
  const best = new Map<string, number>();
  anchors.forEach((a, i) => {
    const n = approvals(bases[i]!);
    if (n === 0) return;
    const key = `${a.case.diagnosis?.etiology ?? 'unknown'}|${a.case.request?.purpose ?? 'unknown'}`;
    const cur = best.get(key);
    if (cur === undefined || n > approvals(bases[cur]!)) best.set(key, i);
  });
  return [...best.values()].sort((x, y) => approvals(bases[y]!) - approvals(bases[x]!) || x - y);
}

/** "osteoporotic", "no lesion, prophylaxis for fusion": the typical case in plain words, no example names. */
export function anchorLabel(a: Anchor): string {
  const etiology = a.case.diagnosis?.etiology;
  const purpose = a.case.request?.purpose;
  const parts = [
    ...(etiology ? [etiology === 'none' ? 'no lesion' : humanize(etiology)] : []),
    ...(purpose && purpose !== 'treat-fracture-or-lesion' ? [humanize(purpose)] : []),
  ];
  return parts.length ? parts.join(', ') : 'typical case';
}

const indicesWhere = <T>(xs: readonly T[], ok: (x: T) => boolean) => xs.flatMap((x, i) => (ok(x) ? [i] : []));

export function boundaries(dims: readonly Dimension[], payers: readonly string[], typical: ReadonlyArray<{ anchor: Anchor; table: SweepTable }>): Boundary[] {
  const out: Boundary[] = [];
  for (const dim of dims) for (const { anchor, table } of typical) {
    const { points, rows } = table.get(dim.id)!;
    const picked = rows.map((r) => indicesWhere(r, (o) => o === 'approve'));
    const approved = Object.fromEntries(payers.map((p, i) => [p, pointsWords(dim, points, picked[i]!)]));
    // Only where some payer has a boundary on this dimension (approves at some values, not all) and the payers
    // that approve at all differ: "never" only says that payer parts from the others on the case itself.
    const boundary = picked.some((x) => x.length > 0 && x.length < points.length);
    // A row that repeats an earlier case's row for this dimension, wherever it approves at all, adds nothing.
    const repeats = out.some((b) => b.dimension === dim.id && payers.every((p) => approved[p] === 'never' || approved[p] === b.approved[p]));
    const differ = new Set(Object.values(approved).filter((w) => w !== 'never')).size > 1;
    if (boundary && differ && !repeats) out.push({ dimension: dim.id, title: dim.title, anchor: anchor.name, anchorLabel: anchorLabel(anchor), ordered: dim.ordered, approved });
  }
  return out;
}

/** A strip for every dimension along which the payers do not all read the same (some payer's row differs). */
export function strips(dims: readonly Dimension[], payers: readonly string[], anchor: Anchor, table: SweepTable, only?: ReadonlySet<string>): Strip[] {
  return dims.filter((d) => !only || only.has(d.id)).flatMap((dim): Strip[] => {
    const { points, rows } = table.get(dim.id)!;
    if (rows.every((r) => r.join() === rows[0]!.join())) return [];
    return [{
      dimension: dim.id, title: dim.title, kind: dim.kind, anchor: anchor.name, anchorLabel: anchorLabel(anchor),
      labels: points.map((p) => p.label),
      rows: rows.map((outcomes, i) => ({
        payer: payers[i]!,
        outcomes,
        words: [...new Set(outcomes)].map((o) => `${outcomeWords(o)}: ${pointsWords(dim, points, indicesWhere(outcomes, (x) => x === o))}`),
      })),
    }];
  });
}

/**
 * What every payer does around the typical cases, one row per payer (so it grows with the payer count, not
 * with pairs): the boundaries in words and the strip charts (levels only, past the primary case).
 */
export function landscape(dims: readonly Dimension[], payers: readonly string[], typical: ReadonlyArray<{ anchor: Anchor; table: SweepTable }>): { boundaries: Boundary[]; strips: Strip[] } {
  const [primary, ...others] = typical;
  return {
    boundaries: boundaries(dims, payers, typical),
    strips: primary ? [
      ...strips(dims, payers, primary.anchor, primary.table),
      ...others.flatMap((t) => strips(dims, payers, t.anchor, t.table, new Set(['treated-level']))),
    ] : [],
  };
}

export function matrix(payers: readonly string[], witnesses: readonly Witness[], differences: readonly NamedDifference[]): PairSummary[] {
  const out: PairSummary[] = [];
  for (let i = 0; i < payers.length; i++) for (let j = i + 1; j < payers.length; j++) {
    const mine = witnesses.filter((w) => w.pair[0] === payers[i] && w.pair[1] === payers[j]);
    const byKind: PairSummary['byKind'] = {};
    for (const w of mine) byKind[w.kind] = (byKind[w.kind] ?? 0) + 1;
    const worst = DIFFERENCE_KINDS.filter((k) => byKind[k]).sort((a, b) => SEVERITY[b] - SEVERITY[a])[0] ?? null;
    const named = differences.filter((d) => d.pair[0] === payers[i] && d.pair[1] === payers[j]).length;
    out.push({ pair: [payers[i]!, payers[j]!], differences: named, themes: mine.length, byKind, worst });
  }
  return out;
}

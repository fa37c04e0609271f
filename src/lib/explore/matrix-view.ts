/**
 * Render model of one payer against every other (/disagreements/, issue #18): per other payer, its named
 * differences counted by kind and the worst, from the pair analyses computed on demand (pair.ts). One row per
 * payer: the page grows with the payer count, not with the pairs.
 */
import { strictnessView, type StrictnessCell } from './difference-view.ts';
import { DIFFERENCE_KINDS, DIFFERENCE_WORDS, SEVERITY, type DifferenceKind } from './outcome.ts';
import type { PairAnalysis } from './pair.ts';
import type { Topic } from './topics.ts';

/** Short severity words for the cells; the full words go in the cell's accessible text and the legend. */
export const SEVERITY_SHORT: Record<string, string> = { 'approve-deny': 'approve/deny', review: 'review', category: 'category', information: 'asks for more', 'in-effect': 'dates' };

/** The pair view's address: one page for every pair, the pair in its query (`/disagreements/pair/?a=cigna&b=cohere`). */
export function pairHref(a: string, b: string): string {
  return `/disagreements/pair/?${new URLSearchParams({ a, b })}`;
}

/** The two payers of a pair in the site's payer order (the order its analysis is computed in, so a pair reads the same whichever way it is linked). */
export function canonicalPair(payers: readonly string[], a: string, b: string): [string, string] {
  return payers.indexOf(a) <= payers.indexOf(b) ? [a, b] : [b, a];
}

export type AgainstCell = { payer: string; name: string; differences: number; href: string; severity: number; words: string; kinds: string[] };

/** One other payer's cell: how many named differences the pair has, by kind, coloured by the worst. */
export function againstCell(result: PairAnalysis, chosen: string): AgainstCell {
  const other = result.pair[0] === chosen ? 1 : 0;
  const count = (k: DifferenceKind) => result.items.filter((d) => d.kind === k).length;
  const kinds = DIFFERENCE_KINDS.filter((k) => count(k));
  const worst = [...kinds].sort((x, y) => SEVERITY[y] - SEVERITY[x])[0];
  const n = result.items.length;
  return {
    payer: result.pair[other]!,
    name: result.names[other]!,
    differences: n,
    href: pairHref(...result.pair),
    severity: worst ? SEVERITY[worst] : 0,
    kinds: kinds.map((k) => `${count(k)} ${SEVERITY_SHORT[k]}`),
    words: `named difference${n === 1 ? '' : 's'} between ${result.names[1 - other]} and ${result.names[other]}${worst ? `, the worst: ${DIFFERENCE_WORDS[worst]}` : ''}`,
  };
}

export type StandingRow = { topic: Topic; title: string; cell: StrictnessCell };

/** Topic by topic, whom the chosen payer is more permissive than and stricter than, among the pairs computed so far. */
export function standingRows(results: readonly PairAnalysis[], chosen: string): StandingRow[] {
  const payers = new Map<string, string>();
  for (const r of results) r.pair.forEach((p, i) => payers.set(p, r.names[i]!));
  const view = strictnessView({ payers: [...payers].map(([id, name]) => ({ id, name })), differences: results.flatMap((r) => r.items) }, [chosen]);
  return view.rows.flatMap((row) => {
    const cell = row.cells.find((c) => c.payer === chosen);
    return cell && cell.lean !== 'none' ? [{ topic: row.topic, title: row.title, cell }] : [];
  });
}

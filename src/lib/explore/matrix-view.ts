/**
 * Render model of the payer × payer matrix: every cell's text, link and severity, computed here, not in markup.
 * A cell counts the pair's named differences (differences.ts), by kind, and is coloured by the worst.
 */
import { DIFFERENCE_KINDS, DIFFERENCE_WORDS, SEVERITY, type DifferenceKind } from './outcome.ts';
import type { Analysis } from './types.ts';

export type MatrixCell =
  | { self: true }
  | { self: false; differences: number; href: string; severity: number; words: string; kinds: string[] };

export type MatrixView = { payers: Array<{ id: string; name: string }>; rows: Array<{ id: string; name: string; cells: MatrixCell[] }> };

/** Short severity words for the cells; the full words go in the cell's accessible text and the legend. */
export const SEVERITY_SHORT: Record<string, string> = { 'approve-deny': 'approve/deny', review: 'review', category: 'category', information: 'asks for more', 'in-effect': 'dates' };

export function pairSlug(a: string, b: string): string {
  return `${a}-vs-${b}`;
}

export function pairHref(a: string, b: string): string {
  return `/disagreements/${pairSlug(a, b)}/`;
}

export function matrixView(analysis: Analysis): MatrixView {
  const find = (a: string, b: string) => analysis.matrix.find((m) => (m.pair[0] === a && m.pair[1] === b) || (m.pair[0] === b && m.pair[1] === a))!;
  return {
    payers: analysis.payers,
    rows: analysis.payers.map((row) => ({
      id: row.id,
      name: row.name,
      cells: analysis.payers.map((col): MatrixCell => {
        if (col.id === row.id) return { self: true };
        const m = find(row.id, col.id);
        const mine = analysis.differences.filter((d) => d.pair[0] === m.pair[0] && d.pair[1] === m.pair[1]);
        const count = (k: DifferenceKind) => mine.filter((d) => d.kind === k).length;
        const worst = DIFFERENCE_KINDS.filter((k) => count(k)).sort((x, y) => SEVERITY[y] - SEVERITY[x])[0];
        return {
          self: false,
          differences: mine.length,
          href: pairHref(m.pair[0], m.pair[1]),
          severity: worst ? SEVERITY[worst] : 0,
          kinds: DIFFERENCE_KINDS.filter((k) => count(k)).map((k) => `${count(k)} ${SEVERITY_SHORT[k]}`),
          words: `named difference${mine.length === 1 ? '' : 's'} between ${row.name} and ${col.name}${worst ? `, the worst: ${DIFFERENCE_WORDS[worst]}` : ''}`,
        };
      }),
    })),
  };
}

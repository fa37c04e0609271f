/**
 * The topic × payer matrix: one row per topic (topics.ts order), one cell per payer (cells.ts). Where payers
 * differ is found by grouping each row's cells by their text (a hash per row, never pairwise), so a row of
 * fifty payers costs fifty lookups.
 */
import type { PolicyModel } from '../criteria/model.ts';
import { TOPICS, type Topic } from '../criteria/topics.ts';
import { cellFor, type Cell } from './cells.ts';

export type MatrixCell = Cell & {
  /** Other payers whose cell says exactly the same. */
  sameAs: string[];
  /** The row has more than one answer and this cell is not the most common one. */
  differs: boolean;
};

export type MatrixRow = {
  topic: Topic;
  cells: MatrixCell[];
  /** How many different answers the payers give on this topic. */
  answers: number;
  /** How many payers address the topic at all. */
  addressed: number;
};

export type MatrixPayer = { id: string; name: string };

export type Matrix = { payers: MatrixPayer[]; rows: MatrixRow[] };

function row(topic: Topic, cells: Cell[]): MatrixRow {
  const groups = new Map<string, Cell[]>();
  for (const c of cells) groups.set(c.key, [...(groups.get(c.key) ?? []), c]);
  const sizes = [...groups.values()].map((g) => g.length).sort((a, b) => b - a);
  // The most common answer, when one answer is shared by more payers than any other.
  const modal = sizes.length > 1 && sizes[0]! > 1 && sizes[0]! > sizes[1]! ? [...groups.values()].find((g) => g.length === sizes[0])![0]!.key : null;
  return {
    topic,
    answers: groups.size,
    addressed: cells.filter((c) => c.status !== 'not-addressed').length,
    cells: cells.map((c) => ({
      ...c,
      sameAs: groups.get(c.key)!.filter((x) => x.payer !== c.payer).map((x) => x.payer),
      differs: groups.size > 1 && c.key !== modal,
    })),
  };
}

/** Payers in the order given (the site sorts them by name). */
export function buildMatrix(models: readonly PolicyModel[]): Matrix {
  return {
    payers: models.map((m) => ({ id: m.payer, name: m.meta.payerName })),
    rows: TOPICS.map((t) => row(t, models.map((m) => cellFor(m, t.id)))),
  };
}

/** The rows where payers differ most (most answers, then most payers addressing it), for the home page. */
export function mostDivergentRows(matrix: Matrix, count: number): MatrixRow[] {
  return [...matrix.rows]
    .sort((a, b) => b.answers - a.answers || b.addressed - a.addressed)
    .slice(0, count)
    .sort((a, b) => matrix.rows.indexOf(a) - matrix.rows.indexOf(b));
}

/** One payer's column, for the summary box on its policy page. */
export function payerColumn(matrix: Matrix, payer: string): Array<{ topic: Topic; cell: MatrixCell }> {
  const i = matrix.payers.findIndex((p) => p.id === payer);
  return matrix.rows.map((r) => ({ topic: r.topic, cell: r.cells[i]! }));
}

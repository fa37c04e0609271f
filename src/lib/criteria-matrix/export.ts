/**
 * The matrix as files: CSV (one line per cell, the cell's words exactly as the page shows them, with the
 * criteria it summarises and their links) and JSON (the same plus every stated claim as data).
 */
import { csvCell } from '../compare/export.ts';
import { sentenceText } from './cells.ts';
import type { Matrix } from './matrix.ts';

export const MATRIX_FORMAT = 'vertebral-augmentation-criteria-matrix';

export const MATRIX_CSV_COLUMNS = ['topic_id', 'topic', 'payer_id', 'payer', 'status', 'differs', 'text', 'nodes', 'links', 'sources'] as const;

/** Where a node lives on the site. */
export const nodeHref = (payer: string, node: string) => `/policies/${payer}/#${node}`;

export function matrixToCsv(matrix: Matrix): string {
  const lines = matrix.rows.flatMap((row) => row.cells.map((c, i) => [
    row.topic.id, row.topic.name, c.payer, matrix.payers[i]!.name, c.status, c.differs ? 'yes' : 'no', c.text,
    c.nodes.map((n) => n.id).join(' | '),
    c.nodes.map((n) => nodeHref(c.payer, n.id)).join(' | '),
    [...new Set(c.nodes.map((n) => n.source))].join(' | '),
  ]));
  return [[...MATRIX_CSV_COLUMNS], ...lines].map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function matrixToJson(matrix: Matrix, builtOn: string): string {
  return `${JSON.stringify({
    format: MATRIX_FORMAT,
    version: 1,
    builtOn,
    payers: matrix.payers,
    topics: matrix.rows.map((r) => ({
      ...r.topic,
      answers: r.answers,
      cells: r.cells.map((c) => ({
        payer: c.payer, status: c.status, text: c.text, differs: c.differs, sameAs: c.sameAs,
        sentences: c.sentences.map((s) => ({ text: sentenceText(s), lead: s.lead, routes: s.routes, claims: s.claims })),
        nodes: c.nodes.map((n) => ({ ...n, href: nodeHref(c.payer, n.id) })),
      })),
    })),
  }, null, 2)}\n`;
}

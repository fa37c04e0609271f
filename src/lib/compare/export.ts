/**
 * The comparison as files: JSON (the case, every result with its trace, and the disagreement) and CSV (one
 * row per payer). CSV cells that a spreadsheet would run as a formula are prefixed with an apostrophe: the
 * case label is user text.
 */
import type { Comparison } from './comparison.ts';
import { sideText } from './disagreement.ts';

export const EXPORT_FORMAT = 'vertebral-augmentation-comparison';

export function toJson(comparison: Comparison, permalink: string): string {
  const { disagreement: d } = comparison;
  return `${JSON.stringify({
    format: EXPORT_FORMAT,
    version: 1,
    permalink,
    case: comparison.case,
    results: comparison.results,
    disagreement: { agree: d.agree, headline: d.headline, lines: d.lines.map(({ parts: _, ...line }) => line), sides: d.sides.map((s) => ({ decision: s.decision, text: sideText(s), payers: s.payers })) },
  }, null, 2)}\n`;
}

export const CSV_COLUMNS = ['case_id', 'date_of_service', 'payer', 'policy', 'version', 'decision', 'category', 'summary', 'reasons', 'missing', 'permalink'] as const;

/** One CSV cell (RFC 4180 quoting; formula-looking text defused). */
export function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(comparison: Comparison, permalink: string): string {
  const c = comparison.case;
  const rows = comparison.results.map((r) => [
    c.id, c.dateOfService, r.payer, r.policy.title, r.policy.version, r.decision, r.category, r.summary,
    r.reasons.map((x) => `${x.label} [${x.value}; ${x.source}; #${x.node}]`).join(' | '),
    r.missing.join(' | '),
    permalink,
  ]);
  return [[...CSV_COLUMNS], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

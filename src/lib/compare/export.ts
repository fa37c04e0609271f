/**
 * The comparison as files: JSON (the case, every result with its trace, and the disagreement) and CSV (one
 * row per payer). CSV cells that a spreadsheet would run as a formula are prefixed with an apostrophe: the
 * case label is user text.
 */
import type { Explained } from '../explain/explain-comparison.ts';
import type { Comparison } from './comparison.ts';
import { sideText } from './disagreement.ts';

export const EXPORT_FORMAT = 'vertebral-augmentation-comparison';

/**
 * A record of the comparison: the case as entered, when it was exported, each policy's version, each result
 * with its why, the reasons behind it (with citations), the nearest pathway and the answers that would decide
 * it (when `explained` is given), and the permalink.
 */
export function toJson(comparison: Comparison, permalink: string, explained?: Explained | null, exported = new Date().toISOString()): string {
  const { disagreement: d } = comparison;
  const results = comparison.results.map((r, i) => {
    const e = explained?.explanations[i];
    return e ? { ...r, why: e.why, nearest: e.nearest, askNext: explained?.ask?.perPayer[r.payer] ?? null, supportingReasons: e.reasons } : r;
  });
  return `${JSON.stringify({
    format: EXPORT_FORMAT,
    version: 1,
    exported,
    permalink,
    case: comparison.case,
    policies: comparison.results.map((r) => r.policy),
    results,
    ...(explained?.ask ? { askNext: explained.ask.fields, speech: explained.speech } : {}),
    disagreement: { agree: d.agree, headline: d.headline, lines: d.lines.map(({ parts: _, ...line }) => line), sides: d.sides.map((s) => ({ decision: s.decision, text: sideText(s), payers: s.payers })) },
  }, null, 2)}\n`;
}

export const CSV_COLUMNS = ['case_id', 'date_of_service', 'payer', 'policy', 'version', 'decision', 'category', 'summary', 'reasons', 'missing', 'permalink', 'why'] as const;

/** One CSV cell (RFC 4180 quoting; formula-looking text defused). */
export function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per payer; with `explained`, the reasons are the ones behind the why (with citations), and `why` is filled. */
export function toCsv(comparison: Comparison, permalink: string, explained?: Explained | null): string {
  const c = comparison.case;
  const rows = comparison.results.map((r, i) => {
    const e = explained?.explanations[i];
    const reasons = e ? e.reasons.map((x) => `${x.text} [${x.value}; ${x.source}; #${x.node}]`) : r.reasons.map((x) => `${x.label} [${x.value}; ${x.source}; #${x.node}]`);
    return [c.id, c.dateOfService, r.payer, r.policy.title, r.policy.version, r.decision, r.category, r.summary, reasons.join(' | '), r.missing.join(' | '), permalink, e?.why];
  });
  return [[...CSV_COLUMNS], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

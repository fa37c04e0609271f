/**
 * The codes cross-walk: every code any payer lists, with each payer's stance. Built from the policies'
 * ```codes blocks (PolicyModel.codes), so the /codes/ table is never typed twice.
 */
import { codesSchema, type CodeStance } from '../criteria/block-schema.ts';
import type { PolicyModel } from '../criteria/model.ts';

/** Systems in the order the block format declares them (CPT, HCPCS, ICD-10-CM). */
export const CODE_SYSTEMS = codesSchema.shape.codes.element.shape.system.options;
export type CodeSystem = (typeof CODE_SYSTEMS)[number];

export type CrosswalkPayer = { payer: string; name: string };

export type CrosswalkCell = {
  stance: CodeStance;
  /** The payer's own description of the code (payers word them differently). */
  description: string;
  note: string;
  /** The code's row on the payer's policy page. */
  href: string;
};

export type CodeRow = {
  code: string;
  system: CodeSystem;
  /** The first listing payer's description (in column order); each cell keeps its own. */
  description: string;
  /** Keyed by payer id; a payer that does not list the code has no entry. */
  cells: Record<string, CrosswalkCell>;
};

export type Crosswalk = { payers: CrosswalkPayer[]; rows: CodeRow[] };

export const codeHref = (payer: string, code: string) => `/policies/${payer}/#code-${code}`;

/** Rows sorted by system (declared order) then code; columns are payers by display name. */
export function crosswalk(models: readonly PolicyModel[]): Crosswalk {
  const payers = models
    .map((m) => ({ payer: m.payer, name: m.meta.payerName }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const rows = new Map<string, CodeRow>();
  for (const { payer } of payers) {
    const model = models.find((m) => m.payer === payer)!;
    for (const block of model.codes) {
      for (const c of block.codes) {
        const row = rows.get(c.code) ?? { code: c.code, system: c.system, description: c.description, cells: {} };
        rows.set(c.code, row);
        // A payer listing a code twice keeps its first entry: its page anchor (#code-<code>) is the first row too.
        row.cells[payer] ??= { stance: c.stance, description: c.description, note: c.note ?? '', href: codeHref(payer, c.code) };
      }
    }
  }
  return { payers, rows: [...rows.values()].sort(compareCodes) };
}

export function compareCodes(a: Pick<CodeRow, 'system' | 'code'>, b: Pick<CodeRow, 'system' | 'code'>): number {
  // Ordinal, not locale, order: codes are identifiers (`0200T` before `20983`, `M80.08XA` before `M80.08XS`).
  return CODE_SYSTEMS.indexOf(a.system) - CODE_SYSTEMS.indexOf(b.system) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

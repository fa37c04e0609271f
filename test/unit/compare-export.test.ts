/** JSON and CSV export of a comparison: complete, parseable, and safe to open in a spreadsheet. */
import { beforeAll, describe, expect, it } from 'vitest';
import { compareCase } from '../../src/lib/compare/comparison.ts';
import { CSV_COLUMNS, csvCell, EXPORT_FORMAT, toCsv, toJson } from '../../src/lib/compare/export.ts';
import type { CompiledPolicy } from '../../src/lib/criteria/compile.ts';
import { loadCompiled } from '../../src/lib/criteria/load.ts';
import { caseFromHash, permalink } from '../../src/lib/criteria/permalink.ts';
import { sharedCase } from '../fixtures/shared-cases.ts';

let policies: CompiledPolicy[] = [];
beforeAll(async () => {
  policies = (await loadCompiled()).policies;
}, 60_000); // compiling every policy takes seconds on a busy machine

/** A small RFC 4180 reader, for checking what was written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += ch;
  }
  return rows;
}

describe('export', () => {
  it('writes JSON with the case, every result and the disagreement', () => {
    const shared = sharedCase('upper-thoracic-t2');
    const cmp = compareCase(policies, shared.case);
    const link = permalink(shared.case, 'http://127.0.0.1/compare/');
    const json = JSON.parse(toJson(cmp, link));
    expect(json.format).toBe(EXPORT_FORMAT);
    expect(json.case).toEqual(shared.case);
    const back = caseFromHash(new URL(json.permalink).hash);
    expect(back?.ok && back.case).toEqual(shared.case);
    for (const [payer, e] of Object.entries(shared.expected)) expect(json.results.find((r: { payer: string }) => r.payer === payer).decision).toBe(e.decision);
    expect(json.disagreement.headline).toBe(cmp.disagreement.headline);
    expect(json.disagreement.lines.map((l: { text: string }) => l.text)).toEqual(cmp.disagreement.lines.map((l) => l.text));
    expect(json.results.every((r: { trace?: unknown[] }) => Array.isArray(r.trace) && r.trace.length > 0)).toBe(true);
  });

  it('writes CSV: a header and one row per payer, with the decisions the case expects', () => {
    const shared = sharedCase('stenting');
    const rows = parseCsv(toCsv(compareCase(policies, shared.case), 'http://x/compare/#case=abc'));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.length).toBe(policies.length + 1);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    for (const row of rows.slice(1)) {
      expect(row.length).toBe(CSV_COLUMNS.length);
      const e = shared.expected[row[col('payer')]!];
      if (e) expect(row[col('decision')]).toBe(e.decision);
      expect(row[col('case_id')]).toBe(shared.case.id);
    }
  });

  it('quotes what needs quoting and defuses formulas in user text', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell(undefined)).toBe('');
    const c = { ...sharedCase('stenting').case, id: '=1+1' };
    const rows = parseCsv(toCsv(compareCase(policies, c), ''));
    expect(rows[1]![0]).toBe("'=1+1");
  });
});

/**
 * "Evaluate a file" on /compare/: a dropped JSON Lines file and a chosen JSON file are decided in a Web Worker
 * and summarised; the counts equal what decide() gives in Node for the same cases, invalid cases are skipped
 * and counted, and nothing a file holds is rendered as HTML.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledPolicy } from '../../src/lib/criteria/compile.ts';
import { decide } from '../../src/lib/criteria/decide.ts';
import { loadCompiled } from '../../src/lib/criteria/load.ts';
import { DECISION_LABEL } from '../../src/lib/compare/words.ts';
import { sharedCases } from '../fixtures/shared-cases.ts';
import { useSite } from './harness.ts';

let page: Page;
const site = useSite((s) => { page = s.page; });
let policies: CompiledPolicy[];
const cases = sharedCases().map((s) => s.case);

beforeAll(async () => {
  ({ policies } = await loadCompiled());
  await page.goto(`${site.url}/compare/`);
  await page.waitForSelector('#results[data-state="ready"]');
});

/** The "Decisions by payer" table as payer name → decision label → count. */
async function decisionTable(): Promise<Record<string, Record<string, number>>> {
  return page.locator('#batch-summary table').first().evaluate((t) => {
    const heads = [...t.querySelectorAll('thead th')].map((th) => th.textContent!);
    return Object.fromEntries([...t.querySelectorAll('tbody tr')].map((tr) => {
      const cells = [...tr.children].map((c) => c.textContent!);
      return [cells[0], Object.fromEntries(heads.slice(1).map((h, i) => [h, Number.parseInt(cells[i + 1]!, 10)]))];
    }));
  });
}

function expectedTable(list: readonly unknown[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const p of policies) {
    const name = p.model.meta.payerName.replace(/\s*\([^)]*\)/g, '').trim();
    const counts: Record<string, number> = (out[name] = {});
    for (const c of list) {
      const r = decide(p, c);
      const label = DECISION_LABEL[r.decision];
      counts[label] = (counts[label] ?? 0) + 1;
    }
  }
  return out;
}

const withoutZeros = (t: Record<string, Record<string, number>>) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).filter(([, n]) => n > 0))]));

describe('evaluate a file on /compare/', () => {
  it('summarises a dropped JSON Lines file as decide() would, skipping an invalid line', async () => {
    const many = Array.from({ length: 1200 }, (_, i) => cases[i % cases.length]);
    const text = [...many.slice(0, 600).map((c) => JSON.stringify(c)), '{"ageYears": "<img src=x onerror=alert(1)>"}', ...many.slice(600).map((c) => JSON.stringify(c))].join('\n');
    await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'cases.jsonl', { type: 'application/x-ndjson' }));
      document.getElementById('batch-drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForSelector('#batch-summary[data-state="done"]', { state: 'attached' });
    expect(await page.locator('[data-batch-count]').getAttribute('data-batch-count')).toBe(String(many.length));
    expect(await page.locator('#batch-summary').textContent()).toContain('1 invalid case(s) skipped');
    expect(await page.locator('#batch-summary img').count()).toBe(0);
    expect(withoutZeros(await decisionTable())).toEqual(expectedTable(many));
  });

  it('summarises a chosen JSON array file', async () => {
    await page.setInputFiles('#batch-file', { name: 'cases.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(cases)) });
    await page.waitForFunction((n) => document.querySelector('[data-batch-count]')?.getAttribute('data-batch-count') === String(n) && document.querySelector('#batch-summary')?.getAttribute('data-state') === 'done', cases.length);
    expect(withoutZeros(await decisionTable())).toEqual(expectedTable(cases));
    expect(await page.locator('#batch-summary details[data-batch-payer]').count()).toBe(policies.length);
    // Denials name their categories, counted as decide() gives them.
    const regence = policies.find((p) => p.model.payer === 'regence')!;
    const investigational = cases.filter((c) => decide(regence, c).category === 'investigational').length;
    if (investigational) expect(await page.locator('#batch-summary table tbody tr', { hasText: 'Regence' }).first().textContent()).toContain(`${investigational} investigational`);
  });

  it('says plainly when a file is not JSON', async () => {
    await page.setInputFiles('#batch-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('[{"a": 1},') });
    await page.waitForSelector('#batch-summary[data-state="error"]', { state: 'attached' });
    expect(await page.locator('#batch-status').textContent()).toMatch(/^The file could not be read: Unexpected end of input/);
  });
});

/**
 * /codes/ on the built site, checked against the policies' own ```codes blocks: one row per code, each payer's
 * stance linking to the row on its page; sorting and filtering by keyboard and mouse; readable without
 * JavaScript; accessible; usable at phone width.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeViolations, useSite } from './harness.ts';
import { loadModels } from '../../src/lib/criteria/load.ts';

const { models } = loadModels();
const listings = models.flatMap((m) => m.codes.flatMap((b) => b.codes.map((c) => ({ payer: m.payer, code: c.code, system: c.system, stance: c.stance }))));
const codes = [...new Set(listings.map((l) => l.code))];

let page: Page;
const site = useSite((s) => { page = s.page; });

type Cell = { payer: string; stance: string; href: string | null };
type Row = { id: string; code: string; system: string; hidden: boolean; cells: Cell[] };
const readRows = (p: Page): Promise<Row[]> => p.locator('table.crosswalk tbody tr').evaluateAll((trs) => trs.map((tr) => ({
  id: tr.id,
  code: tr.querySelector('th')!.textContent!.trim(),
  system: tr.querySelectorAll('td')[0]!.textContent!.trim(),
  hidden: (tr as HTMLElement).hidden !== false,
  cells: [...tr.querySelectorAll<HTMLElement>('td[data-payer]')].map((td) => ({ payer: td.dataset['payer']!, stance: td.dataset['stance']!, href: td.querySelector('a')?.getAttribute('href') ?? null })),
})));
const visibleCodes = async () => (await readRows(page)).filter((r) => !r.hidden).map((r) => r.code);

beforeAll(async () => {
  await page.goto(`${site.url}/codes/`);
});

describe('/codes/ against the policies', () => {
  it('has one column per payer and one row per listed code, sorted by system then code', async () => {
    const headers = await page.locator('table.crosswalk thead th').allTextContents();
    for (const m of models) expect(headers).toContain(m.meta.payerName);
    const rows = await readRows(page);
    expect(rows.map((r) => r.code).sort()).toEqual([...codes].sort());
    const systems = ['CPT', 'HCPCS', 'ICD-10-CM'];
    const key = (r: Row) => `${systems.indexOf(r.system)}|${r.code}`;
    expect(rows.map(key)).toEqual(rows.map(key).sort());
  });

  it("shows each payer's stance on each code, linked to that code's row on the payer's page", async () => {
    const rows = await readRows(page);
    for (const row of rows) {
      expect(row.id).toBe(`code-${row.code}`);
      for (const cell of row.cells) {
        const listing = listings.find((l) => l.payer === cell.payer && l.code === row.code);
        expect(cell.stance, `${cell.payer} ${row.code}`).toBe(listing?.stance ?? 'not-listed');
        expect(cell.href).toBe(listing ? `/policies/${cell.payer}/#code-${row.code}` : null);
        if (listing) expect(readFileSync(join('dist', 'policies', cell.payer, 'index.html'), 'utf8')).toContain(`<tr id="code-${row.code}"`);
      }
    }
  });

  it("follows a cell's link to the payer's code row", async () => {
    const { payer, code } = listings.find((l) => l.system === 'HCPCS') ?? listings[0]!;
    await page.locator(`tr[id="code-${code}"] td[data-payer="${payer}"] a`).click();
    await page.waitForURL((url) => url.pathname === `/policies/${payer}/` && url.hash === `#code-${code}`);
    expect(await page.evaluate(() => document.querySelector(':target')?.tagName)).toBe('TR');
    await page.goto(`${site.url}/codes/`);
  });
});

describe('sorting and filtering', () => {
  it('sorts by code both ways from the column header, by mouse and keyboard', async () => {
    const header = page.getByRole('button', { name: 'Code', exact: true });
    await header.click();
    expect(await visibleCodes()).toEqual([...codes].sort());
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    await header.focus();
    await page.keyboard.press('Enter');
    expect(await visibleCodes()).toEqual([...codes].sort().reverse());
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
  });

  it("sorts by a payer's stance, codes it lists first", async () => {
    const m = models.find((x) => x.codes.length)!;
    await page.getByRole('button', { name: m.meta.payerName }).click();
    const order = await visibleCodes();
    const listed = new Set(listings.filter((l) => l.payer === m.payer).map((l) => l.code));
    expect(order.slice(0, listed.size).every((c) => listed.has(c))).toBe(true);
  });

  it('filters by text, system and disagreement, and says how many codes show', async () => {
    const text = page.getByLabel('Code or description');
    await text.fill('M80');
    expect(await visibleCodes()).toEqual(expect.arrayContaining(codes.filter((c) => c.startsWith('M80'))));
    expect((await visibleCodes()).every((c) => c.startsWith('M80'))).toBe(true);
    expect(await page.locator('[data-codes-count]').textContent()).toBe(`Showing ${(await visibleCodes()).length} of ${codes.length} codes.`);
    await text.fill('');

    await page.getByLabel('System').selectOption('HCPCS');
    expect((await visibleCodes()).sort()).toEqual([...new Set(listings.filter((l) => l.system === 'HCPCS').map((l) => l.code))].sort());
    await page.getByLabel('System').selectOption('');

    await page.getByLabel('Only codes the listing payers disagree on').check();
    const disagreed = codes.filter((c) => new Set(listings.filter((l) => l.code === c).map((l) => l.stance)).size > 1);
    expect(disagreed.length).toBeGreaterThan(0);
    expect((await visibleCodes()).sort()).toEqual(disagreed.sort());
    await page.getByLabel('Only codes the listing payers disagree on').uncheck();
    expect((await visibleCodes()).length).toBe(codes.length);
  });
});

describe('without JavaScript, accessibility, phone width', () => {
  it('shows the whole table without JavaScript, and no dead controls', async () => {
    const noScript = await site.browser.page();
    const cdp = await site.browser.context.newCDPSession(noScript);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await noScript.goto(`${site.url}/codes/`);
    const rows = await readRows(noScript);
    expect(rows.filter((r) => !r.hidden).length).toBe(codes.length);
    expect(await noScript.locator('[data-codes-controls]').isHidden()).toBe(true);
    expect(await noScript.locator('table.crosswalk button').count()).toBe(0);
    await noScript.close();
  });

  it('has no serious axe violations', async () => {
    await page.goto(`${site.url}/codes/`);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('scrolls the table, not the page, at phone width', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${site.url}/codes/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.locator('.crosswalk-scroll').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

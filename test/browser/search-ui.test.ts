/**
 * The search box on the built site, driven like a user: typing each query of issue #5 shows every payer whose
 * policy speaks of it, links land on the exact row or node, the payer filter narrows, the keyboard and a phone
 * screen work, and axe finds nothing serious with results open. Without JavaScript, /search/ explains itself.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeViolations, useSite } from './harness.ts';
import { ALL_QUERIES, coveringNodes, expectedPayers, listingPayers, payerName, plausiblePayers, POLICIES, QUERIES } from './search-expected.ts';

let page: Page;
const site = useSite((s) => { page = s.page; });

type Shown = { payer: string; hrefs: string[] };

/** Types the query into the header box and waits for the results' status line to name it. */
async function search(query: string): Promise<Shown[]> {
  await page.fill('#site-search', query);
  await page.waitForFunction((q) => document.querySelector('[data-search-status]')?.textContent?.includes(`“${q}”`), query);
  return page.locator('.search-hit').evaluateAll((items) => items.map((li) => ({
    payer: (li as HTMLElement).dataset['payer'] ?? '',
    hrefs: [...li.querySelectorAll<HTMLAnchorElement>('a.search-spot')].map((a) => a.getAttribute('href')!),
  })));
}
const payersOf = (shown: Shown[]) => shown.map((s) => s.payer).filter(Boolean).sort();

beforeAll(async () => {
  await page.goto(`${site.url}/`);
});

describe.each(ALL_QUERIES)('searching %s in the header box', (query) => {
  it('shows every payer whose policy speaks of it (or covers the range), and only payers that could', async () => {
    const shown = await search(query);
    expect(payersOf(shown)).toEqual(expect.arrayContaining(expectedPayers(query, { coverage: true })));
    expect(plausiblePayers(query)).toEqual(expect.arrayContaining(payersOf(shown)));
    expect(await page.locator('[data-search-panel]').isVisible()).toBe(true);
  });
});

describe('landing places shown', () => {
  it.each(QUERIES.code)("%s links first to the code's row for each payer listing it", async (code) => {
    const shown = await search(code);
    for (const payer of listingPayers(code)) expect(shown.find((s) => s.payer === payer)?.hrefs[0]).toBe(`/policies/${payer}/#code-${code}`);
  });

  it.each(QUERIES.level)('%s links first to a levels node covering it, for each payer that has one', async (range) => {
    const shown = await search(range);
    for (const p of POLICIES.filter((x) => coveringNodes(x.model, range).length)) {
      const first = shown.find((s) => s.payer === p.model.payer)?.hrefs[0];
      expect(coveringNodes(p.model, range).map((id) => `/policies/${p.model.payer}/#${id}`)).toContain(first);
    }
  });
});

describe('payer filter', () => {
  it("narrows results to the ticked payers and widens again when unticked", async () => {
    const all = payersOf(await search('SpineJack'));
    const [one, two] = expectedPayers('SpineJack', { coverage: false });
    await page.locator('[data-search-filters] summary').click();
    await page.getByRole('checkbox', { name: payerName(one!) }).check();
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.startsWith('1 payer,'));
    expect(payersOf(await search('SpineJack'))).toEqual([one]);
    await page.getByRole('checkbox', { name: payerName(two!) }).check();
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.startsWith('2 payers,'));
    expect(payersOf(await search('SpineJack'))).toEqual([one, two].sort());
    for (const p of [one, two]) await page.getByRole('checkbox', { name: payerName(p!) }).uncheck();
    expect(payersOf(await search('Kiva'))).toEqual(expect.arrayContaining(all));
  });
});

describe('keyboard', () => {
  it('reaches the box by Tab, Escape closes the results, Enter searches and opens a result onto its code row', async () => {
    await page.goto(`${site.url}/policies/${POLICIES[0]!.model.payer}/`);
    for (let i = 0; i < 20 && !(await page.evaluate(() => document.activeElement?.id === 'site-search')); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('C1062');
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.includes('“C1062”'));
    await page.keyboard.press('Escape'); // a search field's Escape also clears it (the browser's own behaviour)
    expect(await page.locator('[data-search-panel]').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');

    await page.keyboard.type('C1062');
    await page.keyboard.press('Enter'); // submit: searches at once
    await page.waitForSelector('[data-search-panel]:not([hidden]) a.search-spot');
    const href = await page.locator('a.search-spot').first().getAttribute('href');
    for (let i = 0; i < 30 && (await page.evaluate(() => document.activeElement?.classList.contains('search-spot'))) !== true; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(href);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.href.endsWith(href!));
    expect(href).toMatch(/#code-C1062$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.tagName)).toBe('TR');
  });
});

describe('accessibility and small screens', () => {
  it('has no serious axe violations with results open', async () => {
    await page.goto(`${site.url}/codes/`);
    await search('vertebra plana');
    await page.locator('[data-search-filters] summary').click();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('fits a phone screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${site.url}/`);
    await search('osteoporosis program');
    await page.locator('[data-search-filters] summary').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const selector of ['#site-search', '[data-search-panel]']) {
      const box = (await page.locator(selector).boundingBox())!;
      expect(box.x >= 0 && box.x + box.width <= 360, selector).toBe(true);
    }
    expect(await page.locator('[data-search-panel]').evaluate((p) => p.scrollWidth <= p.clientWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('/search/', () => {
  it('shows the results of ?q= in the page', async () => {
    await page.goto(`${site.url}/search/?q=0200T`);
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.includes('“0200T”'));
    expect(await page.locator('main [data-search-panel] .search-hit').count()).toBeGreaterThanOrEqual(listingPayers('0200T').length);
    expect(await page.locator('[data-search-fallback]').isHidden()).toBe(true);
  });

  it('without JavaScript, says search needs it and links the codes page and every policy', async () => {
    const noScript = await site.browser.page();
    const cdp = await site.browser.context.newCDPSession(noScript);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await noScript.goto(`${site.url}/`);
    await noScript.fill('#site-search', 'Kiva');
    await noScript.press('#site-search', 'Enter');
    await noScript.waitForURL(/\/search\/\?q=Kiva/);
    expect(await noScript.locator('[data-search-fallback]').isVisible()).toBe(true);
    expect(await noScript.locator('[data-search-fallback] a[href="/codes/"]').count()).toBe(1);
    expect(await noScript.locator('[data-search-fallback] a[href^="/policies/"]').count()).toBe(POLICIES.length);
    await noScript.close();
  });
});

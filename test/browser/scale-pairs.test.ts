/**
 * The pair views at 20 payers (issue #18), on a generated site (the scale fixture: the real policies, then copies
 * under new ids). A policy and its copy have the same criteria: their pair view must find no difference and say
 * so; a real pair still shows its named differences; /disagreements/ renders with one payer against the 19
 * others, and its HTML holds no pair by pair matrix. The search's payer filter still narrows at 20 payers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeViolations, useSite } from './harness.ts';
import { againstDone, openPair, pairPath } from './pair-view.ts';
import { scaleSite } from './scale-site.ts';

const PAYERS = 20;
let page: Page;
// Builds the site the first time (minutes on a busy machine); later runs reuse it while the inputs are unchanged.
const site = useSite((s) => { page = s.page; }, { dist: () => scaleSite(PAYERS), timeout: 900_000 });

describe(`pair views at ${PAYERS} payers`, () => {
  it('a policy and its copy: no difference, said in plain words', async () => {
    expect(await openPair(page, `${site.url}${pairPath('cigna', 'cigna-c1')}`)).toBe(0);
    // In the site's payer order (files by name: `cigna-c1` before `cigna`).
    expect(await page.locator('h1').textContent()).toMatch(/^How Cigna (copy 1 )?\(eviCore\) and Cigna (copy 1 )?\(eviCore\) differ$/);
    expect(await page.locator('h1').textContent()).toContain('copy 1');
    expect(await page.locator('[data-pair-status]').textContent()).toMatch(/^No case was found on which these two payers decide differently: they agree on every one of the [\d,]+ cases tried\.$/);
    expect(await page.locator('[data-difference]').count()).toBe(0);
  });

  it('a real pair: its named differences, each with its topic, rules, example and cited sections', async () => {
    const count = await openPair(page, `${site.url}${pairPath('cigna', 'cohere-c2')}`);
    expect(count).toBeGreaterThan(5);
    expect(await page.locator('[data-difference]').count()).toBe(count);
    expect(await page.locator('[data-difference] .rule').count()).toBe(2 * count);
    expect(await page.locator('[data-difference] a.difference-link').count()).toBe(count);
    // Each example opens /compare/ with just the pair chosen (the default choice at 20 payers may hold neither).
    const chosen = await page.locator('[data-difference] a.difference-link').evaluateAll((els) => els.map((e) => new URL((e as HTMLAnchorElement).href).searchParams.get('payers')?.split(',').sort().join(',')));
    expect(new Set(chosen)).toEqual(new Set(['cigna,cohere-c2']));
    const topics = await page.locator('[data-difference]').evaluateAll((els) => els.map((e) => e.getAttribute('data-difference')));
    expect(topics).toContain('treated levels');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('a pair linked the other way round reads the same; an unknown payer is said so, not shown', async () => {
    const count = await openPair(page, `${site.url}${pairPath('cohere-c2', 'cigna')}`);
    expect(await page.locator('h1').textContent()).toMatch(/^How Cigna.* and Cohere Health copy 2 differ$/);
    expect(count).toBeGreaterThan(5);
    await page.goto(`${site.url}${pairPath('cigna', '<b>nobody</b>')}`);
    await page.waitForFunction(() => /There is no payer/.test(document.querySelector('[data-pair-status]')?.textContent ?? ''));
    expect(await page.locator('[data-pair-status] b').count()).toBe(0);
  });

  it('/disagreements/ renders: one payer against the 19 others, and no pair-by-pair matrix in its HTML', async () => {
    const html = readFileSync(join(site.dist, 'disagreements/index.html'), 'utf8');
    expect(html).not.toContain('table class="matrix"');
    expect(html.match(/\/disagreements\/pair\//g)?.length ?? 0).toBeLessThan(PAYERS);
    await page.goto(`${site.url}/disagreements/?payer=cigna`);
    await againstDone(page);
    expect(await page.locator('table.against tbody tr').count()).toBe(PAYERS - 1);
    // Every copy of Cigna agrees with it everywhere; every other payer differs somewhere.
    const counts = await page.locator('table.against tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-payer'), Number(r.querySelector('strong')?.textContent)] as const));
    for (const [payer, n] of counts) expect(n, payer!).toSatisfy((x: number) => (/^cigna-c\d+$/.test(payer!) ? x === 0 : x > 0));
    expect(await page.locator('table.boundaries tbody[data-dimension="treated-level"] td[data-payer]').count()).toBeGreaterThanOrEqual(PAYERS);
  }, 900_000);
});

describe(`search at ${PAYERS} payers`, () => {
  it('finds every payer that speaks of a term, and the payer filter narrows to the one ticked', async () => {
    await page.goto(`${site.url}/`);
    const shown = async () => page.locator('.search-hit').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset['payer'] ?? '').filter(Boolean));
    await page.fill('#site-search', 'kyphoplasty');
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.includes('“kyphoplasty”'));
    expect((await shown()).length).toBeGreaterThanOrEqual(10);
    await page.locator('[data-search-filters] summary').click();
    expect(await page.locator('[data-search-filters] input[type="checkbox"]').count()).toBe(PAYERS);
    await page.locator('[data-search-filters]').getByRole('checkbox', { name: 'Cohere Health copy 3' }).check();
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.startsWith('1 payer,'));
    expect(await shown()).toEqual(['cohere-c3']);
  });
});

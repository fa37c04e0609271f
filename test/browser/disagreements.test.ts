/**
 * /disagreements/ as a reader uses it: the matrix, the boundary table and the strip charts render and are
 * accessible; the page works by keyboard and at phone width; a witness opens /compare/ where its two payers
 * disagree (the comparison page marks each payer's result with data-payer and data-decision).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, serveDist, seriousAxeViolations } from './harness.ts';
import { policyFiles } from '../../src/lib/criteria/load.ts';
import { basename } from 'node:path';

const payers = policyFiles().map((f) => basename(f, '.mdx'));
let site: Awaited<ReturnType<typeof serveDist>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  site = await serveDist();
  browser = await launchBrowser();
  page = await browser.page();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('/disagreements/', () => {
  it('shows the payer matrix, the boundaries in words and strip charts with text alternatives, accessibly', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site.url}/disagreements/`);
    expect(await page.locator('table.matrix tbody tr').count()).toBe(payers.length);
    expect(await page.locator('table.matrix td a').count()).toBe(payers.length * (payers.length - 1));
    expect(await page.locator('table.boundaries tbody[data-dimension="treated-level"] td[data-payer]').count()).toBeGreaterThanOrEqual(payers.length);
    const strips = page.locator('figure.strip');
    expect(await strips.count()).toBeGreaterThan(0);
    // Every chart has an accessible name, letters in its cells, and its rows in words.
    const first = strips.first();
    const label = await first.locator('svg[role="img"]').getAttribute('aria-labelledby');
    expect((await page.locator(`[id="${label}"]`).textContent())?.length).toBeGreaterThan(10);
    expect((await first.locator('svg g[class^="o-"] text').allTextContents()).every((t) => /^[ADIXR?–]$/.test(t))).toBe(true);
    expect(await first.locator('details tbody tr').count()).toBe(payers.length);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('is usable by keyboard: Tab reaches the matrix links and the scrolling charts', async () => {
    await page.goto(`${site.url}/disagreements/`);
    const reached = new Set<string>();
    for (let i = 0; i < 60 && reached.size < 2; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.closest('table.matrix') ? 'matrix' : el?.closest('table.boundaries') || el?.matches('.table-scroll') ? 'boundaries' : '';
      });
      if (where) reached.add(where);
    }
    expect([...reached].sort()).toEqual(['boundaries', 'matrix']);
    await page.locator('figure.strip .chart').first().focus();
    expect(await page.evaluate(() => document.activeElement?.matches('figure.strip .chart'))).toBe(true);
  });

  it('fits a phone: only the tables and charts scroll sideways, not the page', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${site.url}/disagreements/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('links each pair to a page of all its witnesses, with criteria linked to the policies', async () => {
    await page.goto(`${site.url}/disagreements/`);
    const link = page.locator('table.matrix td a').first();
    await link.click();
    await page.waitForURL(/\/disagreements\/[a-z-]+-vs-[a-z-]+\/$/);
    expect(await page.locator('li.witness').count()).toBeGreaterThan(0);
    const node = page.locator('li.witness .sides a[href^="/policies/"]').first();
    expect(await node.getAttribute('href')).toMatch(/^\/policies\/[a-z-]+\/#[a-z0-9-]+$/);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('follows a witness to /compare/, where its two payers decide differently', async () => {
    await page.goto(`${site.url}/disagreements/`);
    const witness = page.locator('a.witness-link[data-decision-a="approve"][data-decision-b="deny"], a.witness-link[data-decision-a="deny"][data-decision-b="approve"]').first();
    const [a, b, da, db] = await Promise.all(['data-payer-a', 'data-payer-b', 'data-decision-a', 'data-decision-b'].map((n) => witness.getAttribute(n)));
    expect(da).not.toBe(db);
    await witness.click();
    await page.waitForURL(/\/compare\/#case=/);
    const decision = (payer: string) => page.locator(`[data-payer="${payer}"][data-decision]`).first();
    await decision(a!).waitFor({ timeout: 30_000 });
    expect(await decision(a!).getAttribute('data-decision')).toBe(da);
    expect(await decision(b!).getAttribute('data-decision')).toBe(db);
  });
});

/**
 * /disagreements/ as a reader uses it: the boundaries, one payer against the others (computed in the browser),
 * and the strip charts render and are accessible; the page works by keyboard and at phone width; each pair view
 * (/disagreements/pair/?a=…&b=…) names its differences in plain words, and each difference's example opens
 * /compare/ where its two payers split as stated (the comparison page marks each payer's result with data-payer
 * and data-decision).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeViolations, useSite } from './harness.ts';
import { loadCompiled, policyFiles } from '../../src/lib/criteria/load.ts';
import { permalink } from '../../src/lib/criteria/permalink.ts';
import { TOPICS } from '../../src/lib/explore/topics.ts';
import { basename } from 'node:path';
import { againstDone, openPair, pairPath } from './pair-view.ts';

const payers = policyFiles().map((f) => basename(f, '.mdx'));
const pairPaths = payers.flatMap((a, i) => payers.slice(i + 1).map((b) => pairPath(a, b)));
/** A backstop for waits on a busy shared machine (the comparison page loads every payer's evaluators), never a wait. */
const BUSY = 120_000;
/** The empty case: no date of service, so every payer needs information. */
const EMPTY = permalink({}, '');
let page: Page;
const site = useSite((s) => { page = s.page; });

describe('/disagreements/', () => {
  it('shows one payer against the others, the boundaries in words and strip charts with text alternatives, accessibly', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site.url}/disagreements/`);
    await againstDone(page);
    expect(await page.locator('table.against tbody tr').count()).toBe(payers.length - 1);
    expect(await page.locator('table.against td a').count()).toBe(payers.length - 1);
    expect(await page.locator('table.standing tbody tr[data-topic]').count()).toBeGreaterThan(0);
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

  it('is usable by keyboard: Tab reaches the payer against the others and the scrolling charts', async () => {
    await page.goto(`${site.url}/disagreements/`);
    await againstDone(page);
    const reached = new Set<string>();
    for (let i = 0; i < 60 && reached.size < 2; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.closest('table.against') || el?.closest('.against-form') ? 'against' : el?.closest('table.boundaries') || el?.matches('.table-scroll') ? 'boundaries' : '';
      });
      if (where) reached.add(where);
    }
    expect([...reached].sort()).toEqual(['against', 'boundaries']);
    await page.locator('figure.strip .chart').first().focus();
    expect(await page.evaluate(() => document.activeElement?.matches('figure.strip .chart'))).toBe(true);
  });

  it('fits a phone: only the tables and charts scroll sideways, not the page', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${site.url}/disagreements/`);
    await againstDone(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('links each pair to its view of named differences: at most 25, each with its topic, an example and cited sections', async () => {
    await page.goto(`${site.url}/disagreements/`);
    await againstDone(page);
    const link = page.locator('table.against td a').first();
    const count = Number(await link.locator('strong').textContent());
    await link.click();
    await page.waitForURL(/\/disagreements\/pair\/\?a=[a-z-]+&b=[a-z-]+$/);
    expect(await page.waitForSelector('[data-pair-view][data-pair-done]', { timeout: 240_000 }).then((e) => e.getAttribute('data-pair-done'))).toBe(String(count));
    const differences = page.locator('[data-difference]');
    expect(await differences.count()).toBe(count);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(25);
    for (const topic of await differences.evaluateAll((els) => els.map((e) => e.getAttribute('data-difference')))) expect(TOPICS).toContain(topic);
    expect(await page.locator('[data-difference] a.difference-link').count()).toBe(count);
    for (const href of await page.locator('[data-difference] .cited a').evaluateAll((els) => els.map((e) => e.getAttribute('href')))) {
      expect(href).toMatch(/^\/policies\/[a-z-]+\/(#[a-z0-9-]+)?$/);
    }
    // The raw cases stay behind each difference, collapsed.
    expect(await page.locator('[data-difference] details:not([open]) li.witness').count()).toBeGreaterThanOrEqual(count);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('speaks plainly: no field path, node id or "witness" in any text the pages show, even with every case expanded', async () => {
    const { policies } = await loadCompiled();
    const ids = new Set(policies.flatMap((p) => [...p.model.nodes.map((n) => n.id), ...p.model.blocks.map((b) => b.id)]));
    const pages = ['/disagreements/', ...pairPaths];
    for (const path of pages) {
      if (path === '/disagreements/') await page.goto(`${site.url}${path}`), await againstDone(page);
      else await openPair(page, `${site.url}${path}`);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      const text = await page.evaluate(() => document.querySelector('main')!.innerText);
      expect(text, path).not.toMatch(/\b(request|diagnosis|symptoms|findings|conservativeCare|osteoporosisCare)\.[a-zA-Z]/);
      expect(text, path).not.toMatch(/witness/i);
      const words = new Set(text.split(/[^A-Za-z0-9-]+/));
      expect([...ids].filter((id) => words.has(id)), path).toEqual([]);
      if (path !== '/disagreements/') expect(await page.locator('[data-difference]').count(), path).toBeLessThanOrEqual(25);
    }
  }, 600_000);

  it('fits a phone on a pair page too', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      await openPair(page, `${site.url}${pairPaths[0]}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  // Every example's split is checked through the permalink codec and the evaluators in
  // test/unit/explore-differences.test.ts and explore-pair.test.ts; here, through the page, one example of each
  // kind (a full pass over every example takes many minutes on a busy machine).
  it('named differences\' examples, opened in /compare/, split their two payers as stated (each kind)', async () => {
    type Example = { hash: string; a: string; b: string; da: string; db: string; kind: string };
    const examples: Example[] = [];
    for (const path of pairPaths) {
      await openPair(page, `${site.url}${path}`);
      const all = await page.locator('[data-difference] a.difference-link').evaluateAll((els) => els.map((e) => ({
        hash: new URL((e as HTMLAnchorElement).href).hash, kind: e.closest('[data-kind]')!.getAttribute('data-kind')!,
        a: e.getAttribute('data-payer-a')!, b: e.getAttribute('data-payer-b')!, da: e.getAttribute('data-decision-a')!, db: e.getAttribute('data-decision-b')!,
      })));
      // One example of each kind in all (each pair's examples are computed in the browser, and each check through
      // /compare/ takes seconds on a busy machine; the unit tests check every example's split).
      examples.push(...all.filter((x, i) => all.findIndex((y) => y.kind === x.kind) === i && !examples.some((y) => y.kind === x.kind)));
    }
    expect(examples.length).toBeGreaterThan(0);
    await page.goto(`${site.url}/compare/${EMPTY}`);
    const decisions = (a: string, b: string) => page.evaluate(([x, y]) => [x, y].map((p) => document.querySelector(`[data-payer="${p}"][data-decision]`)?.getAttribute('data-decision') ?? null), [a, b]);
    for (const ex of examples) {
      // From the empty case (every payer needs information) to the example: wait until it is shown, then compare.
      await page.evaluate((h) => { location.hash = h; }, EMPTY);
      await page.waitForFunction(([a, b]) => [a, b].every((p) => document.querySelector(`[data-payer="${p}"]`)?.getAttribute('data-decision') === 'needs-information'), [ex.a, ex.b], { timeout: BUSY });
      await page.evaluate((h) => { location.hash = h; }, ex.hash);
      const decided = ex.da === 'needs-information' ? ex.b : ex.a;
      await page.waitForFunction((p) => document.querySelector(`[data-payer="${p}"]`)?.getAttribute('data-decision') !== 'needs-information', decided, { timeout: BUSY });
      expect(await decisions(ex.a, ex.b), ex.hash).toEqual([ex.da, ex.db]);
      // Both deny: the difference is the denial's category, which each card shows.
      if (ex.da === ex.db) {
        const categories = await page.evaluate(([x, y]) => [x, y].map((p) => document.querySelector(`[data-payer="${p}"] [data-category-text]`)?.textContent?.trim() ?? ''), [ex.a, ex.b]);
        expect(categories[0], ex.hash).not.toBe(categories[1]);
      }
    }
  }, 900_000);
});

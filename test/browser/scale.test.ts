/**
 * /compare/ and /criteria/ on a generated 20-payer site (the scale fixture, issue #18): the reader picks three
 * payers and gets exactly their results, with only their evaluators fetched; /criteria/ shows the columns chosen.
 * A copy decides as its original (same criteria under another id), so expected decisions come from ../shared/cases.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodeCase } from '../../src/lib/criteria/permalink.ts';
import { initialJs } from '../../src/lib/scale/initial-js.ts';
import { sharedCase } from '../fixtures/shared-cases.ts';
import { seriousAxeViolations, useSite } from './harness.ts';
import { scaleSite } from './scale-site.ts';

let page: Page;
// Builds the site the first time (minutes on a busy machine); later runs reuse it while the inputs are unchanged.
const site = useSite((s) => { page = s.page; }, { dist: () => scaleSite(20), timeout: 900_000 });

/** The original a copy was made from: `cigna-c2` → `cigna`. */
const original = (payer: string) => payer.replace(/-c\d+$/, '');

/** Payer id of each compiled-evaluator chunk in dist/_astro (`cigna-c2.<hash>.js`, `cigna-c2-<hash>.js`). */
function evaluatorChunks(payers: readonly string[]): Map<string, string> {
  const files = readdirSync(join(site.dist, '_astro'));
  const out = new Map<string, string>();
  for (const id of payers) for (const f of files) if (new RegExp(`^${id}[.-][\\w-]{8}\\.js$`).test(f)) out.set(`/_astro/${f}`, id);
  return out;
}

const visibleCards = () => page.locator('article.payer-result[data-payer]').evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).map((e) => ({ payer: e.getAttribute('data-payer'), decision: e.getAttribute('data-decision') })));

describe('/compare/ at 20 payers', () => {
  it('keeps the initial JavaScript under 60 KB gzip', () => {
    expect(initialJs(site.dist, 'compare/index.html').gzipBytes).toBeLessThanOrEqual(60 * 1024);
  });

  it('compares the three payers picked, fetching only their evaluators', async () => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    // A busy machine takes long over a blank form's first explanations: start from a case, wait generously.
    await page.goto(`${site.url}/compare/#case=${encodeCase(sharedCase('stenting').case)}`);
    await page.waitForSelector('#results[data-state="ready"]', { timeout: 120_000 });
    const boxes = page.locator('#payer-choice input[name="payer"]');
    const all = await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(all).toHaveLength(20);
    const chunks = evaluatorChunks(all);
    const fetched = () => [...new Set(requested.map((p) => chunks.get(p)).filter(Boolean))].sort();
    // Many payers: a few chosen by default, and only theirs are fetched.
    const defaults = await boxes.evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).checked).map((e) => (e as HTMLInputElement).value));
    expect(defaults.length).toBeGreaterThan(0);
    expect(defaults.length).toBeLessThan(all.length);
    expect(fetched()).toEqual([...defaults].sort());

    // Three payers, two of them outside the default choice (their cards come with them), found by name.
    const picked = [defaults[0]!, ...all.filter((id) => !defaults.includes(id)).slice(-2)];
    await page.click('#payer-choice [data-choice-none]');
    for (const id of picked) {
      const name = await page.locator(`#payer-choice li[data-choice-item="${id}"] label`).textContent();
      await page.fill('#payer-choice [data-choice-filter]', name!.trim());
      // The filter keeps the names holding the words typed ("Cigna (eviCore)" keeps its copies too).
      const shown = (await page.locator('#payer-choice li[data-choice-item]:not([hidden]) label').allTextContents()).map((t) => t.trim());
      expect(shown.length).toBeLessThan(all.length);
      for (const n of shown) expect(n).toContain(name!.trim());
      expect(await page.locator(`#payer-choice li[data-choice-item="${id}"]`).isVisible()).toBe(true);
      await page.check(`#payer-choice input[value="${id}"]`);
    }
    await page.fill('#payer-choice [data-choice-filter]', '');
    const shared = sharedCase('upper-thoracic-t2');
    await page.evaluate((hash) => { location.hash = hash; }, `#case=${encodeCase(shared.case)}`);
    await page.waitForFunction((ids) => {
      const shown = [...document.querySelectorAll('article.payer-result[data-payer]')].filter((e) => e.getClientRects().length > 0);
      return document.querySelector('#results')?.getAttribute('data-state') === 'ready' && shown.length === ids.length && shown.every((e) => e.getAttribute('data-decision'));
    }, picked, { timeout: 120_000 });
    const cards = await visibleCards();
    expect(cards.map((c) => c.payer).sort()).toEqual([...picked].sort());
    for (const c of cards) expect(c.decision, c.payer!).toBe(shared.expected[original(c.payer!)]!.decision);
    expect(fetched()).toEqual([...new Set([...defaults, ...picked])].sort());
    // The choice is in the address, beside the case.
    const url = new URL(page.url());
    expect(url.searchParams.get('payers')!.split(',').sort()).toEqual([...picked].sort());
    expect(url.hash).toMatch(/^#case=/);
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 600_000);

  it('opens a permalink with its payers, loading only theirs', async () => {
    const requested: string[] = [];
    const onRequest = (r: { url: () => string }) => requested.push(new URL(r.url()).pathname);
    const context = site.browser.context;
    const fresh = await context.newPage();
    fresh.on('request', onRequest);
    try {
      const all = await page.locator('#payer-choice input[name="payer"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      const picked = all.slice(-3);
      const shared = sharedCase('stenting');
      await fresh.goto(`${site.url}/compare/?payers=${picked.join(',')}#case=${encodeCase(shared.case)}`);
      await fresh.waitForFunction((n) => document.querySelector('#results')?.getAttribute('data-state') === 'ready'
        && [...document.querySelectorAll('article.payer-result[data-payer]')].filter((e) => e.getClientRects().length > 0 && e.getAttribute('data-decision')).length === n, picked.length, { timeout: 120_000 });
      const shown = await fresh.locator('article.payer-result[data-payer]').evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).map((e) => [e.getAttribute('data-payer'), e.getAttribute('data-decision')]));
      expect(shown.map(([p]) => p).sort()).toEqual([...picked].sort());
      for (const [p, d] of shown) expect(d, p!).toBe(shared.expected[original(p!)]!.decision);
      const chunks = evaluatorChunks(all);
      expect([...new Set(requested.map((p) => chunks.get(p)).filter(Boolean))].sort()).toEqual([...picked].sort());
    } finally {
      await fresh.close();
    }
  }, 300_000);
});

describe('/criteria/ at 20 payers', () => {
  it('shows a chosen set of columns, found by name, and keeps it in the link', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${site.url}/criteria/`);
    const visible = () => page.locator('thead th[data-payer-column]').evaluateAll((ths) => ths.filter((th) => getComputedStyle(th).display !== 'none').map((th) => th.getAttribute('data-payer-column')));
    const before = await visible();
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThan(20);
    const hiddenOne = await page.locator('#matrix-choice input[name="payer"]:not(:checked)').first().getAttribute('value');
    const name = (await page.locator(`#matrix-choice li[data-choice-item="${hiddenOne}"] label`).textContent())!.trim();
    await page.fill('#matrix-choice [data-choice-filter]', name);
    await page.check(`#matrix-choice input[value="${hiddenOne}"]`);
    const after = await visible();
    expect(after.sort()).toEqual([...before, hiddenOne].sort());
    // Every row shows the same columns as the head, and the page itself does not scroll sideways.
    const rowCells = await page.locator('tr[data-topic="age"] td[data-payer]').evaluateAll((tds) => tds.filter((td) => getComputedStyle(td).display !== 'none').map((td) => td.getAttribute('data-payer')));
    expect(rowCells.sort()).toEqual(after.sort());
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.goto(page.url());
    expect((await visible()).sort()).toEqual(after.sort());
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

/** Every static page renders, is accessible (axe: no serious/critical), and policy trees link to their nodes. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeViolations, useSite } from './harness.ts';
import { policyFiles } from '../../src/lib/criteria/load.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const payers = policyFiles().map((f) => basename(f, '.mdx'));
let page: Page;
const site = useSite((s) => { page = s.page; });

describe('home page', () => {
  it('lists every payer with its dates, and is accessible', async () => {
    await page.goto(`${site.url}/`);
    const listed = await page.locator('[data-payer-card]').evaluateAll((els) => els.map((e) => e.getAttribute('data-payer-card')));
    expect(listed.sort()).toEqual([...payers].sort());
    expect(await page.locator('time').count()).toBeGreaterThanOrEqual(payers.length);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('every page loads cleanly', () => {
  it('no failed request and no console error (the favicon included) on the site\'s main pages', async () => {
    const failures: string[] = [];
    const onResponse = (r: { status: () => number; url: () => string }) => { if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`); };
    const onConsole = (m: { type: () => string; text: () => string }) => { if (m.type() === 'error') failures.push(`console: ${m.text()}`); };
    page.on('response', onResponse);
    page.on('console', onConsole);
    try {
      for (const path of ['/', `/policies/${payers[0]}/`, '/codes/', '/authoring/']) {
        await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
        const icon = await page.locator('link[rel="icon"]').getAttribute('href');
        expect(icon).toBe('/favicon.svg');
        expect((await fetch(`${site.url}${icon}`)).status).toBe(200);
      }
    } finally {
      page.off('response', onResponse);
      page.off('console', onConsole);
    }
    expect(failures).toEqual([]);
  });
});

describe('the built pages\' words', () => {
  // Astro drops the line break after an element that ends a source line ("a <strong>Library</strong>⏎of" came out
  // as "Libraryof"): no word may run into the end of a link or an emphasis on any built page.
  it('keep their spaces: no word joined to the end of a link or emphasis', () => {
    const dist = join(process.cwd(), 'dist');
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    const joined = pages.flatMap((f) => [...readFileSync(join(dist, f), 'utf8').matchAll(/<\/(?:a|strong|em|code|abbr)>[A-Za-z][a-z]+/g)].map((m) => `${f}: ${m[0]}`));
    expect(joined).toEqual([]);
  });
});

describe.each(payers)('policy page %s', (payer) => {
  it('renders its decision trees with linkable nodes and source citations, accessibly', async () => {
    await page.goto(`${site.url}/policies/${payer}/`);
    expect(await page.locator('.criteria-block').count()).toBeGreaterThan(0);
    const firstNode = page.locator('ul.tree li[id]').first();
    const id = await firstNode.getAttribute('id');
    expect(await page.locator(`a[href="#${id}"]`).count()).toBeGreaterThan(0);
    expect(await page.locator('.criteria-block cite').count()).toBeGreaterThan(0);
    expect(await page.locator('aside.interpretation').count()).toBeGreaterThan(0);
    expect(await page.locator('table.examples tr[data-pass="false"]').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

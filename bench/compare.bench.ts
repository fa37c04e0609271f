/**
 * /compare/ budgets (issue 4), measured on the built site (dist/ must exist; `npm run bench` builds first):
 * - the JavaScript the page loads: every script dist/compare/index.html references, with its imports, gzip;
 * - from a field change to every payer's result on screen, in headless Chromium: the median over many
 *   synthetic changes of the time from setting a control and dispatching `change` to the DOM being updated
 *   and laid out (the page updates synchronously in the event handler).
 * Reported, never asserted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeCase } from '../src/lib/criteria/permalink.ts';
import { readPublicExamples } from '../src/lib/criteria/public-cases-fs.ts';
import { launchBrowser, serveDist } from '../test/browser/harness.ts';
import { median } from './timing.ts';

const DIST = join(process.cwd(), 'dist');
const JS_BUDGET = 60 * 1024;
const LATENCY_BUDGET_MS = 16;

/** Every script the page loads: `<script src>`, inline module scripts, and what they import (static or dynamic). */
export function pageScripts(html: string): Map<string, number> {
  const sizes = new Map<string, number>();
  const visit = (url: string) => {
    if (sizes.has(url)) return;
    const file = join(DIST, url);
    if (!existsSync(file)) throw new Error(`${url} is referenced by /compare/ but missing from dist/`);
    const code = readFileSync(file);
    sizes.set(url, gzipSync(code).length);
    for (const m of code.toString('utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+\.js)["']/g)) visit(new URL(m[1]!, `http://x${url}`).pathname);
  };
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(m[1]!)?.[1];
    if (src) visit(new URL(src, 'http://x/compare/').pathname);
    else if (m[2]!.trim()) {
      sizes.set(`inline script ${sizes.size + 1}`, gzipSync(m[2]!).length);
      for (const i of m[2]!.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+\.js)["']/g)) visit(new URL(i[1]!, 'http://x/compare/').pathname);
    }
  }
  return sizes;
}

type Timing = { median: number; p95: number; n: number };

/** In the page: `n` changes of one control, each timed from the change to the DOM updated and laid out. */
async function timeChanges(page: import('playwright-core').Page, scenario: 'select' | 'levels', n: number): Promise<Timing> {
  return page.evaluate(async ({ scenario, n }) => {
    const results = document.querySelector('#results')!;
    const times: number[] = [];
    const select = document.querySelector<HTMLSelectElement>('#field-findings-pregnant')!;
    const values = ['true', 'false', ''];
    const boxes = [...document.querySelectorAll<HTMLInputElement>('input[data-item-of="request.levels"]')].filter((b) => ['T2', 'L3'].includes(b.value));
    for (let i = 0; i < n; i++) {
      const before = results.getAttribute('data-revision');
      const t0 = performance.now();
      if (scenario === 'select') {
        select.value = values[i % values.length]!;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      } else {
        // Swap the treated level between T2 and L3: the level split appears and disappears.
        for (const b of boxes) b.checked = !b.checked;
        boxes[0]!.dispatchEvent(new Event('change', { bubbles: true }));
      }
      void document.body.offsetHeight; // style and layout of what changed
      const t1 = performance.now();
      if (results.getAttribute('data-revision') === before) throw new Error('the change did not re-render the results');
      times.push(t1 - t0);
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 0)); // let the page breathe like a user would
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]!, n };
  }, { scenario, n });
}

export default async function compare(): Promise<Record<string, string | number>> {
  const html = readFileSync(join(DIST, 'compare/index.html'), 'utf8');
  const scripts = pageScripts(html);
  const total = [...scripts.values()].reduce((a, b) => a + b, 0);
  const raw = [...scripts.keys()].filter((k) => k.startsWith('/')).reduce((a, k) => a + readFileSync(join(DIST, k)).length, 0);

  const site = await serveDist();
  const browser = await launchBrowser();
  const figures: Record<string, string | number> = {};
  try {
    const page = await browser.page();
    await page.setViewportSize({ width: 1280, height: 900 });
    const example = readPublicExamples().find((e) => e.name === 'upper-thoracic-t2') ?? readPublicExamples()[0]!;
    const load0 = Date.now();
    await page.goto(`${site.url}/compare/#case=${encodeCase(example.case)}`);
    await page.waitForSelector('#results[data-state="ready"]');
    const loadMs = Date.now() - load0;
    // Open every trace (the worst case: every node's mark is shown) and look at the form beside the results,
    // as a reader changing a field does.
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details.trace')) (d as HTMLDetailsElement).open = true;
      document.querySelector('#results')!.scrollIntoView({ block: 'start' });
    });
    await timeChanges(page, 'select', 30); // warm-up: let the JIT see the path
    const select = await timeChanges(page, 'select', 300);
    const levels = await timeChanges(page, 'levels', 300);
    const all = median([select.median, levels.median]);
    Object.assign(figures, {
      'JS loaded by /compare/, gzip, total (KB)': +(total / 1024).toFixed(1),
      'JS loaded by /compare/, minified, total (KB)': +(raw / 1024).toFixed(1),
      'JS files': [...scripts].map(([k, v]) => `${k.replace(/^.*\//, '')} ${(v / 1024).toFixed(1)} KB`).join(', '),
      'budget: JS ≤ 60 KB gzip': total <= JS_BUDGET ? 'met' : `NOT met (${((total - JS_BUDGET) / 1024).toFixed(1)} KB over)`,
      'page load to first results, upper-thoracic-t2 (ms)': loadMs,
      [`field change → all results on screen, yes/no field, median of ${select.n} (ms)`]: +select.median.toFixed(2),
      'yes/no field, p95 (ms)': +select.p95.toFixed(2),
      [`field change → all results on screen, treated level T2 ↔ L3 (level split analysis), median of ${levels.n} (ms)`]: +levels.median.toFixed(2),
      'treated level T2 ↔ L3, p95 (ms)': +levels.p95.toFixed(2),
      'budget: change → results ≤ 16 ms (median)': Math.max(select.median, levels.median) <= LATENCY_BUDGET_MS ? 'met' : 'NOT met',
      'median of the two scenarios (ms)': +all.toFixed(2),
    });
  } finally {
    await browser.close();
    await site.close();
  }
  return figures;
}

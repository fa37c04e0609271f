/**
 * /criteria/ (issue #13): every topic row with one cell per payer, every cell link landing on a node that
 * exists, the rendered words equal to the generated cells (whose boundaries the unit sweep checks) and to the
 * CSV, overdue reviews flagged against the build date, one card per topic on a phone, accessible, searchable.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeViolations, useSite } from './harness.ts';
import { loadModels } from '../../src/lib/criteria/load.ts';
import { TOPICS } from '../../src/lib/criteria/topics.ts';
import { MATRIX_CSV_COLUMNS } from '../../src/lib/criteria-matrix/export.ts';
import { pageHit } from '../../src/lib/search/spots.ts';
import type { PagefindResultData } from '../../src/lib/search/pagefind-types.ts';

const { models } = loadModels();
const payers = models.map((m) => m.payer).sort();
let page: Page;
const site = useSite((s) => { page = s.page; });

type Exported = { builtOn: string; topics: Array<{ id: string; cells: Array<{ payer: string; text: string; status: string; sentences: Array<{ claims: Array<{ text: string; node: string }> }> }> }> };
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** RFC 4180 CSV → rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += ch;
  }
  return rows;
}

const cellTexts = () => page.locator('tr[data-topic] td[data-payer]').evaluateAll((tds) => tds.map((td) => ({
  topic: td.closest('tr')!.getAttribute('data-topic')!,
  payer: td.getAttribute('data-payer')!,
  text: td.querySelector('.cell-text')!.textContent!,
})));

describe('/criteria/', () => {
  it('has every topic row, each with one cell per payer, and the words of the generated cells', async () => {
    await page.goto(`${site.url}/criteria/`);
    expect(await page.locator('tr[data-topic]').evaluateAll((trs) => trs.map((t) => t.getAttribute('data-topic')))).toEqual(TOPICS.map((t) => t.id));
    for (const t of TOPICS) {
      const cells = await page.locator(`tr[data-topic="${t.id}"] td[data-payer]`).evaluateAll((tds) => tds.map((td) => td.getAttribute('data-payer')));
      expect([...cells].sort(), t.id).toEqual(payers);
    }
    const exported = (await (await fetch(`${site.url}/criteria.json`)).json()) as Exported;
    const shown = await cellTexts();
    expect(shown).toHaveLength(TOPICS.length * payers.length);
    for (const cell of shown) {
      const generated = exported.topics.find((t) => t.id === cell.topic)!.cells.find((c) => c.payer === cell.payer)!;
      expect(squash(cell.text)).toBe(generated.text);
      // Every stated threshold / range / set (swept by test/unit/criteria-matrix.test.ts) is on the page.
      for (const s of generated.sentences) for (const c of s.claims) expect(cell.text).toContain(c.text);
    }
    // Cells where payers differ are marked in words, not by colour alone.
    const differing = await page.locator('td[data-differs="true"]').count();
    expect(differing).toBeGreaterThan(0);
    expect(await page.locator('td[data-differs="true"] .mark.differs').count()).toBe(differing);
  });

  it('links every cell to criteria that exist on the policy pages', async () => {
    await page.goto(`${site.url}/criteria/`);
    const hrefs = await page.locator('td[data-payer] a[href^="/policies/"]').evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!))]);
    expect(hrefs.length).toBeGreaterThan(100);
    const byPage = new Map<string, string[]>();
    for (const h of hrefs) {
      const [path, id] = h.split('#');
      byPage.set(path!, [...(byPage.get(path!) ?? []), id!]);
    }
    for (const [path, ids] of byPage) {
      await page.goto(`${site.url}${path}`);
      const present = new Set(await page.locator('ul.tree li[id]').evaluateAll((lis) => lis.map((li) => li.id)));
      expect(ids.filter((id) => !present.has(id)), path).toEqual([]);
    }
  });

  it('expands a row to its criteria with one button', async () => {
    await page.goto(`${site.url}/criteria/`);
    const row = page.locator('tr[data-topic="level-range"]');
    const button = row.locator('button[data-expand-row]');
    await button.click();
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    const open = await row.locator('details').evaluateAll((ds) => ds.map((d) => (d as HTMLDetailsElement).open));
    expect(open.length).toBeGreaterThan(0);
    expect(open.every(Boolean)).toBe(true);
    expect(await row.locator('details li a[href*="/policies/"]').count()).toBeGreaterThan(0);
  });

  it('exports a CSV that matches the page, cell for cell', async () => {
    await page.goto(`${site.url}/criteria/`);
    const response = await fetch(`${site.url}/criteria.csv`);
    const [header, ...lines] = parseCsv(await response.text());
    expect(header).toEqual([...MATRIX_CSV_COLUMNS]);
    const col = (name: (typeof MATRIX_CSV_COLUMNS)[number]) => MATRIX_CSV_COLUMNS.indexOf(name);
    const shown = await cellTexts();
    expect(lines.map((l) => `${l[col('topic_id')]}|${l[col('payer_id')]}|${l[col('text')]}`))
      .toEqual(shown.map((c) => `${c.topic}|${c.payer}|${squash(c.text)}`));
    const links = await page.locator('a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/criteria.csv', '/criteria.json']);
  });

  it('shows one card per topic with payers stacked at phone width, without horizontal overflow', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    try {
      for (const path of ['/criteria/', '/', `/policies/${payers[0]}/`]) {
        await page.goto(`${site.url}${path}`);
        const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: innerWidth }));
        expect(scroll, path).toBeLessThanOrEqual(width);
      }
      await page.goto(`${site.url}/criteria/`);
      const layout = await page.locator('tr[data-topic="level-range"]').evaluate((tr) => {
        const cells = [...tr.querySelectorAll('td')].map((td) => td.getBoundingClientRect());
        return { display: getComputedStyle(tr).display, lefts: [...new Set(cells.map((r) => Math.round(r.left)))], stacked: cells.every((r, i) => i === 0 || r.top >= cells[i - 1]!.bottom - 1), named: [...tr.querySelectorAll('.payer-name')].every((e) => getComputedStyle(e).display !== 'none') };
      });
      expect(layout.display).toBe('block');
      expect(layout.lefts).toHaveLength(1);
      expect(layout.stacked).toBe(true);
      expect(layout.named).toBe(true);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('does not scroll the page sideways at 1280 px: only the table scrolls', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const path of ['/criteria/', '/']) {
      await page.goto(`${site.url}${path}`);
      const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
      expect(scroll, path).toBeLessThanOrEqual(width);
    }
  });

  it('shows, prints and links the payers chosen', async () => {
    await page.goto(`${site.url}/criteria/`);
    const visible = () => page.locator('tr[data-topic="age"] td[data-payer]').evaluateAll((tds) => tds.filter((td) => getComputedStyle(td).display !== 'none').map((td) => td.getAttribute('data-payer')));
    // Few payers: every one is shown, and the address names no choice.
    expect((await visible()).sort()).toEqual(payers);
    const [first, second] = payers;
    await page.locator(`#matrix-choice input[value="${first}"]`).uncheck();
    await page.locator(`#matrix-choice input[value="${second}"]`).uncheck();
    const rest = payers.slice(2);
    expect((await visible()).sort()).toEqual(rest);
    expect(new URL(page.url()).searchParams.get('payers')!.split(',').sort()).toEqual(rest);
    await page.emulateMedia({ media: 'print' });
    try {
      expect((await visible()).sort()).toEqual(rest);
      expect(await page.locator(`thead th[data-payer-column="${first}"]`).evaluate((th) => getComputedStyle(th).display)).toBe('none');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    // The link keeps the choice.
    await page.goto(page.url());
    expect((await visible()).sort()).toEqual(rest);
    expect(await page.locator(`#matrix-choice input[value="${first}"]`).isChecked()).toBe(false);
  });

  it('keeps the topic column in view while the table scrolls sideways', async () => {
    await page.setViewportSize({ width: 900, height: 800 });
    try {
      await page.goto(`${site.url}/criteria/`);
      const region = page.locator('.matrix-scroll');
      const before = await page.locator('tr[data-topic="age"] th').evaluate((th) => th.getBoundingClientRect().left);
      await region.evaluate((el) => { el.scrollLeft = 400; });
      await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      const after = await page.locator('tr[data-topic="age"] th').evaluate((th) => th.getBoundingClientRect().left);
      expect(Math.round(after)).toBe(Math.round(before));
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('prints with the citations of every cell', async () => {
    await page.goto(`${site.url}/criteria/`);
    await page.emulateMedia({ media: 'print' });
    try {
      const cites = await page.locator('td[data-status="addressed"] .print-cite').evaluateAll((ps) => ps.map((p) => getComputedStyle(p).display !== 'none' && (p.textContent ?? '').startsWith('Sources: ')));
      expect(cites.length).toBeGreaterThan(0);
      expect(cites.every(Boolean)).toBe(true);
      expect(await page.locator('.no-print').first().evaluate((e) => getComputedStyle(e).display)).toBe('none');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('is accessible (axe: no serious or critical violations), here and on the home page', async () => {
    for (const path of ['/criteria/', '/']) {
      await page.goto(`${site.url}${path}`);
      expect(await seriousAxeViolations(page), path).toEqual([]);
    }
  });

  it('is searchable: Pagefind lands on a cell', async () => {
    await page.goto(`${site.url}/criteria/`);
    const results = (await page.evaluate(`(async () => {
      const pf = await import('/pagefind/pagefind.js');
      await pf.init();
      const r = await pf.search('continuum');
      return Promise.all(r.results.map((x) => x.data()));
    })()`)) as PagefindResultData[];
    const matrixPage = results.find((d) => d.url === '/criteria/');
    expect(matrixPage).toBeDefined();
    const spots = pageHit(matrixPage!, 'continuum').spots.map((s) => s.href);
    expect(spots.some((h) => /^\/criteria\/#cell-osteoporosis-care-[a-z-]+$/.test(h)), spots.join(' ')).toBe(true);
  });
});

describe('home page', () => {
  it('leads with the rows where payers differ most, linking to /criteria/', async () => {
    await page.goto(`${site.url}/`);
    const rows = await page.locator('.glance tr[data-topic]').evaluateAll((trs) => trs.map((t) => Number(t.getAttribute('data-answers'))));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(TOPICS.length);
    expect(await page.locator('.glance a[href="/criteria/"]').count()).toBe(1);
    await page.goto(`${site.url}/criteria/`);
    const all = await page.locator('tr[data-topic]').evaluateAll((trs) => trs.map((t) => Number(t.getAttribute('data-answers'))));
    const shownMin = Math.min(...rows);
    expect(all.filter((a) => a > shownMin).length).toBeLessThanOrEqual(rows.length);
  });
});

describe('provenance', () => {
  it('flags every review date before the build date, on the home page and each policy page, and no other', async () => {
    await page.goto(`${site.url}/`);
    const today = await page.locator('.provenance').first().getAttribute('data-build-date');
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const overdue = (m: (typeof models)[number]) => {
      const v = [...m.meta.versions].sort((a, b) => a.effective.localeCompare(b.effective)).at(-1)!;
      return v.nextReview !== undefined && v.nextReview < today!;
    };
    for (const m of models) {
      const card = page.locator(`[data-payer-card="${m.payer}"]`);
      expect(await card.locator('[data-overdue]').count(), m.payer).toBe(overdue(m) ? 1 : 0);
      expect(await card.locator('dt').allTextContents()).toContain('Addresses');
    }
    expect(models.some(overdue)).toBe(true);
    for (const m of models) {
      await page.goto(`${site.url}/policies/${m.payer}/`);
      const flag = page.locator('.provenance [data-overdue]');
      expect(await flag.count(), m.payer).toBe(overdue(m) ? 1 : 0);
      if (overdue(m)) expect(await flag.textContent()).toMatch(/review was due \S.* — check for a newer version/);
      expect(await page.locator('details.history').count()).toBe(1);
      expect(await page.locator('.payer-summary dd[data-topic]').count()).toBeGreaterThan(5);
    }
  });
});

/**
 * The built index through Pagefind's own JS API (/pagefind/pagefind.js): each query of issue #5 reaches every
 * payer whose policy speaks of it, and the places derived from each result (src/lib/search) are the exact
 * anchors: the code row, the levels node, the criterion. Expectations come from the policies (search-expected.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from './harness.ts';
import { ALL_QUERIES, coveringNodes, expectedPayers, listingPayers, payerName, plausiblePayers, POLICIES, QUERIES } from './search-expected.ts';
import type { PagefindResultData } from '../../src/lib/search/pagefind-types.ts';
import { expandQuery, mergeResults } from '../../src/lib/search/query.ts';
import { pageHit, type PageHit } from '../../src/lib/search/spots.ts';

let page: Page;
const site = useSite((s) => { page = s.page; });

/**
 * Runs queries through Pagefind in the page; returns each query's results (score and full data). The script is
 * a string: vitest would rewrite a dynamic import() inside a function before it reaches the browser.
 */
async function pagefind(queries: string[], filters?: Record<string, string>) {
  return page.evaluate(`(async () => {
    const pf = await import('/pagefind/pagefind.js');
    await pf.init();
    const out = {};
    for (const q of ${JSON.stringify(queries)}) {
      const r = await pf.search(q, ${JSON.stringify(filters ? { filters } : {})});
      out[q] = await Promise.all(r.results.map(async (x) => ({ score: x.score, data: await x.data() })));
    }
    return out;
  })()`) as Promise<Record<string, Array<{ score: number; data: PagefindResultData }>>>;
}

let raw: Record<string, Array<{ score: number; data: PagefindResultData }>>;
/** What the search UI computes for a query: its searches merged, one hit per page. */
const hits = (query: string): PageHit[] => {
  const queries = expandQuery(query);
  return mergeResults(queries.map((q) => raw[q]!)).map((d) => pageHit(d, queries.join(' ')));
};
const payersOf = (list: PageHit[]) => list.flatMap((h) => (h.payer ? [h.payer] : [])).sort();

beforeAll(async () => {
  await page.goto(`${site.url}/`);
  raw = await pagefind([...new Set(ALL_QUERIES.flatMap(expandQuery))]);
});

describe.each(ALL_QUERIES)('Pagefind query %s', (query) => {
  it('reaches every payer whose policy speaks of it, and only payers that could', () => {
    const literal = payersOf(raw[query]!.map((r) => pageHit(r.data, query)));
    expect(literal).toEqual(expect.arrayContaining(expectedPayers(query, { coverage: false })));
    expect(plausiblePayers(query)).toEqual(expect.arrayContaining(literal));
  });

  it('lands on places that exist on the built pages', () => {
    for (const hit of hits(query)) {
      const html = readFileSync(join('dist', hit.url, 'index.html'), 'utf8');
      for (const spot of hit.spots) {
        const id = spot.href.split('#')[1];
        if (id) expect(html, `${spot.href}`).toContain(`id="${id}"`);
      }
    }
  });

});

// Every (query, payer) where some criterion's label names the query: the results must link to one of them.
const labelled = ALL_QUERIES.flatMap((query) => POLICIES.flatMap((p) => {
  const ids = p.model.nodes.filter((n) => n.label.toLowerCase().replace(/[–—]/g, '-').includes(query.toLowerCase())).map((n) => n.id);
  return ids.length ? [{ query, payer: p.model.payer, ids }] : [];
}));

describe('criteria nodes', () => {
  it('are named by several of the queries', () => expect(new Set(labelled.map((l) => l.query)).size).toBeGreaterThan(4));

  it.each(labelled)('$query lands on a $payer criterion whose label names it', ({ query, payer, ids }) => {
    const hrefs = hits(query).find((h) => h.payer === payer)?.spots.map((s) => s.href) ?? [];
    expect(ids.map((id) => `/policies/${payer}/#${id}`).some((href) => hrefs.includes(href)), `${ids}`).toBe(true);
  });
});

describe.each(QUERIES.code)('code %s', (code) => {
  it("lands first on the code's row in every payer's table that lists it, and in the cross-walk", () => {
    const list = hits(code);
    expect(listingPayers(code).length).toBeGreaterThan(0);
    for (const payer of listingPayers(code)) {
      expect(list.find((h) => h.payer === payer)?.spots[0]?.href).toBe(`/policies/${payer}/#code-${code}`);
    }
    expect(list.find((h) => h.url === '/codes/')?.spots[0]?.href).toBe(`/codes/#code-${code}`);
  });
});

describe.each(QUERIES.level)('level range %s', (range) => {
  it('also reaches every payer with a criterion covering the range, landing first on that levels node', () => {
    const list = hits(range);
    const covering = POLICIES.filter((p) => coveringNodes(p.model, range).length);
    expect(covering.length).toBeGreaterThan(0);
    expect(payersOf(list)).toEqual(expect.arrayContaining(expectedPayers(range, { coverage: true })));
    for (const p of covering) {
      const first = list.find((h) => h.payer === p.model.payer)?.spots[0]?.href;
      expect(coveringNodes(p.model, range).map((id) => `/policies/${p.model.payer}/#${id}`)).toContain(first);
    }
  });
});

describe('what is indexed', () => {
  it('indexes policy content and the cross-walk, not navigation or page chrome', async () => {
    // Quoted: Pagefind's exact-phrase search. Each phrase is on every policy page, outside the policy content.
    const chrome = ['"Criteria at a glance"', '"Compare with other payers"', '"every node cites its section"', '"Skip to content"'];
    const found = await pagefind([...chrome, '"interpretation note"']);
    for (const phrase of chrome) expect(found[phrase], phrase).toEqual([]);
    expect(found['"interpretation note"']!.length).toBe(POLICIES.length);
    const pages = [...expectedPayers('22513', { coverage: false }).map((p) => `/policies/${p}/`), '/codes/'];
    expect(raw['22513']!.map((r) => r.data.url).sort()).toEqual(pages.sort());
  });
});

describe('payer filter', () => {
  it("returns only the chosen payer's policy", async () => {
    const payers = expectedPayers('Kiva', { coverage: false });
    for (const payer of payers.slice(0, 2)) {
      const filtered = await pagefind(['Kiva'], { payer: payerName(payer) });
      expect(filtered['Kiva']!.map((r) => r.data.url)).toEqual([`/policies/${payer}/`]);
    }
  });
});

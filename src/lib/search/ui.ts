/**
 * The search box's behaviour (DOM glue over Pagefind's JS API): live results grouped by payer, each place a
 * link to its exact anchor, and a payer filter. Without JavaScript the form submits to /search/, which says so.
 */
import type { Pagefind } from './pagefind-types.ts';
import { expandQuery, mergeResults } from './query.ts';
import { pageHit, SPOT_KIND_LABELS, type ExcerptPart, type PageHit, type Spot } from './spots.ts';

const SPOTS_SHOWN = 5;
const HINT = 'Type a code (22513, M80.08XA), a device (Kiva), a level range (T1-T4) or a term (vertebra plana) in the search box.';
const DEBOUNCE_MS = 180;

let pagefind: Promise<Pagefind> | null = null;

/**
 * Loads Pagefind once. It is written after the site build, so it is imported at run time by URL. The URL is
 * absolute: the dev server adds `?import` to a path-only dynamic import and then refuses files from public/.
 */
export function loadPagefind(path = '/pagefind/pagefind.js'): Promise<Pagefind> {
  pagefind ??= (async () => {
    const pf = (await import(/* @vite-ignore */ new URL(path, location.href).href)) as Pagefind;
    await pf.init();
    return pf;
  })();
  return pagefind;
}

/** Runs the query's searches (query.ts) with the payer filter and returns one hit per page, best first. */
export async function searchHits(pf: Pagefind, term: string, payers: readonly string[]): Promise<PageHit[]> {
  const options = payers.length ? { filters: { payer: { any: [...payers] } } } : {};
  const queries = expandQuery(term);
  const searches = await Promise.all(queries.map(async (q) => {
    const response = await pf.search(q, options);
    return Promise.all((response?.results ?? []).map(async (r) => ({ score: r.score, data: await r.data() })));
  }));
  // Ranking counts every searched word: a node covering all of T5–L5 beats a mention of L3.
  return mergeResults(searches).map((d) => pageHit(d, queries.join(' ')));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const excerptNodes = (parts: ExcerptPart[]) => parts.map((p) => (p.mark ? el('mark', {}, p.text) : document.createTextNode(p.text)));

function spotItem(spot: Spot): HTMLLIElement {
  const kind = el('span', { className: 'search-kind' }, SPOT_KIND_LABELS[spot.kind], spot.context ? ` in ${spot.context}` : '');
  const link = el('a', { href: spot.href, className: 'search-spot' }, spot.label);
  link.dataset['kind'] = spot.kind;
  return el('li', {}, kind, ' ', link, el('p', { className: 'search-excerpt' }, ...excerptNodes(spot.excerpt)));
}

function hitItem(hit: PageHit): HTMLLIElement {
  const name = hit.payerName ?? 'All payers';
  const title = el('p', { className: 'search-hit-title' }, el('a', { href: hit.url }, el('strong', {}, name)), ` · ${hit.title.replace(`${name}: `, '')}`);
  const more = hit.spots.length - SPOTS_SHOWN;
  const item = el('li', { className: 'search-hit' }, title, el('ul', { className: 'search-spots' }, ...hit.spots.slice(0, SPOTS_SHOWN).map(spotItem)));
  if (more > 0) item.append(el('p', { className: 'search-more' }, `${more} more ${more === 1 ? 'place' : 'places'} on this page`));
  item.dataset['payer'] = hit.payer ?? '';
  return item;
}

function statusText(term: string, hits: PageHit[], filtered: boolean): string {
  const payers = hits.filter((h) => h.payer).length;
  const places = hits.reduce((n, h) => n + h.spots.length, 0);
  if (!hits.length) return `No ${filtered ? 'ticked payer’s ' : ''}policy mentions “${term}”.`;
  return `${payers} ${payers === 1 ? 'payer' : 'payers'}, ${places} ${places === 1 ? 'place' : 'places'} for “${term}”.`;
}

export function mountSearch(form: HTMLFormElement, panel: HTMLElement): void {
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const status = panel.querySelector<HTMLElement>('[data-search-status]')!;
  const filters = panel.querySelector<HTMLDetailsElement>('[data-search-filters]')!;
  const filterCount = filters.querySelector<HTMLElement>('[data-search-filter-count]')!;
  const list = panel.querySelector<HTMLOListElement>('[data-search-hits]')!;
  // On /search/ the results are the page's content, not a panel under the header.
  const home = document.querySelector<HTMLElement>('[data-search-page]');
  if (home) home.append(panel);

  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const selectedPayers = () => [...filters.querySelectorAll<HTMLInputElement>('input:checked')].map((c) => c.value);

  const addFilters = async (pf: Pagefind) => {
    if (filters.dataset['ready']) return;
    filters.dataset['ready'] = 'true';
    const payers = Object.keys((await pf.filters())['payer'] ?? {}).sort((a, b) => a.localeCompare(b));
    filters.querySelector('fieldset')!.append(...payers.map((p) => el('label', {}, el('input', { type: 'checkbox', value: p }), ` ${p}`)));
    filters.hidden = false;
  };

  const run = async () => {
    const term = input.value.trim();
    const mine = ++generation;
    if (!term) { panel.hidden = !home; list.replaceChildren(); status.textContent = home ? HINT : ''; return; }
    panel.hidden = false;
    status.textContent = 'Searching…';
    try {
      const pf = await loadPagefind();
      await addFilters(pf);
      const payers = selectedPayers();
      const hits = await searchHits(pf, term, payers);
      if (mine !== generation) return; // a newer query has started
      list.replaceChildren(...hits.map(hitItem));
      status.textContent = statusText(term, hits, payers.length > 0);
    } catch {
      if (mine === generation) status.textContent = 'The search index is not available. The codes page and each payer’s page list everything searchable.';
    }
  };

  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, DEBOUNCE_MS); });
  filters.addEventListener('change', () => {
    const n = selectedPayers().length;
    filterCount.textContent = n ? `(${n} ticked)` : '(all payers)';
    void run();
  });
  form.addEventListener('submit', (event) => { event.preventDefault(); clearTimeout(timer); void run(); });
  input.addEventListener('focus', () => { if (input.value.trim() && list.childElementCount) panel.hidden = false; });
  const escape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !home && !panel.hidden) { panel.hidden = true; input.focus(); }
  };
  form.addEventListener('keydown', escape);
  panel.addEventListener('keydown', escape);
  // A same-page link (#node) should show its target, not the results over it.
  panel.addEventListener('click', (event) => { if ((event.target as Element).closest('a') && !home) panel.hidden = true; });

  const q = new URLSearchParams(location.search).get('q');
  if (home) { input.value = q ?? ''; void run(); }
}

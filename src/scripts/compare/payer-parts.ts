/**
 * A payer's parts of /compare/ (its result card with the trace, its spine column, its timeline row and their
 * text equivalents) for payers the page was not built with: fetched once from `/compare/parts/<payer>/` (built
 * by src/pages/compare/parts/[payer].astro from the same components) and put in site order. The fragment is
 * the site's own build output, never anything a case holds.
 */
const fetched = new Map<string, Promise<void>>();

const present = (payer: string) => document.querySelector(`article.payer-result[data-payer="${CSS.escape(payer)}"]`) !== null;

/** Places `el` among `parent`'s payer children by the payers' site order. */
function insertInOrder(parent: Element, el: Element, rank: ReadonlyMap<string, number>): void {
  const r = rank.get(el.getAttribute('data-payer') ?? '') ?? Infinity;
  const next = [...parent.children].find((c) => c.hasAttribute('data-payer') && (rank.get(c.getAttribute('data-payer')!) ?? Infinity) > r);
  parent.insertBefore(el, next ?? null);
}

async function fetchParts(payer: string, order: readonly string[]): Promise<void> {
  const res = await fetch(`/compare/parts/${encodeURIComponent(payer)}/`);
  if (!res.ok) throw new Error(`the page's part for this payer did not load (HTTP ${res.status})`);
  const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
  if (present(payer)) return;
  const rank = new Map(order.map((id, i) => [id, i]));
  const put = (from: Element | null, parent: Element | null) => { if (from && parent) insertInOrder(parent, document.importNode(from, true), rank); };
  const q = (s: string) => document.querySelector(s);
  put(doc.querySelector('article.payer-result[data-payer]'), q('.payer-results'));
  put(doc.querySelector('.spine-column[data-payer]'), q('#spine .spine-scroll'));
  put(doc.querySelector('table[data-text-for="spine"] thead th[data-payer]'), q('#spine table[data-text-for="spine"] thead tr'));
  for (const row of doc.querySelectorAll<HTMLElement>('table[data-text-for="spine"] tbody tr[data-level]')) {
    put(row.querySelector('td[data-payer]'), q(`#spine table[data-text-for="spine"] tbody tr[data-level="${CSS.escape(row.dataset.level!)}"]`));
  }
  put(doc.querySelector('.tl-row[data-payer]'), q('#timeline .timeline-body'));
  put(doc.querySelector('ul[data-text-for="timeline"] > li[data-payer]'), q('#timeline ul[data-text-for="timeline"]'));
}

/** Resolves once the payer's parts are on the page (at once when the page was built with them). */
export function ensureParts(payer: string, order: readonly string[]): Promise<void> {
  if (present(payer)) return Promise.resolve();
  let p = fetched.get(payer);
  if (!p) {
    p = fetchParts(payer, order);
    fetched.set(payer, p);
    p.catch(() => fetched.delete(payer));
  }
  return p;
}

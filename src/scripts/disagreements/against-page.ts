/**
 * /disagreements/: one payer against every other, computed on demand (issue #18). The chosen payer (the form,
 * or `?payer=` in the address; the first by default) is analysed with each other payer in turn in a worker;
 * each pair's row appears as it is done, and the topic-by-topic standing is recomputed from the pairs so far.
 * Text nodes only.
 */
import { againstCell, canonicalPair, standingRows, type AgainstCell, type StandingRow } from '../../lib/explore/matrix-view.ts';
import type { PairAnalysis } from '../../lib/explore/pair.ts';
import { h } from '../compare/dom.ts';
import { pairWorker, type Pairs } from './pairs.ts';

function cellRow(c: AgainstCell): HTMLTableRowElement {
  return h('tr', { 'data-payer': c.payer },
    h('th', { scope: 'row' }, c.name),
    h('td', { class: `sev-${c.severity}` }, h('a', { href: c.href }, h('strong', {}, String(c.differences)), h('span', { class: 'visually-hidden' }, ` ${c.words}`))),
    h('td', {}, c.kinds.join(', ') || 'none'),
  );
}

function standingRow(r: StandingRow): HTMLTableRowElement {
  const list = (names: string[]) => (names.length ? names.join(', ') : '—');
  return h('tr', { 'data-topic': r.topic, class: `lean-${r.cell.lean}` },
    h('th', { scope: 'row' }, r.title),
    h('td', {}, list(r.cell.looser)),
    h('td', {}, list(r.cell.stricter)),
  );
}

export function startAgainst(root: HTMLElement): void {
  const payers = JSON.parse(root.dataset.payers ?? '[]') as Array<{ id: string; name: string }>;
  const ids = payers.map((p) => p.id);
  const select = root.querySelector<HTMLSelectElement>('select[name="payer"]')!;
  const status = root.querySelector<HTMLElement>('[data-against-status]')!;
  const rows = root.querySelector<HTMLElement>('table.against tbody')!;
  const standing = root.querySelector<HTMLElement>('table.standing tbody')!;
  // One worker per core (at most four): the pairs are independent, and each takes seconds.
  const pool = Array.from({ length: Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)) }, () => pairWorker());
  let run = 0;

  const show = async (chosen: string) => {
    const mine = ++run;
    for (const w of pool) w.stop();
    const others = ids.filter((p) => p !== chosen);
    const name = payers.find((p) => p.id === chosen)!.name;
    rows.replaceChildren();
    standing.replaceChildren();
    root.setAttribute('aria-busy', 'true');
    delete root.dataset.againstDone;
    const results: PairAnalysis[] = [];
    const progress = () => { status.textContent = `Comparing ${name} with the other payers in your browser: ${results.length} of ${others.length} done…`; };
    progress();
    const queue = [...others];
    const work = async (pairs: Pairs) => {
      for (let other = queue.shift(); other !== undefined && mine === run; other = queue.shift()) {
        const result = await pairs.analyse(...canonicalPair(ids, chosen, other));
        if (mine !== run) return;
        results.push(result);
        // Rows in the site's payer order, whichever pair finishes first.
        results.sort((x, y) => ids.indexOf(x.pair.find((p) => p !== chosen)!) - ids.indexOf(y.pair.find((p) => p !== chosen)!));
        rows.replaceChildren(...results.map((r) => cellRow(againstCell(r, chosen))));
        standing.replaceChildren(...standingRows(results, chosen).map(standingRow));
        progress();
      }
    };
    try {
      await Promise.all(pool.map(work));
    } catch (err) {
      if (mine === run) status.textContent = `The comparison could not run: ${(err as Error).message}`;
      root.removeAttribute('aria-busy');
      return;
    }
    if (mine !== run) return;
    const total = results.reduce((s, r) => s + r.items.length, 0);
    status.textContent = `${name} against the ${others.length} other payers: ${total} named differences in all. Follow a count to read them.`;
    root.removeAttribute('aria-busy');
    root.dataset.againstDone = String(others.length);
  };

  const requested = new URLSearchParams(location.search).get('payer');
  if (requested && ids.includes(requested)) select.value = requested;
  select.addEventListener('change', () => {
    const url = new URL(location.href);
    url.searchParams.set('payer', select.value);
    history.replaceState(null, '', url);
    void show(select.value);
  });
  if (ids.length > 1) void show(select.value);
}

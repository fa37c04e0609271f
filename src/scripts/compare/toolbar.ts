/** Copy link, JSON/CSV export, print, and the printed summary of the case. */
import type { FormState, ListState, TherapiesState } from '../../lib/compare/case-state.ts';
import type { Comparison } from '../../lib/compare/comparison.ts';
import type { Explained } from '../../lib/explain/explain-comparison.ts';
import { toCsv, toJson } from '../../lib/compare/export.ts';
import { formFields } from '../../lib/compare/form-model.ts';
import { humanize } from '../../lib/render/words.ts';
import { h, setText } from './dom.ts';

type Source = { comparison: () => Comparison | null; explained: () => Explained | null; permalink: () => string };

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function status(text: string): void {
  const el = byId('toolbar-status');
  setText(el, '');
  // Set after a tick so a repeated message is announced again.
  setTimeout(() => setText(el, text), 50);
}

/** A file name from the case label: letters, digits and dashes only. */
function fileName(c: Comparison, ext: string): string {
  const label = (c.case.id ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `comparison${label ? `-${label}` : ''}.${ext}`;
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function wireToolbar(source: Source): void {
  byId('copy-link').addEventListener('click', async () => {
    const link = source.permalink();
    const input = byId<HTMLInputElement>('share-url');
    input.value = link;
    try {
      await navigator.clipboard.writeText(link);
      status('Link copied.');
    } catch {
      // No clipboard access: show the link, selected, for the reader to copy.
      (input.parentElement as HTMLElement).hidden = false;
      input.focus();
      input.select();
      status('Copy the selected link.');
    }
  });
  byId('export-json').addEventListener('click', () => {
    const c = source.comparison();
    if (c) download(fileName(c, 'json'), 'application/json', toJson(c, source.permalink(), source.explained()));
  });
  byId('export-csv').addEventListener('click', () => {
    const c = source.comparison();
    if (c) download(fileName(c, 'csv'), 'text/csv', toCsv(c, source.permalink(), source.explained()));
  });
  byId('print').addEventListener('click', () => window.print());
}

/** The printout's record line: when it was printed and the permalink (each card shows its policy's version). */
export function fillRecord(permalink: string): void {
  setText(byId('record-printed'), `${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`);
  setText(byId('record-permalink'), permalink);
}

/**
 * The case for the printout, compact enough for one page: each known fact as "title: value", except yes/no
 * facts, which are gathered into one "Yes: …" and one "No: …" entry; then how many fields are unknown.
 */
export function fillCaseSummary(dl: HTMLElement, state: FormState): void {
  const out: Node[] = [];
  const yes: string[] = [];
  const no: string[] = [];
  let unknown = 0;
  const entry = (title: string, text: string) => out.push(h('div', {}, h('dt', {}, title), ' ', h('dd', {}, text)));
  for (const f of formFields()) {
    const s = state[f.path];
    let text: string | null = null;
    if (f.kind === 'levels' || f.kind === 'set') {
      const list = s as ListState;
      text = list.known ? list.items.map((x) => (f.kind === 'set' ? humanize(x) : x)).join(', ') || 'none' : null;
    } else if (f.kind === 'therapies') {
      const t = s as TherapiesState;
      text = t.known ? t.rows.map((r) => `${humanize(r.kind)} ${r.weeks || '?'} wk ${r.outcome || 'outcome unknown'}`).join('; ') || 'none' : null;
    } else if (typeof s === 'string' && s.trim() !== '') {
      if (f.kind === 'boolean' && (s === 'true' || s === 'false')) {
        (s === 'true' ? yes : no).push(f.title);
        continue;
      }
      text = f.kind === 'enum' ? humanize(s) : s;
    }
    if (text === null) unknown++;
    else entry(f.title, text);
  }
  if (yes.length) entry('Yes', yes.join('; '));
  if (no.length) entry('No', no.join('; '));
  entry('Unknown', `${unknown} field${unknown === 1 ? '' : 's'}`);
  dl.replaceChildren(...out);
}

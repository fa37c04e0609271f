/**
 * /compare/ in the browser: form → case → decide() for every payer (compiled client modules) → results on
 * screen, with the URL kept in step (`#case=…`). Results are data from decide(); nothing here decides.
 */
import { whereWords } from '../../lib/compare/where-words.ts';
import { emptyState, fieldFor, knownCount, readCase, stateFromCase, type FieldProblem } from '../../lib/compare/case-state.ts';
import { compareCase, type Comparison } from '../../lib/compare/comparison.ts';
import { FIELDS_BY_PATH, FORM, formFields } from '../../lib/compare/form-model.ts';
import { DECISION_SHORT } from '../../lib/compare/words.ts';
import type { CompiledPolicy } from '../../lib/criteria/compile.ts';
import type { Case } from '../../lib/criteria/case-schema.ts';
import { caseFromHash, encodeCase } from '../../lib/criteria/permalink.ts';
import { h, setText } from './dom.ts';
import { FormDom } from './form-dom.ts';
import { wireToolbar, fillCaseSummary, fillRecord } from './toolbar.ts';
import { renderDisagreement } from './render-disagreement.ts';
import { ResultCard } from './render-result.ts';
import { showCase, wirePictures } from '../pictures.ts';
import { loaders } from 'virtual:policy-client-loaders';
import { wireChooser } from '../select/chooser.ts';
import { ensureParts } from './payer-parts.ts';
import { renderAsk, renderSpeech } from './render-ask.ts';
import { answerBasis } from '../../lib/explain/answers.ts';
import { explainComparison, type Explained } from '../../lib/explain/explain-comparison.ts';
import { payerName } from '../../lib/compare/words.ts';

const URL_DELAY_MS = 250;
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export type Page = { comparison: () => Comparison | null; explained: () => Explained | null; permalink: () => string };

export async function start(): Promise<Page> {
  const fields = formFields();
  const form = new FormDom(byId<HTMLFormElement>('case-form'), fields);
  const cards = new Map<string, ResultCard>();
  const strip = new Map([...document.querySelectorAll<HTMLElement>('[data-strip]')].map((a) => [a.dataset.strip!, a.querySelector<HTMLElement>('[data-strip-decision]')!]));
  const counts = FORM.map((g) => ({ el: document.querySelector<HTMLElement>(`[data-count-for="${CSS.escape(g.path)}"]`)!, fields: formFields([g]) }));
  const results = byId('results');
  // The chosen payers' compiled evaluators (site order), loaded on demand: see choose().
  let policies: CompiledPolicy[] = [];
  let current: Comparison | null = null;
  let explained: Explained | null = null;
  let askTimer: ReturnType<typeof setTimeout> | undefined;
  let basis = answerBasis([]);
  let names = new Map<string, string>();
  let key = '';
  let revision = 0;
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  let started = false;
  let choosing = 0;

  /**
   * The chosen payers: their evaluators (one chunk each, fetched once) and their parts of the page (built in
   * for the default choice, fetched otherwise); then the results again, for the chosen payers only.
   */
  async function choose(ids: string[], order: readonly string[]): Promise<void> {
    const ticket = ++choosing;
    results.dataset.state = 'loading';
    try {
      const loaded = await Promise.all(ids.map(async (id) => {
        const [policy] = await Promise.all([loaders[id]!(), ensureParts(id, order)]);
        return policy;
      }));
      if (ticket !== choosing) return;
      policies = loaded;
      basis = answerBasis(policies.map((p) => p.model));
      names = new Map(policies.map((p) => [p.model.payer, payerName(p.model)]));
      for (const id of ids) {
        const el = document.querySelector<HTMLElement>(`article.payer-result[data-payer="${CSS.escape(id)}"]`);
        if (el && !cards.has(id)) cards.set(id, new ResultCard(el));
      }
      wirePictures();
      current = null;
      if (started) update({ syncUrl: false });
    } catch (err) {
      if (ticket !== choosing) return;
      byId('disagreement-body').replaceChildren(h('p', { class: 'refusal' }, `The chosen payers could not be loaded: ${(err as Error).message}. Reload the page to try again.`));
    }
  }
  const chooser = wireChooser(byId('payer-choice'), 'body', (ids) => { void choose(ids, chooser.ids); });
  await choose(chooser.chosen(), chooser.ids);

  /**
   * The address follows the form a moment after the last change: history.replaceState costs Chromium several
   * milliseconds a call (and it throttles bursts), too much to pay on every keystroke.
   */
  function syncUrl(): void {
    clearTimeout(urlTimer);
    urlTimer = undefined;
    if (location.hash !== `#case=${key}`) history.replaceState(history.state, '', `#case=${key}`);
  }
  function scheduleUrl(): void {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(syncUrl, URL_DELAY_MS);
  }

  // The payers chosen (`?payers=`) are part of the link.
  const permalink = () => `${location.origin}${location.pathname}${location.search}#case=${key}`;

  /** Cards, ask next and the open-result sentences from one set of explanations. */
  function showExplained(e: Explained): void {
    explained = e;
    current!.results.forEach((r, i) => cards.get(r.payer)?.render(r, e.explanations[i]!));
    renderSpeech(byId('disagreement-speech'), e.speech);
    // "No disagreement" is said only when every payer has decided.
    byId('disagreement').dataset.open = String(current!.results.some((r) => r.decision === 'needs-information'));
    if (e.ask) renderAsk(byId('ask-next-body'), e.ask, names);
  }

  function render(c: Case): void {
    if (!policies.length) {
      current = null;
      byId('disagreement-body').replaceChildren(h('p', {}, 'No payer is chosen: choose at least one above to see its decision.'));
      results.dataset.state = 'ready';
      results.dataset.revision = String(++revision);
      return;
    }
    current = compareCase(policies, c);
    // First the quick explanations; ask next (hundreds of decisions) a moment later, unless the case changes.
    showExplained(explainComparison(policies, c, current.results));
    clearTimeout(askTimer);
    const shown = current;
    const at = String(revision + 1);
    askTimer = setTimeout(() => {
      if (current !== shown) return;
      showExplained(explainComparison(policies, c, shown.results, basis));
      results.dataset.explained = at;
    }, 0);
    for (const r of current.results) {
      const badge = strip.get(r.payer);
      if (!badge) continue;
      setText(badge, DECISION_SHORT[r.decision]);
      badge.className = `badge decision-${r.decision}`;
    }
    renderDisagreement(byId('disagreement-body'), current.disagreement);
    showCase(c);
    setText(byId('announce'), current.disagreement.headline);
    const label = byId('case-label');
    label.hidden = !c.id;
    setText(label, c.id ? `Case: ${c.id}` : '');
    results.dataset.state = 'ready';
    results.dataset.revision = String(++revision);
    results.dataset.case = key;
  }

  /**
   * Problems with what the form holds: a message at each field (aria-invalid, described by it) and a summary
   * above the form. While there are any, the results are paused: they would be for a case the form does not show.
   */
  function showProblems(problems: readonly FieldProblem[]): void {
    const box = byId('form-problems');
    for (const el of form.form.querySelectorAll('[aria-invalid]')) {
      el.removeAttribute('aria-invalid');
      const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-problem'));
      if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
      else el.removeAttribute('aria-describedby');
    }
    for (const slot of form.form.querySelectorAll<HTMLElement>('[data-problem-for]')) if (!slot.hidden) { slot.hidden = true; slot.textContent = ''; }
    box.hidden = problems.length === 0;
    byId('results-paused').hidden = problems.length === 0;
    results.dataset.paused = String(problems.length > 0);
    byId('form-problems-list').replaceChildren(...problems.map((p) => {
      const field = fieldFor(p.path);
      const where = whereWords(p.path);
      if (field) {
        const control = form.control(field.path);
        const slot = form.form.querySelector<HTMLElement>(`[data-problem-for="${CSS.escape(field.path)}"]`);
        if (slot) {
          slot.textContent = `${slot.textContent ? `${slot.textContent} ` : ''}${where === field.title ? '' : `${where}: `}${p.message}`;
          slot.hidden = false;
        }
        if (control && slot) {
          control.setAttribute('aria-invalid', 'true');
          control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), slot.id].filter(Boolean).join(' '));
        }
      }
      return h('li', { 'data-path': p.path }, field ? h('a', { href: `#${field.id}`, 'data-field-link': field.path }, where) : 'The case', `: ${p.message}`);
    }));
  }

  /** Reads the form; renders when the case changed; keeps the URL in step unless told not to. */
  function update(options: { syncUrl?: boolean | 'now' } = {}): void {
    const state = form.read();
    form.markKnown(state);
    for (const x of counts) setText(x.el, `${knownCount(state, x.fields)} of ${x.fields.length} given`);
    const read = readCase(state);
    if (!read.ok) {
      showProblems(read.problems);
      return;
    }
    if (!byId('form-problems').hidden) showProblems([]);
    const next = encodeCase(read.case);
    if (next !== key || !current) {
      key = next;
      render(read.case);
    }
    if (options.syncUrl === 'now') syncUrl();
    else if (options.syncUrl !== false) scheduleUrl();
  }

  /** Loads the case in the address, or refuses it visibly (as text) and keeps the form as it was. */
  function load(initial: boolean): void {
    const decoded = caseFromHash(location.hash);
    const refusal = byId('case-refused');
    if (decoded === null) {
      // A plain in-page anchor (skip link); the first visit without a case starts blank.
      if (initial) {
        form.write(emptyState(fields));
        form.setToday();
      }
      update({ syncUrl: 'now' });
      return;
    }
    if (!decoded.ok) {
      byId('case-refused-problems').replaceChildren(...decoded.problems.map((p) => h('li', {}, p)));
      refusal.hidden = false;
      if (initial) form.write(emptyState(fields));
      update({ syncUrl: false });
      refusal.focus();
      return;
    }
    refusal.hidden = true;
    form.write(stateFromCase(decoded.case, fields));
    presetLabel = presetClicked ? decoded.case.id ?? null : null;
    presetClicked = false;
    update({ syncUrl: 'now' });
  }

  /**
   * A preset's label names the example as given: once any other field is edited the case is no longer that
   * example, so the label goes (and with it the preset's name in the export's file names).
   */
  let presetClicked = false;
  let presetLabel: string | null = null;
  document.addEventListener('click', (e) => { if ((e.target as Element | null)?.closest?.('a[data-preset]')) presetClicked = true; });
  const idInput = form.control('id') as HTMLInputElement | null;

  const onEdit = (e: Event) => {
    byId('case-refused').hidden = true;
    if (presetLabel !== null && idInput && e.target !== idInput) {
      if (idInput.value === presetLabel) idInput.value = '';
      presetLabel = null;
    }
    update();
  };
  form.form.addEventListener('input', onEdit);
  form.form.addEventListener('change', onEdit);
  window.addEventListener('hashchange', () => load(false));
  document.addEventListener('click', (e) => followInPageLink(e, form));
  window.addEventListener('pagehide', () => { if (urlTimer !== undefined) syncUrl(); });
  wireToolbar({ comparison: () => current, explained: () => explained, permalink });
  window.addEventListener('beforeprint', () => {
    fillCaseSummary(byId('case-summary-facts'), form.read());
    fillRecord(permalink());
  });
  started = true;
  load(true);
  return { comparison: () => current, explained: () => explained, permalink };
}

/**
 * In-page links (#field-…, #result-…, the skip link) must not replace `#case=…` in the address: move focus
 * to the target instead, opening the section it is in.
 */
function followInPageLink(e: MouseEvent, form: FormDom): void {
  const a = (e.target as Element | null)?.closest?.('a[href^="#"]');
  const href = a?.getAttribute('href') ?? '';
  if (!a || href.startsWith('#case=') || href.length < 2) return;
  const target = document.getElementById(decodeURIComponent(href.slice(1)));
  if (!target) return;
  e.preventDefault();
  for (let d = target.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  const path = a.getAttribute('data-field-link');
  const focusable = (path && FIELDS_BY_PATH.has(path) ? form.control(path) : null) ?? target;
  if (!focusable.matches('a, button, input, select, textarea, [tabindex]')) focusable.setAttribute('tabindex', '-1');
  focusable.focus({ preventScroll: true });
  focusable.scrollIntoView({ block: 'center' });
}

/**
 * Fills one payer's result card (PayerResult.astro) from its Result and explanation: decision, the sentence of
 * why (also in `data-why`), the reasons behind it, the unknown facts it reads, the trace. Visible text uses the
 * form's titles; field paths and node ids stay in attributes.
 */
import { FIELDS_BY_PATH } from '../../lib/compare/form-model.ts';
import { CONSERVATIVE_WORDS, missingField, settlesWords } from '../../lib/compare/missing-words.ts';
import { categoryWords, DECISION_LABEL, nodeHref } from '../../lib/compare/words.ts';
import type { Result, TraceEntry } from '../../lib/criteria/result.ts';
import type { Explanation } from '../../lib/explain/why.ts';
import { humanize } from '../../lib/render/words.ts';
import { h, setClass, setText } from './dom.ts';

const VALUE_WORDS = { met: 'met', 'not-met': 'not met', unknown: 'unknown' } as const;

function factText(path: string, value: unknown): string {
  const title = FIELDS_BY_PATH.get(path)?.title ?? path;
  if (value === undefined || value === null) return `${title}: unknown`;
  if (Array.isArray(value)) {
    if (!value.length) return `${title}: none`;
    return `${title}: ${value.map((v) => (typeof v === 'object' && v ? humanize((v as { kind?: unknown }).kind) : humanize(v))).join(', ')}`;
  }
  return `${title}: ${humanize(value)}`;
}

type TraceSlot = { li: HTMLElement; value: HTMLElement; facts: HTMLElement | null; last: string };

export class ResultCard {
  readonly payer: string;
  readonly #card: HTMLElement;
  readonly #el: Record<'version' | 'decision' | 'category' | 'why' | 'reasons' | 'reasonsWrap' | 'missing' | 'missingWrap' | 'conservative', HTMLElement>;
  readonly #trace = new Map<string, TraceSlot>();
  /** What the lists show now: rebuilt only when this changes, so an edit that changes nothing costs nothing. */
  #shown = { reasons: '', missing: '' };

  constructor(card: HTMLElement) {
    this.#card = card;
    this.payer = card.dataset.payer!;
    const q = (s: string) => card.querySelector<HTMLElement>(s)!;
    this.#el = {
      version: q('[data-version]'), decision: q('[data-decision-text]'), category: q('[data-category-text]'), why: q('[data-why-text]'),
      reasons: q('[data-reasons]'), reasonsWrap: q('[data-reasons-wrap]'), missing: q('[data-missing]'), missingWrap: q('[data-missing-wrap]'), conservative: q('[data-conservative]'),
    };
    for (const li of card.querySelectorAll<HTMLElement>('li[data-node]')) {
      const node = li.querySelector<HTMLElement>(':scope > .node')!;
      this.#trace.set(li.dataset.node!, { li, value: node.querySelector('[data-value]')!, facts: node.querySelector('[data-facts]'), last: '' });
    }
  }

  render(r: Result, e: Explanation): void {
    const card = this.#card;
    if (card.dataset.decision !== r.decision) card.dataset.decision = r.decision;
    if (r.category) card.dataset.category = r.category;
    else delete card.dataset.category;
    setText(this.#el.version, r.policy.version ? `version ${r.policy.version}` : 'no version in effect');
    setText(this.#el.decision, DECISION_LABEL[r.decision]);
    setClass(this.#el.decision, `badge decision decision-${r.decision}`);
    setText(this.#el.category, categoryWords(r.category));
    setText(this.#el.why, e.why);
    // Where the exact search stopped at its bound, the list of unknown facts may name some that cannot matter.
    setText(this.#el.conservative, r.conservative ? CONSERVATIVE_WORDS : '');
    this.#el.conservative.hidden = !r.conservative;
    if (card.dataset.why !== e.why) card.dataset.why = e.why;
    if (card.dataset.summary !== r.summary) card.dataset.summary = r.summary;

    const reasonsKey = e.reasons.map((x) => `${x.node}=${x.value}:${x.text}`).join();
    if (reasonsKey !== this.#shown.reasons) this.#renderReasons(r, e, reasonsKey);
    const missingKey = `${r.missing.join()}${JSON.stringify(r.settles ?? {})}`;
    if (missingKey !== this.#shown.missing) this.#renderMissing(r, missingKey);
    if (r.trace) this.#renderTrace(r.trace);
  }

  #renderReasons(r: Result, e: Explanation, key: string): void {
    this.#shown.reasons = key;
    // `data-in-why`: the sentence already says it (the printout leaves such reasons out).
    this.#el.reasons.replaceChildren(...e.reasons.map((x) => h('li', { 'data-reason-node': x.node, 'data-block': x.block, 'data-in-why': String(e.why.includes(x.text)) },
      h('span', { class: `badge value value-${x.value}` }, VALUE_WORDS[x.value]), ' ',
      h('span', { class: 'reason-facts' }, x.text), ' ',
      h('a', { href: nodeHref(r.payer, x.node), class: 'reason-label' }, x.label), ' ',
      h('cite', {}, x.source))));
    this.#el.reasonsWrap.hidden = e.reasons.length === 0;
  }

  #renderMissing(r: Result, key: string): void {
    this.#shown.missing = key;
    this.#el.missing.replaceChildren(...r.missing.map((path) => {
      const { field, title } = missingField(path);
      const answers = settlesWords(r.settles?.[path]);
      return h('li', {}, h('a', { href: `#${field?.id ?? 'case-form'}`, 'data-field-link': field?.path ?? path }, title), answers ? ` (${answers})` : '');
    }));
    this.#el.missingWrap.hidden = r.missing.length === 0;
  }

  #renderTrace(trace: readonly TraceEntry[]): void {
    for (const t of trace) {
      const slot = this.#trace.get(t.node);
      if (!slot) continue;
      if (slot.last !== t.value) {
        slot.last = t.value;
        slot.li.dataset.value = t.value;
        slot.value.className = `badge value value-${t.value}`;
        slot.value.textContent = VALUE_WORDS[t.value];
      }
      if (slot.facts && t.facts) setText(slot.facts, Object.entries(t.facts).map(([p, v]) => factText(p, v)).join('; '));
    }
  }
}

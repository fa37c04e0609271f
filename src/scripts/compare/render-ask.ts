/** "Ask next" above the results, and the disagreement panel's sentences about open results. */
import { fieldFor } from '../../lib/compare/case-state.ts';
import { listWords } from '../../lib/compare/words.ts';
import type { AskNext } from '../../lib/explain/ask-next.ts';
import { answerWords, fieldTitle } from '../../lib/explain/why.ts';
import { h } from './dom.ts';

export function renderAsk(body: HTMLElement, ask: AskNext, names: ReadonlyMap<string, string>): void {
  const name = (p: string) => names.get(p) ?? p;
  const out: Node[] = [];
  if (!ask.open.length) out.push(h('p', { class: 'hint' }, 'Every payer has decided: nothing to ask.'));
  else if (!ask.fields.length) {
    out.push(h('p', {}, `No handful of answers decides the ${ask.open.length === 1 ? 'payer' : `${ask.open.length} payers`} that need information; each card lists the unknown facts it reads.`));
  } else {
    const n = ask.fields.length;
    out.push(h('p', { class: 'ask-headline' }, `Answer ${n === 1 ? 'this one' : `these ${n}`} to decide ${ask.decides.length} of ${ask.open.length} payer${ask.open.length === 1 ? '' : 's'} that need information:`));
    out.push(h('ol', { class: 'ask-list' }, ...ask.fields.map((f) => {
      const field = fieldFor(f.field);
      const answer = answerWords(f).slice(fieldTitle(f.field).length + 2);
      return h('li', { 'data-ask-field': f.field, 'data-ask-value': JSON.stringify(f.value) },
        h('a', { href: `#${field?.id ?? 'case-form'}`, 'data-field-link': field?.path ?? '' }, fieldTitle(f.field)),
        ` — if ${answer}: `, f.payers.length ? `decides ${listWords(f.payers.map(name))}` : 'helps decide the others');
    })));
  }
  body.dataset.decides = ask.decides.join(' ');
  body.replaceChildren(...out);
}

export function renderSpeech(el: HTMLElement, sentences: readonly string[]): void {
  el.replaceChildren(...sentences.map((s) => h('p', { class: 'speech' }, s)));
}

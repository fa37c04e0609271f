/** "Where they disagree": the headline, level sentences with links, and each side's deciding criteria. */
import type { Disagreement, Part } from '../../lib/compare/disagreement.ts';
import { categoryWords } from '../../lib/compare/words.ts';
import { h } from './dom.ts';

const parts = (ps: readonly Part[]) => ps.map((p) => (p.href ? h('a', { href: p.href }, p.text) : p.text));

const shown = new WeakMap<HTMLElement, string>();

export function renderDisagreement(body: HTMLElement, d: Disagreement): void {
  // Rebuilt only when what it says changes.
  const key = JSON.stringify([d.headline, d.lines.map((l) => l.parts), d.sides.map((s) => s.payers.map((p) => [p.category, p.reasons.map((r) => r.href)]))]);
  if (shown.get(body) === key) return;
  shown.set(body, key);
  const out: Node[] = [h('p', { class: `headline ${d.agree ? 'agree' : 'split'}` }, d.headline)];
  if (d.agree) out.push(h('p', { class: 'hint agree-hint' }, 'No disagreement on this case: each payer’s deciding criteria are in its result below.'));
  if (d.lines.length) out.push(h('ul', { class: 'split-lines' }, ...d.lines.map((l) => h('li', { 'data-line': l.kind }, ...parts(l.parts)))));
  for (const side of d.sides) {
    out.push(h('section', { class: 'side', 'data-side': side.decision },
      h('h4', {}, h('span', { class: `badge decision-${side.decision}` }, side.label), ' ', side.payers.map((p) => p.name).join(', ')),
      h('ul', {}, ...side.payers.map((p) => h('li', {},
        h('strong', {}, p.name), p.category ? ` (${categoryWords(p.category)})` : '', ': ',
        ...(p.reasons.length
          ? p.reasons.flatMap((r, i) => [i ? '; ' : '', h('a', { href: r.href }, r.label)])
          : ['no criteria named'])))),
    ));
  }
  body.replaceChildren(...out);
}

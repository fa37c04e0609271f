/**
 * One named difference as the pair view shows it (the markup the pair pages had): title, both payers' rules
 * with the sections they cite, the example that opens in /compare/, the direction, and the cases found behind
 * it, collapsed. Built with text nodes only: nothing a case holds is parsed as HTML. Tools count
 * `data-difference` (its topic).
 */
import type { DifferenceItem } from '../../lib/explore/difference-view.ts';
import { plainChange } from '../../lib/explore/difference-view.ts';
import { outcomeWords, type OutcomeKey } from '../../lib/explore/outcome.ts';
import type { Witness } from '../../lib/explore/types.ts';
import { decisionOf } from '../../lib/explore/witness-view.ts';
import { h } from '../compare/dom.ts';
import { linkWithChoice } from '../../lib/select/payer-choice.ts';

type Names = ReadonlyMap<string, string>;

const badge = (outcome: OutcomeKey) => h('span', { class: `badge decision-${decisionOf(outcome)}` }, outcomeWords(outcome));
const hidden = (text: string) => h('span', { class: 'visually-hidden' }, text);

/** Items separated by `sep`, as nodes. */
function joined(parts: ReadonlyArray<Node | string | Array<Node | string>>, sep: string): Array<Node | string> {
  return parts.flatMap((p, i) => [...(i > 0 ? [sep] : []), ...(Array.isArray(p) ? p : [p])]);
}

function witnessCard(w: Witness, names: Names): HTMLLIElement {
  const name = (p: string) => names.get(p) ?? p;
  const truth = (v: string) => v.replace('-', ' ');
  const [a, b] = w.sides;
  return h('li', { class: 'witness', 'data-kind': w.kind },
    h('p', { class: 'outcomes' }, ...joined(w.sides.map((s) => [h('strong', {}, name(s.payer)), ': ', badge(s.outcome)]), ' · ')),
    h('p', {}, `${w.changes.length === 1 ? 'One change' : `${w.changes.length} changes`} from a case both decide alike${w.found === 'generated' ? ' (found by a generated case)' : ''}:`),
    h('ul', { class: 'changes' }, ...w.changes.map((c) => h('li', {}, plainChange(c)))),
    h('ul', { class: 'sides' }, ...w.sides.map((s) => h('li', {},
      h('strong', {}, name(s.payer)), s.direct ? ':' : ' has no criterion on this; decided by:',
      h('ul', {}, ...s.nodes.map((n) => h('li', {}, h('a', { href: n.href }, n.label),
        ...(n.value ? [h('span', { class: 'value' }, ` (${n.was ? `${truth(n.was)} → ` : ''}${truth(n.value)})`)] : [])))),
    ))),
    h('p', {}, h('a', {
      class: 'witness-link', href: w.permalink,
      'data-payer-a': a.payer, 'data-decision-a': decisionOf(a.outcome), 'data-payer-b': b.payer, 'data-decision-b': decisionOf(b.outcome),
    }, 'Open this case in Compare', hidden(` (${name(a.payer)} ${outcomeWords(a.outcome)}, ${name(b.payer)} ${outcomeWords(b.outcome)})`))),
  );
}

export function differenceCard(d: DifferenceItem, names: Names, index: number): HTMLElement {
  const id = `difference-${index + 1}`;
  return h('section', { class: 'difference', 'data-difference': d.topic, 'data-kind': d.kind, 'aria-labelledby': id },
    h('h2', { id }, d.title),
    h('div', { class: 'body' },
      ...d.sides.map((s) => h('div', { class: 'rule', 'data-payer': s.payer },
        h('p', {}, `${s.rule}.`),
        h('p', { class: 'cited' }, 'Cited: ', ...(s.sections.length ? joined(s.sections.map((c) => h('a', { href: c.href }, c.source)), '; ') : ['no section on this topic'])),
      )),
      h('p', { class: 'example' },
        h('strong', {}, 'Example:'), ` ${d.example.words} `,
        ...joined(d.sides.map((s, i) => [`${s.name} `, badge(d.example.outcomes[i]!)]), ', '), '. ',
        h('a', {
          // With only the pair chosen, so the example shows these two payers however many the site has.
          class: 'difference-link', href: linkWithChoice(d.example.permalink, d.pair),
          'data-payer-a': d.pair[0], 'data-decision-a': d.decisions[0], 'data-payer-b': d.pair[1], 'data-decision-b': d.decisions[1],
        }, 'Open in Compare', hidden(` (${d.title})`)),
      ),
    ),
    h('p', { class: 'direction' }, d.direction),
    h('details', {},
      h('summary', {}, `${d.witnesses.length === 1 ? 'The case found' : `The ${d.witnesses.length} cases found`} behind this difference`),
      h('ul', { class: 'witnesses' }, ...d.witnesses.map((w) => witnessCard(w, names))),
    ),
  );
}

/**
 * /disagreements/pair/?a=<payer>&b=<payer>: the named differences of one pair, computed in the browser from the
 * two payers' compiled policies (src/lib/explore/pair.ts in a worker). The pair is in the address, so any pair
 * is linkable; the form beside it picks another.
 */
import { canonicalPair } from '../../lib/explore/matrix-view.ts';
import type { PairAnalysis } from '../../lib/explore/pair.ts';
import { pairWorker } from './pairs.ts';
import { differenceCard } from './render-difference.ts';

const n = (x: number) => x.toLocaleString('en-US');

function intro(r: PairAnalysis): string {
  const count = r.items.length;
  if (count === 0) return `No case was found on which these two payers decide differently: they agree on every one of the ${n(r.size.casesEvaluated)} cases tried.`;
  return `${count} named difference${count === 1 ? '' : 's'}, the most serious first, grouped from ${r.themes} cases found among ${n(r.size.casesEvaluated)} tried. Each states both payers' rules with the thresholds from their criteria, who decides what, and an example that opens in the comparison; each section cited links to the criterion in the policy.`;
}

export async function startPairPage(root: HTMLElement): Promise<void> {
  const payers = JSON.parse(root.dataset.payers ?? '[]') as Array<{ id: string; name: string }>;
  const names = new Map(payers.map((p) => [p.id, p.name]));
  const status = root.querySelector<HTMLElement>('[data-pair-status]')!;
  const list = root.querySelector<HTMLElement>('[data-pair-differences]')!;
  const heading = document.querySelector<HTMLElement>('h1')!;
  const params = new URLSearchParams(location.search);
  const [a, b] = [params.get('a') ?? '', params.get('b') ?? ''];
  const form = root.querySelector('form')!;
  for (const [key, value] of [['a', a], ['b', b]] as const) {
    const select = form.elements.namedItem(key) as HTMLSelectElement;
    if (names.has(value)) select.value = value;
  }
  if (!a && !b) {
    status.textContent = 'Choose two payers to see how they differ.';
    return;
  }
  const unknown = [a, b].filter((p) => !names.has(p));
  if (unknown.length) {
    status.textContent = `There is no payer ${unknown.map((p) => `"${p.slice(0, 60)}"`).join(' or ')} on this site: choose two payers below.`;
    return;
  }
  if (a === b) {
    status.textContent = 'These are the same payer: choose two different payers.';
    return;
  }
  const pair = canonicalPair(payers.map((p) => p.id), a, b);
  const title = `${names.get(pair[0])} and ${names.get(pair[1])}`;
  heading.textContent = `How ${title} differ`;
  document.title = document.title.replace(/^[^·]*·/, `Disagreements: ${title} ·`);
  status.textContent = `Comparing ${title} on every case built from the public examples and their own examples…`;
  root.setAttribute('aria-busy', 'true');
  try {
    const result = await pairWorker().analyse(...pair);
    status.textContent = intro(result);
    list.replaceChildren(...result.items.map((d, i) => differenceCard(d, names, i)));
    root.dataset.pairDone = String(result.items.length);
  } catch (err) {
    status.textContent = `The comparison could not run: ${(err as Error).message}`;
  } finally {
    root.removeAttribute('aria-busy');
  }
}

/**
 * The payer chooser in the browser: reads the choice from the address (`?payers=`) or takes the default, keeps
 * the address in step, filters the list by name, and hides the payers not chosen on the page (a style rule on
 * `[data-payer]`, `[data-payer-column]` and `[data-strip-item]` within the scope, so parts added later obey it too).
 */
import { choiceFromSearch, defaultChoice, matchesFilter, searchWithChoice } from '../../lib/select/payer-choice.ts';

export type Chooser = { chosen: () => string[]; ids: readonly string[]; names: ReadonlyMap<string, string> };

function hideRule(scope: string, hidden: readonly string[]): string {
  if (!hidden.length) return '';
  const sel = hidden.flatMap((id) => {
    const v = CSS.escape(id);
    return [`${scope} [data-payer="${v}"]`, `${scope} [data-payer-column="${v}"]`, `${scope} [data-strip-item="${v}"]`];
  });
  return `${sel.join(',\n')} { display: none !important; }`;
}

/**
 * Wires the chooser `root` (the initial choice is `chosen()`); `onChange` runs with the chosen ids (site order)
 * after each change; `scope` is the selector of the part of the page the choice hides payers in.
 */
export function wireChooser(root: HTMLElement, scope: string, onChange: (chosen: string[]) => void = () => {}): Chooser {
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="payer"]')];
  const ids = boxes.map((b) => b.value);
  const names = new Map(boxes.map((b) => [b.value, b.parentElement!.textContent!.trim()]));
  const count = root.querySelector<HTMLElement>('[data-choice-count]')!;
  const status = root.querySelector<HTMLElement>('[data-choice-status]')!;
  const style = document.createElement('style');
  style.dataset.choiceStyle = root.id;
  document.head.append(style);
  const chosen = () => boxes.filter((b) => b.checked).map((b) => b.value);

  function apply(syncUrl: boolean, notify = true): void {
    const now = chosen();
    count.textContent = `${now.length} of ${ids.length}`;
    style.textContent = hideRule(scope, ids.filter((id) => !now.includes(id)));
    status.textContent = now.length ? '' : 'Choose at least one payer to see its column.';
    if (syncUrl) {
      const search = searchWithChoice(location.search, now, ids);
      if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    }
    if (notify) onChange(now);
  }

  const fromUrl = choiceFromSearch(location.search, ids);
  const initial = new Set(fromUrl ?? defaultChoice(ids));
  for (const b of boxes) b.checked = initial.has(b.value);
  root.addEventListener('change', (e) => { if ((e.target as HTMLElement).matches('input[name="payer"]')) apply(true); });

  const filter = root.querySelector<HTMLInputElement>('[data-choice-filter]');
  const empty = root.querySelector<HTMLElement>('[data-choice-empty]')!;
  const shown = () => boxes.filter((b) => !b.closest('li')!.hidden);
  filter?.addEventListener('input', () => {
    let any = false;
    for (const b of boxes) {
      const match = matchesFilter(names.get(b.value)!, filter.value);
      b.closest('li')!.hidden = !match;
      any ||= match;
    }
    empty.hidden = any;
  });
  root.querySelector('[data-choice-all]')!.addEventListener('click', () => { for (const b of shown()) b.checked = true; apply(true); });
  root.querySelector('[data-choice-none]')!.addEventListener('click', () => { for (const b of boxes) b.checked = false; apply(true); });
  apply(false, false);
  return { chosen, ids, names };
}

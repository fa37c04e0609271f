/** The home page's "Find a payer" box (shown with many payers): keeps the policy cards whose name matches. */
import { matchesFilter } from '../../lib/select/payer-choice.ts';

export function wireCardFilter(): void {
  const input = document.getElementById('card-filter') as HTMLInputElement | null;
  const count = document.getElementById('card-filter-count');
  if (!input || !count) return;
  const cards = [...document.querySelectorAll<HTMLElement>('[data-payer-card]')];
  input.addEventListener('input', () => {
    let shown = 0;
    for (const card of cards) {
      card.hidden = !matchesFilter(card.dataset.name ?? '', input.value);
      if (!card.hidden) shown++;
    }
    count.textContent = shown === cards.length ? `${cards.length} payers` : `${shown} of ${cards.length} payers`;
  });
}

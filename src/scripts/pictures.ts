/**
 * The pictures' behaviour in the browser: one tab stop per picture with the arrow keys moving between its
 * marks (a roving tabindex: 150 marks would otherwise be 150 tab stops), the focused or pointed mark read out
 * in the caption, and on /compare/ the case's levels and weeks marked on the pictures.
 */
import type { Case } from '../lib/criteria/case-schema.ts';
import { scale } from '../lib/pictures/timeline.ts';


/**
 * Marks are looked up when used, not when wired: /compare/ adds payers' columns later, and a payer not chosen
 * is hidden (its marks are skipped).
 */
function wireRoving(container: HTMLElement): void {
  const marks = () => [...container.querySelectorAll<HTMLElement | SVGElement>('[data-mark]')].filter((m) => m.getClientRects().length > 0);
  if (container.dataset.wired) {
    // A roving group keeps one tab stop: give it back if the mark holding it went away.
    if (!container.querySelector('[data-mark][tabindex="0"]')) marks()[0]?.setAttribute('tabindex', '0');
    return;
  }
  const all = container.querySelectorAll('[data-mark]');
  if (!all.length) return;
  container.dataset.wired = 'true';
  (marks()[0] ?? all[0]!).setAttribute('tabindex', '0');
  const caption = container.closest('figure')?.querySelector<HTMLElement>('[data-caption]');
  const show = (m: Element) => { if (caption) caption.textContent = m.getAttribute('data-describe') ?? ''; };
  const markOf = (t: EventTarget | null) => (t instanceof Element ? t.closest('[data-mark]') : null);
  const moveTo = (from: Element, to: Element | undefined) => {
    if (!to) return;
    from.setAttribute('tabindex', '-1');
    to.setAttribute('tabindex', '0');
    (to as HTMLElement).focus();
  };
  container.addEventListener('focusin', (e) => { const m = markOf(e.target); if (m) show(m); });
  container.addEventListener('mouseover', (e) => { const m = markOf(e.target); if (m) show(m); });
  container.addEventListener('keydown', (e) => {
    const current = e.target as Element;
    const list = marks();
    const i = list.indexOf(current as HTMLElement);
    if (i < 0) return;
    const step: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
    if (e.key in step) moveTo(current, list[i + step[e.key]!]);
    else if (e.key === 'Home') moveTo(current, list[0]);
    else if (e.key === 'End') moveTo(current, list[list.length - 1]);
    else if (e.key === 'Enter' && current.getAttribute('data-href')) location.assign(current.getAttribute('data-href')!);
    else return;
    e.preventDefault();
  });
}

export function wirePictures(): void {
  for (const c of document.querySelectorAll<HTMLElement>('[data-roving]')) wireRoving(c);
}

const weeksWords = (w: number) => `${w} week${w === 1 ? '' : 's'}`;

/** Marks the case on every picture of the page: requested levels on the spine, weeks on the timeline. */
export function showCase(c: Case): void {
  const levels = new Set<string>(c.request?.levels ?? []);
  for (const fig of document.querySelectorAll<HTMLElement>('[data-picture="spine"]')) {
    for (const m of fig.querySelectorAll<SVGElement>('[data-mark][data-level]')) {
      if (levels.has(m.dataset.level!)) m.dataset.requested = 'true';
      else delete m.dataset.requested;
    }
    for (const a of fig.querySelectorAll<SVGElement>('[data-axis-level]')) a.classList.toggle('requested', levels.has(a.dataset.axisLevel!));
    const key = fig.querySelector<HTMLElement>('.requested-key');
    if (key) key.hidden = levels.size === 0;
  }
  const age = c.diagnosis?.fractureAgeWeeks;
  const therapyWeeks = (c.conservativeCare?.therapies ?? []).map((t) => t.weeks).filter((w): w is number => typeof w === 'number');
  const longest = therapyWeeks.length ? Math.max(...therapyWeeks) : undefined;
  for (const fig of document.querySelectorAll<HTMLElement>('[data-picture="timeline"]')) {
    const end = Number(fig.dataset.end);
    for (const lane of fig.querySelectorAll<HTMLElement>('[data-lane]')) {
      const marker = lane.querySelector<HTMLElement>('[data-case-marker]')!;
      const weeks = lane.dataset.lane === 'fracture-age' ? age : longest;
      marker.hidden = weeks === undefined;
      if (weeks !== undefined) {
        marker.style.left = `${(scale(weeks, end) * 100).toFixed(2)}%`;
        marker.dataset.weeks = String(weeks);
      }
    }
    const text = fig.querySelector<HTMLElement>('[data-case-text]')!;
    const parts = [age !== undefined && `fracture age ${weeksWords(age)}`, longest !== undefined && `longest conservative therapy ${weeksWords(longest)}`].filter(Boolean);
    text.hidden = parts.length === 0;
    text.textContent = parts.length ? `This case (dashed line): ${parts.join('; ')}.` : '';
  }
}

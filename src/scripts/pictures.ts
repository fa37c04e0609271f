/**
 * The pictures' behaviour in the browser: one tab stop per picture with the arrow keys moving between its
 * marks (a roving tabindex: 150 marks would otherwise be 150 tab stops), the focused or pointed mark read out
 * in the caption, and on /compare/ the case's levels and weeks marked on the pictures.
 */
import type { Case } from '../lib/criteria/case-schema.ts';
import { scale } from '../lib/pictures/timeline.ts';


function wireRoving(container: HTMLElement): void {
  const marks = [...container.querySelectorAll<HTMLElement | SVGElement>('[data-mark]')];
  if (!marks.length || container.dataset.wired) return;
  container.dataset.wired = 'true';
  marks[0]!.setAttribute('tabindex', '0');
  const caption = container.closest('figure')?.querySelector<HTMLElement>('[data-caption]');
  const show = (m: Element) => { if (caption) caption.textContent = m.getAttribute('data-describe') ?? ''; };
  const moveTo = (from: Element, to: Element | undefined) => {
    if (!to) return;
    from.setAttribute('tabindex', '-1');
    to.setAttribute('tabindex', '0');
    (to as HTMLElement).focus();
  };
  for (const m of marks) {
    m.addEventListener('focus', () => show(m));
    m.addEventListener('mouseenter', () => show(m));
  }
  container.addEventListener('keydown', (e) => {
    const current = e.target as Element;
    const i = marks.indexOf(current as HTMLElement);
    if (i < 0) return;
    const step: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
    if (e.key in step) moveTo(current, marks[i + step[e.key]!]);
    else if (e.key === 'Home') moveTo(current, marks[0]);
    else if (e.key === 'End') moveTo(current, marks[marks.length - 1]);
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

/**
 * Which payers a page shows (issue #18): every payer when there are few, a chosen set when there are many. The
 * choice lives in the address as `?payers=<id>,<id>` (site order, known ids only), so a permalink keeps it; an
 * address without it gets the default. Shared by /compare/, /criteria/ and the home page.
 */
import type { PolicyModel } from '../criteria/model.ts';
import { payerName } from '../compare/words.ts';

/** Up to this many payers, every payer is shown by default (and no search box is needed). */
export const ALL_UP_TO = 8;
/** With more, the first this many are shown by default. */
export const DEFAULT_COUNT = 5;
export const CHOICE_PARAM = 'payers';

export type PayerOption = { id: string; name: string };

export function defaultChoice(ids: readonly string[]): string[] {
  return ids.length <= ALL_UP_TO ? [...ids] : ids.slice(0, DEFAULT_COUNT);
}

/** The choice a query string names (`?payers=a,b`): known ids, in site order, once each; null when it names none. */
export function choiceFromSearch(search: string, ids: readonly string[]): string[] | null {
  const raw = new URLSearchParams(search).get(CHOICE_PARAM);
  if (raw === null) return null;
  const named = new Set(raw.split(',').map((s) => s.trim()));
  const chosen = ids.filter((id) => named.has(id));
  return chosen.length ? chosen : null;
}

/** The query string with the choice in it; left out when the choice is every payer (the old addresses' meaning). */
export function searchWithChoice(search: string, chosen: readonly string[], ids: readonly string[]): string {
  const params = new URLSearchParams(search);
  if (chosen.length === ids.length) params.delete(CHOICE_PARAM);
  else params.set(CHOICE_PARAM, ids.filter((id) => chosen.includes(id)).join(','));
  // Commas are safe in a query: keep them readable.
  const text = params.toString().replace(/%2C/gi, ',');
  return text ? `?${text}` : '';
}

/** A link to /compare/ that opens with just these payers chosen: `/compare/#case=…` → `/compare/?payers=a,b#case=…`. */
export function linkWithChoice(link: string, chosen: readonly string[]): string {
  const hash = link.indexOf('#');
  const [path, fragment] = hash < 0 ? [link, ''] : [link.slice(0, hash), link.slice(hash)];
  return `${path}?${CHOICE_PARAM}=${chosen.map(encodeURIComponent).join(',')}${fragment}`;
}

/** A name filter: every word typed appears in the name (case and accents ignored). */
export function matchesFilter(name: string, query: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const hay = fold(name);
  return fold(query).split(/\s+/).filter(Boolean).every((w) => hay.includes(w));
}

/** Names people can tell apart: the short payer name, or the full one where two payers share a short name. */
export function payerOptions(models: readonly PolicyModel[]): PayerOption[] {
  const short = models.map((m) => payerName(m));
  return models.map((m, i) => ({ id: m.payer, name: short.filter((s) => s === short[i]).length > 1 ? m.meta.payerName : short[i]! }));
}

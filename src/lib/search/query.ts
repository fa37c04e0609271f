/**
 * From what the user typed to the Pagefind searches to run, and back to one result per page.
 *
 * Pagefind matches `T1-T4` only where the page writes that range (as `T1-T4` or `T1–T4`). A criterion that
 * covers the range under another name ("between T1 and L5") is found through its levels alias, which lists
 * every level it covers (level-alias.ts): so a level range is also searched as the levels it spans.
 */
import { isLevel, parseLevelRanges } from '../criteria/levels.ts';
import type { PagefindResultData, PagefindWeightedLocation } from './pagefind-types.ts';

const levelCase = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

/** The levels a query names as a range ("T5-L5", "t1–t4", "S1-S5, Co"), or null when it is not one. */
export function queryLevels(query: string): string[] | null {
  const q = query.trim();
  if (!/[-–—]/.test(q) || !/^[A-Za-z0-9,\s–—-]+$/.test(q)) return null;
  const parsed = parseLevelRanges(q.replace(/[A-Za-z]+\d*/g, levelCase).replace(/—/g, '–'));
  return parsed.ok && parsed.levels.length > 1 && parsed.levels.every(isLevel) ? [...parsed.levels] : null;
}

/** The searches one query runs: the query itself, then (for a level range) the levels it spans. */
export function expandQuery(query: string): string[] {
  const q = query.trim();
  const levels = queryLevels(q);
  return levels ? [q, levels.join(' ')] : [q];
}

/** One page found by several searches: the union of its matched words, each at its best score. */
export function mergePageData(a: PagefindResultData, b: PagefindResultData): PagefindResultData {
  const best = new Map<number, PagefindWeightedLocation>();
  for (const wl of [...a.weighted_locations, ...b.weighted_locations]) {
    const seen = best.get(wl.location);
    if (!seen || seen.balanced_score < wl.balanced_score) best.set(wl.location, wl);
  }
  return {
    ...a,
    weighted_locations: [...best.values()].sort((x, y) => x.location - y.location),
    locations: [...new Set([...a.locations, ...b.locations])].sort((x, y) => x - y),
  };
}

/** Results of every search, one per page (keyed by URL), best score first. */
export function mergeResults(searches: ReadonlyArray<ReadonlyArray<{ score: number; data: PagefindResultData }>>): PagefindResultData[] {
  const pages = new Map<string, { score: number; data: PagefindResultData }>();
  for (const results of searches) {
    for (const r of results) {
      const seen = pages.get(r.data.url);
      pages.set(r.data.url, seen ? { score: Math.max(seen.score, r.score), data: mergePageData(seen.data, r.data) } : r);
    }
  }
  return [...pages.values()].sort((x, y) => y.score - x.score).map((p) => p.data);
}

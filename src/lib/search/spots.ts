/**
 * A Pagefind result (one policy page) → the places on it that match, each a link to its exact anchor with a
 * short label and excerpt. Pure: the search UI renders these, the tests check them.
 */
import { landingIndex, ownSpan, segmentAround } from './landing.ts';
import type { PagefindAnchor, PagefindResultData, PagefindWeightedLocation } from './pagefind-types.ts';

export type SpotKind = 'code' | 'criterion' | 'note' | 'section' | 'example' | 'page';
export type ExcerptPart = { text: string; mark: boolean };

export type Spot = {
  href: string;
  kind: SpotKind;
  label: string;
  /** For a criterion, the title of its criteria block (two blocks may share a node label). */
  context: string | null;
  excerpt: ExcerptPart[];
  /** Query words matched in this place: a node that has every query word beats one that has some. */
  terms: number;
  score: number;
  /** Word position of the first match, for a stable document order among equals. */
  first: number;
};

export type PageHit = { url: string; payer: string | null; payerName: string | null; title: string; spots: Spot[] };

export const SPOT_KIND_LABELS: Record<SpotKind, string> = {
  code: 'Code', criterion: 'Criterion', note: 'Note', section: 'Section', example: 'Example', page: 'Policy',
};

// Ties on matched words go to the precise places a clinician asked for; the examples table (test cases) last.
const KIND_RANK: Record<SpotKind, number> = { code: 3, criterion: 3, note: 2, section: 2, page: 1, example: 0 };
const LABEL_WORDS = 14;

export function spotKind(anchor: PagefindAnchor | undefined): SpotKind {
  if (!anchor) return 'page';
  if (anchor.element === 'tr') return anchor.id.startsWith('example-') ? 'example' : anchor.id.startsWith('code-') ? 'code' : 'section';
  if (anchor.element === 'li') return 'criterion';
  if (anchor.element === 'aside' || anchor.id.startsWith('note-')) return 'note';
  return 'section';
}

export const normalizeWord = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Which query words a matched page word stands for. Pagefind also matches stems and the parts of compounds
 * (`programs`, `secondary-osteoporosis`), so containment either way counts; without a query, each distinct
 * matched word counts once.
 */
export function termsMatched(query: string, matched: readonly string[]): number {
  const terms = query.split(/\s+/).map(normalizeWord).filter(Boolean);
  const words = matched.map(normalizeWord).filter(Boolean);
  if (!terms.length) return new Set(words).size;
  return terms.filter((t) => words.some((w) => w.includes(t) || t.includes(w))).length;
}

const clip = (words: readonly string[], start: number, end: number) => {
  const shown = words.slice(start, Math.min(end, start + LABEL_WORDS)).join(' ');
  return end - start > LABEL_WORDS ? `${shown} …` : shown;
};

/**
 * A criteria block (`<section id=X>`) and a note (`<aside id=X>`) open with their heading (`X-title`) at the
 * same word; a match in either lands on the container, whose id is the one other pages link to.
 */
export function preferContainer(anchors: readonly PagefindAnchor[], index: number): number {
  const outer = anchors[index - 1];
  const inner = anchors[index];
  return outer && inner && outer.location === inner.location && inner.id === `${outer.id}-title` ? index - 1 : index;
}

function label(data: PagefindResultData, words: string[], index: number): string {
  if (index < 0) return data.meta['title'] ?? data.url;
  const anchor = data.anchors[index]!;
  if (/^h[1-6]$/.test(anchor.element) && anchor.text) return anchor.text;
  const { start, end } = ownSpan(data.anchors, index, words.length);
  const inner = data.anchors[index + 1];
  if (inner?.text && inner.location === anchor.location) {
    if (spotKind(anchor) !== 'note') return inner.text;
    // Every note is titled "Interpretation note": its first words say which.
    const body = ownSpan(data.anchors, index + 1, words.length);
    return `${inner.text.replace(/[.:]$/, '')}: ${clip(words, start + inner.text.split(/\s+/).length, body.end)}`;
  }
  return clip(words, start, end);
}

export function excerpt(words: readonly string[], range: { start: number; end: number }, at: number, marked: ReadonlySet<number>, before = 8, after = 18): ExcerptPart[] {
  const from = Math.max(range.start, at - before);
  const to = Math.min(range.end, at + after);
  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += ` ${text}`;
    else parts.push({ text: parts.length ? ` ${text}` : text, mark });
  };
  if (from > range.start) push('…', false);
  for (let k = from; k < to; k++) push(words[k]!, marked.has(k));
  if (to < range.end) push('…', false);
  // Keep the separating space outside the highlight.
  return parts.flatMap((p) => (p.mark && p.text.startsWith(' ') ? [{ text: ' ', mark: false }, { text: p.text.slice(1), mark: true }] : [p]));
}

/** The title of the criteria block (`<section id=X>` opened by heading `X-title`) a node sits in. */
export function blockTitle(anchors: readonly PagefindAnchor[], index: number): string | null {
  for (let k = index - 1; k >= 0; k--) {
    const a = anchors[k]!;
    if (a.element === 'section' && anchors[k + 1]?.id === `${a.id}-title`) return anchors[k + 1]!.text || null;
  }
  return null;
}

/** Every matching place on the page, best first. */
export function spotsFor(data: PagefindResultData, query = ''): Spot[] {
  const words = data.content.split(/\s+/);
  const marked = new Set(data.locations);
  const groups = new Map<number, PagefindWeightedLocation[]>();
  for (const wl of data.weighted_locations) {
    const index = preferContainer(data.anchors, landingIndex(data.anchors, wl.location));
    groups.set(index, [...(groups.get(index) ?? []), wl]);
  }
  const page = data.url.split('#')[0]!;
  const spots = [...groups].map(([index, locations]): Spot => {
    const anchor = data.anchors[index];
    const first = Math.min(...locations.map((l) => l.location));
    return {
      href: anchor ? `${page}#${anchor.id}` : page,
      kind: spotKind(anchor),
      label: label(data, words, index),
      context: spotKind(anchor) === 'criterion' ? blockTitle(data.anchors, index) : null,
      excerpt: excerpt(words, segmentAround(data.anchors, first, words.length), first, marked),
      terms: termsMatched(query, locations.map((l) => words[l.location] ?? '')),
      score: locations.reduce((s, l) => s + l.balanced_score, 0),
      first,
    };
  });
  return spots.sort((a, b) => b.terms - a.terms || KIND_RANK[b.kind] - KIND_RANK[a.kind] || b.score - a.score || a.first - b.first);
}

/** Payer pages are /policies/<payer>/; the payer's display name is the page's `payer` filter value. */
export function pageHit(data: PagefindResultData, query = ''): PageHit {
  const payer = /^\/policies\/([^/]+)\//.exec(data.url)?.[1] ?? null;
  return { url: data.url, payer, payerName: data.filters['payer']?.[0] ?? null, title: data.meta['title'] ?? data.url, spots: spotsFor(data, query) };
}

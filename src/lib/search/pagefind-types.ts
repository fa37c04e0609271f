/**
 * The part of Pagefind's browser API (`/pagefind/pagefind.js`, v1.6) this site uses. Word positions
 * (`location`) index `content.split(/\s+/)`; `anchors` are the page's elements with an id, in document order.
 */
export type PagefindAnchor = { element: string; id: string; text: string; location: number };

export type PagefindWeightedLocation = { weight: number; balanced_score: number; location: number };

export type PagefindSubResult = { title: string; url: string; excerpt: string; locations: number[]; anchor?: PagefindAnchor };

export type PagefindResultData = {
  url: string;
  content: string;
  excerpt: string;
  word_count: number;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  anchors: PagefindAnchor[];
  locations: number[];
  weighted_locations: PagefindWeightedLocation[];
  sub_results: PagefindSubResult[];
};

export type PagefindResult = { id: string; score: number; data: () => Promise<PagefindResultData> };

export type PagefindFilters = Record<string, string[] | { any: string[] } | string>;

export type Pagefind = {
  options: (options: { excerptLength?: number; baseUrl?: string }) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string, options?: { filters?: PagefindFilters }) => Promise<{ results: PagefindResult[] } | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
};

/**
 * Where a matched word lands: the innermost element with an id that contains it (a criteria node `<li>`, a
 * code row `<tr>`, a note, a section heading). Pagefind reports only where each anchor starts, so a container
 * whose end matters (a criteria tree, a codes table) is followed by an empty end marker, id `<container>--end`:
 * words after it belong to what encloses the container, not to its last row. Kebab-case ids never contain
 * `--`, so a marker cannot collide with a node id.
 */
import type { PagefindAnchor } from './pagefind-types.ts';

export const END_SUFFIX = '--end';

export const endMarkerId = (containerId: string) => `${containerId}${END_SUFFIX}`;

const isEndMarker = (a: PagefindAnchor) => a.id.endsWith(END_SUFFIX);

/**
 * The index (in `anchors`, document order) of the anchor the word at `location` belongs to, or -1 when it
 * precedes every anchor (the top of the page). Anchors starting at the same location nest in document order,
 * so the later one is the inner one.
 */
export function landingIndex(anchors: readonly PagefindAnchor[], location: number): number {
  let i = anchors.length - 1;
  while (i >= 0 && anchors[i]!.location > location) i--;
  while (i >= 0) {
    const a = anchors[i]!;
    if (!isEndMarker(a)) return i;
    // Skip the closed container and everything in it.
    const container = a.id.slice(0, -END_SUFFIX.length);
    let j = i - 1;
    while (j >= 0 && anchors[j]!.id !== container) j--;
    i = j - 1;
  }
  return -1;
}

/**
 * The words that belong to anchor `index` itself: from its start up to the next anchor that starts later
 * (a child node, the next row, an end marker), so a parent node's excerpt does not run into its children.
 */
export function ownSpan(anchors: readonly PagefindAnchor[], index: number, wordCount: number): { start: number; end: number } {
  const start = index < 0 ? 0 : anchors[index]!.location;
  const next = anchors.find((a, k) => k > index && a.location > start);
  return { start, end: next ? next.location : wordCount };
}

/** The run of words between the anchor starts around `location`: an excerpt never crosses an element start. */
export function segmentAround(anchors: readonly PagefindAnchor[], location: number, wordCount: number): { start: number; end: number } {
  let start = 0;
  let end = wordCount;
  for (const a of anchors) {
    if (a.location <= location) start = Math.max(start, a.location);
    else { end = a.location; break; }
  }
  return { start, end };
}

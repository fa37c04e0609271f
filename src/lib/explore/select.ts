/**
 * Keeps, for every pair and theme, the best witness: the fewest changes, then the change nearest the anchor
 * (the boundary), then the first found (anchors come in priority order, public examples first). Finally drops
 * witnesses whose story a witness with fewer changes already tells (see `subsumes`).
 */
import type { CompiledPolicy } from '../criteria/compile.ts';
import { permalink } from '../criteria/permalink.ts';
import { differenceKind, SEVERITY, type DifferenceKind } from './outcome.ts';
import type { Candidate } from './sweep.ts';
import type { Anchor, Side, Witness } from './types.ts';
import { applyEdits, distance, explained, side, subsumes, themeKey, type Edit, type Explained } from './witness.ts';
import { changeWords } from './words.ts';

type Kept = { anchor: number; edits: Edit[]; sides: [Side, Side]; theme: string; kind: DifferenceKind; found: Candidate['found']; distance: number; order: number };

const editsKey = (edits: readonly Edit[]) => JSON.stringify(edits.map((e) => [e.field.key, e.to]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))));

const better = (a: Kept, b: Kept) => a.edits.length - b.edits.length || a.distance - b.distance || a.order - b.order;

export function selector(policies: readonly CompiledPolicy[], anchors: readonly Anchor[], pairs: ReadonlyArray<readonly [number, number]>) {
  const best = new Map<string, Kept>();
  const seen = new Set<string>();
  const sides = new Map<string, Side>();
  const anchorExplained = new Map<string, Explained>();

  const anchorOf = (p: number, anchor: number) => {
    const k = `${p}|${anchor}`;
    let e = anchorExplained.get(k);
    if (!e) anchorExplained.set(k, (e = explained(policies[p]!, anchors[anchor]!.case)));
    return e;
  };

  /** Explains one payer on one case (cached: a case that splits several pairs is explained once per payer). */
  const sideOf = (p: number, anchor: number, edits: Edit[], key: string): Side => {
    const k = `${p}|${key}`;
    let s = sides.get(k);
    if (!s) {
      const paths = new Set(edits.map((e) => e.field.reads));
      sides.set(k, (s = side(policies[p]!, explained(policies[p]!, applyEdits(anchors[anchor]!.case, edits)), anchorOf(p, anchor), paths)));
    }
    return s;
  };

  return {
    considered: () => seen.size,
    consider(anchor: number, c: Candidate): void {
      const [i, j] = pairs[c.pair]!;
      const base = anchors[anchor]!.case;
      // The same change (same from, same to) splitting the pair the same way from a later anchor is taken to
      // tell the same story: it could only tie with the first, so explaining it again would be wasted.
      const change = c.change ?? c.edits.map((e) => `${e.field.key}|${JSON.stringify(e.field.get(base))}|${JSON.stringify(e.to)}`).join('&');
      const story = `${c.pair}|${change}|${c.outcomes}`;
      if (seen.has(story)) return;
      seen.add(story);
      const caseKey = `${anchor}|${editsKey(c.edits)}`;
      const both: [Side, Side] = [sideOf(i, anchor, c.edits, caseKey), sideOf(j, anchor, c.edits, caseKey)];
      const kind = differenceKind(both[0].outcome, both[1].outcome);
      if (!kind) return;
      const kept: Kept = {
        anchor, edits: c.edits, sides: both, theme: themeKey(kind, both), kind, found: c.found, order: seen.size,
        distance: c.edits.reduce((s, e) => s + distance(e.field.get(base), e.to), 0),
      };
      const slot = `${c.pair}|${kept.theme}`;
      const old = best.get(slot);
      if (!old || better(kept, old) < 0) best.set(slot, kept);
    },
    witnesses(): Witness[] {
      const byPair = new Map<string, Kept[]>();
      const kept: Kept[] = [];
      // Smaller stories first (fewest changes, then fewest moved criteria), so that each can subsume larger ones.
      const moved = (k: Kept) => k.sides[0].changed.length + k.sides[1].changed.length;
      for (const k of [...best.values()].sort((a, b) => a.edits.length - b.edits.length || moved(a) - moved(b) || better(a, b))) {
        const pair = `${k.sides[0].payer}|${k.sides[1].payer}`;
        const mine = byPair.get(pair) ?? [];
        byPair.set(pair, mine);
        if (!mine.some((a) => subsumes(a, k))) mine.push(k), kept.push(k);
      }
      // Per pair (in payer order), the most severe first, then the fewest changes, then the earliest anchor.
      const pairIndex = (k: Kept) => pairs.findIndex(([i, j]) => policies[i]!.model.payer === k.sides[0].payer && policies[j]!.model.payer === k.sides[1].payer);
      kept.sort((x, y) => pairIndex(x) - pairIndex(y) || SEVERITY[y.kind] - SEVERITY[x.kind] || x.edits.length - y.edits.length || x.anchor - y.anchor || x.theme.localeCompare(y.theme));
      return kept.map((k) => {
        const anchor = anchors[k.anchor]!;
        const changes = k.edits.map((e) => {
          const from = e.field.get(anchor.case);
          return { field: e.field.key, from, to: e.to, words: changeWords(e.field.key, from, e.to) };
        });
        const c = { ...applyEdits(anchor.case, k.edits), id: `Witness: ${anchor.name}; ${changes.map((x) => x.words).join('; ')}`.slice(0, 200) };
        return {
          pair: [k.sides[0].payer, k.sides[1].payer], kind: k.kind, severity: SEVERITY[k.kind], theme: k.theme,
          anchor: anchor.name, changes, case: c, permalink: permalink(c), sides: k.sides, found: k.found,
        };
      });
    },
  };
}

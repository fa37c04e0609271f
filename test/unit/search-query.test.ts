/** Level ranges: the hidden alias of each levels node, the searches a range query runs, and merging them. */
import { describe, expect, it } from 'vitest';
import { loadModels } from '../../src/lib/criteria/load.ts';
import { formatLevels, parseLevelRanges, type Level } from '../../src/lib/criteria/levels.ts';
import { levelAlias, levelAliases } from '../../src/lib/search/level-alias.ts';
import { expandQuery, mergeResults, queryLevels } from '../../src/lib/search/query.ts';
import { PAGE, resultData } from '../fixtures/search-page.ts';

const set = (ranges: string) => (parseLevelRanges(ranges) as { ok: true; levels: Level[] }).levels;
const aliasWords = (alias: string) => new Set(alias.split(/[\s,;:]+/));
// Loaded outside the test: parsing every policy on a busy machine can outlast a test's timeout.
const { models } = loadModels();

describe('levelAlias', () => {
  it('gives the range in ASCII as written and as shown, and every level it covers', () => {
    expect(levelAlias('T5-L5', set('T5-L5'))).toBe('Levels T5-L5: T5 T6 T7 T8 T9 T10 T11 T12 L1 L2 L3 L4 L5');
    expect(levelAlias('C1-C7, T1-T4', set('C1-C7, T1-T4'))).toBe('Levels C1-C7, T1-T4; C1-T4: C1 C2 C3 C4 C5 C6 C7 T1 T2 T3 T4');
    expect(levelAlias('S1–S5, Co', set('S1-S5, Co'))).not.toMatch(/[–—]/);
  });

  it("covers every levels node of every policy, so each node answers its own range's level search", () => {
    const nodes = models.flatMap((m) => m.nodes.filter((n) => n.kind === 'levels').map((n) => ({ n, alias: levelAliases(m)[n.id]! })));
    expect(nodes.length).toBeGreaterThan(5);
    for (const { n, alias } of nodes) {
      if (n.kind !== 'levels') continue;
      const words = aliasWords(alias);
      for (const level of n.set) expect(words.has(level)).toBe(true);
      const shown = formatLevels(n.set).replace(/–/g, '-');
      expect(words.has(shown) || alias.includes(shown)).toBe(true);
      const expanded = expandQuery(shown).at(-1)!.split(' ');
      if (expanded.length > 1) expect(expanded.every((l) => words.has(l))).toBe(true);
    }
    // Parsing every policy takes seconds on a busy machine.
  }, 60_000);
});

describe('queryLevels and expandQuery', () => {
  it('reads level ranges however they are typed', () => {
    expect(queryLevels('T1-T4')).toEqual(['T1', 'T2', 'T3', 'T4']);
    expect(queryLevels(' t1–t4 ')).toEqual(['T1', 'T2', 'T3', 'T4']);
    expect(queryLevels('L4—S1')).toEqual(['L4', 'L5', 'S1']);
    expect(queryLevels('S4-S5, co')).toEqual(['S4', 'S5', 'Co']);
  });

  it('leaves everything else alone', () => {
    for (const q of ['22513', 'M80.08XA', 'M48.50XA-M48.58XS', 'Kiva', 'vertebra plana', 'T5', 'L5-T5', 'T5-X9', 'pre-op']) {
      expect(queryLevels(q)).toBeNull();
      expect(expandQuery(q)).toEqual([q.trim()]);
    }
  });

  it('searches a range as written, then as the levels it spans', () => {
    expect(expandQuery('T5-L5')).toEqual(['T5-L5', 'T5 T6 T7 T8 T9 T10 T11 T12 L1 L2 L3 L4 L5']);
  });
});

describe('mergeResults', () => {
  const first = resultData('/a/', PAGE, (w) => w === 'Kiva');
  const second = resultData('/a/', PAGE, (w) => w === 'SpineJack');
  const other = resultData('/b/', PAGE, (w) => w === 'L3');

  it('keeps one result per page with the union of its matched words, best page first', () => {
    const merged = mergeResults([[{ score: 1, data: first }], [{ score: 2, data: other }, { score: 0.5, data: second }]]);
    expect(merged.map((d) => d.url)).toEqual(['/b/', '/a/']);
    const a = merged[1]!;
    expect(a.locations).toEqual([...new Set([...first.locations, ...second.locations])].sort((x, y) => x - y));
    expect(a.weighted_locations.map((w) => w.location)).toEqual(a.locations);
  });
});

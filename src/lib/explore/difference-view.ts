/**
 * Render models for the named differences: a pair's differences with the raw cases behind each, and the
 * topic × payer strictness view, both derived from `analysis.differences` (the markup only maps over them).
 */
import type { NamedDifference } from './differences.ts';
import { TOPICS, type Topic } from './topics.ts';
import type { Analysis, Change, Witness } from './types.ts';
import { decisionOf } from './witness-view.ts';
import { fieldTitle, plainValue } from './words.ts';

export type DifferenceItem = NamedDifference & {
  /** The cases merged into this difference, for the collapsed list. */
  witnesses: Witness[];
  decisions: [string, string];
};

export function pairDifferenceItems(analysis: Analysis, a: string, b: string): DifferenceItem[] {
  const mine = analysis.witnesses.filter((w) => w.pair[0] === a && w.pair[1] === b);
  return analysis.differences.filter((d) => d.pair[0] === a && d.pair[1] === b).map((d) => ({
    ...d,
    witnesses: d.themes.map((t) => mine.find((w) => w.theme === t)).filter((w): w is Witness => !!w),
    decisions: [decisionOf(d.example.outcomes[0]), decisionOf(d.example.outcomes[1])],
  }));
}

/** "Pain (NRS/VAS): 7/10 → 5/10" */
export function plainChange(c: Change): string {
  return `${fieldTitle(c.field)}: ${plainValue(c.field, c.from)} → ${plainValue(c.field, c.to)}`;
}

export type StrictnessCell = { payer: string; looser: string[]; stricter: string[]; lean: 'looser' | 'stricter' | 'mixed' | 'none' };
export type StrictnessView = { payers: Array<{ id: string; name: string }>; rows: Array<{ topic: Topic; title: string; cells: StrictnessCell[] }> };

/**
 * For each topic, each payer's standing against the others: the payers it is more permissive than (it approves,
 * or sends to review, where they deny) and those it is stricter than, from every pair's named differences.
 */
export function strictnessView(analysis: Analysis): StrictnessView {
  const names = new Map(analysis.payers.map((p) => [p.id, p.name]));
  const rows = TOPICS.flatMap((topic) => {
    const leans = analysis.differences.filter((d) => d.topic === topic).flatMap((d) => d.leans);
    if (!leans.length) return [];
    const cells = analysis.payers.map(({ id }): StrictnessCell => {
      const looser = [...new Set(leans.filter((l) => l.lenient === id).map((l) => names.get(l.strict) ?? l.strict))].sort();
      const stricter = [...new Set(leans.filter((l) => l.strict === id).map((l) => names.get(l.lenient) ?? l.lenient))].sort();
      const lean = looser.length && stricter.length ? 'mixed' : looser.length ? 'looser' : stricter.length ? 'stricter' : 'none';
      return { payer: id, looser, stricter, lean };
    });
    return [{ topic, title: topic.charAt(0).toUpperCase() + topic.slice(1), cells }];
  });
  return { payers: analysis.payers, rows };
}

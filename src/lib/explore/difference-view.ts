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

export type StrictnessCell = { payer: string; looser: string[]; stricter: string[]; lean: 'looser' | 'stricter' | 'mixed' | 'none'; words: string[] };
export type StrictnessView = { payers: Array<{ id: string; name: string }>; rows: Array<{ topic: Topic; title: string; cells: StrictnessCell[] }> };

/**
 * For each topic, each payer's standing against the others, from every pair's named differences: against one
 * other payer it is more permissive (it approves, or sends to review, where the other denies, on more of the
 * cases found than the other way round), stricter, or even. `only`: the payers whose cells to compute (all by default).
 */
export function strictnessView(analysis: Pick<Analysis, 'payers' | 'differences'>, only?: readonly string[]): StrictnessView {
  const names = new Map(analysis.payers.map((p) => [p.id, p.name]));
  const rows = TOPICS.flatMap((topic) => {
    const onTopic = analysis.differences.filter((d) => d.topic === topic && d.leans.length);
    if (!onTopic.length) return [];
    /** Witnesses where `x` is the more permissive against `y`, on this topic. */
    const lean = (x: string, y: string) => onTopic.filter((d) => d.pair.includes(x) && d.pair.includes(y))
      .flatMap((d) => d.leans).filter((l) => l.lenient === x && l.strict === y).reduce((n, l) => n + l.witnesses, 0);
    const cells = analysis.payers.filter((p) => !only || only.includes(p.id)).map(({ id }): StrictnessCell => {
      const others = analysis.payers.filter((p) => p.id !== id).map((p) => p.id);
      const looser = others.filter((o) => lean(id, o) > lean(o, id)).map((o) => names.get(o) ?? o);
      const stricter = others.filter((o) => lean(o, id) > lean(id, o)).map((o) => names.get(o) ?? o);
      const standing = looser.length > stricter.length ? 'looser' : stricter.length > looser.length ? 'stricter' : looser.length ? 'mixed' : 'none';
      const words = [...(looser.length ? [`more permissive than ${looser.length}`] : []), ...(stricter.length ? [`stricter than ${stricter.length}`] : [])];
      return { payer: id, looser, stricter, lean: standing, words };
    });
    return [{ topic, title: topic.charAt(0).toUpperCase() + topic.slice(1), cells }];
  });
  return { payers: analysis.payers, rows };
}

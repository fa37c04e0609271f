/** Witnesses grouped for reading: per pair, then by the blocks whose criteria moved on each side. */
import { DIFFERENCE_WORDS } from './outcome.ts';
import type { Side, Witness } from './types.ts';

export type WitnessGroup = { heading: string; witnesses: Witness[] };

/** "Cigna: Contraindications" or "Cohere: no criterion on these fields". */
function sideHeading(s: Side, names: ReadonlyMap<string, string>): string {
  const name = names.get(s.payer) ?? s.payer;
  const moved = s.nodes.filter((n) => s.changed.includes(n.id));
  const blocks = [...new Set(moved.map((n) => n.block))];
  return `${name}: ${blocks.length ? blocks.join(', ') : 'no criterion that moved'}`;
}

export function witnessGroups(witnesses: readonly Witness[], names: ReadonlyMap<string, string>): WitnessGroup[] {
  const groups = new Map<string, WitnessGroup>();
  for (const w of witnesses) {
    const heading = `${DIFFERENCE_WORDS[w.kind][0]!.toUpperCase()}${DIFFERENCE_WORDS[w.kind].slice(1)} — ${w.sides.map((s) => sideHeading(s, names)).join(' · ')}`;
    const g = groups.get(heading) ?? { heading, witnesses: [] };
    groups.set(heading, g);
    g.witnesses.push(w);
  }
  return [...groups.values()];
}

export function decisionOf(outcome: string): string {
  return outcome.split(':')[0]!;
}


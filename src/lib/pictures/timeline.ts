/**
 * The timeline picture's data: each payer's windows on one weeks axis, read from its criteria: the
 * fracture-age conditions (acute, subacute, chronic, as each payer words them) and the conservative-care
 * durations its therapy criteria require. Every window is one comparison in the criteria, with its node.
 */
import type { Comparison } from '../criteria/block-schema.ts';
import type { ModelNode, PolicyModel } from '../criteria/model.ts';

export const FRACTURE_AGE = 'diagnosis.fractureAgeWeeks';

export type Lane = 'fracture-age' | 'conservative-care';
export const LANE_WORDS: Record<Lane, string> = { 'fracture-age': 'Fracture age', 'conservative-care': 'Conservative care' };

/** A window [from, to] in weeks; `to` null = open-ended. The ends say whether the threshold itself is inside. */
export type Window = {
  lane: Lane;
  from: number;
  to: number | null;
  fromIncluded: boolean;
  toIncluded: boolean;
  /** The criterion's own words (its label) and where it is written. */
  label: string;
  source: string;
  nodes: string[];
  op: Comparison;
  threshold: number;
};

export type TimelineRow = { payer: string; windows: Window[] };

function windowOf(op: Comparison, value: number): Pick<Window, 'from' | 'to' | 'fromIncluded' | 'toIncluded'> | null {
  switch (op) {
    case 'lt': return { from: 0, to: value, fromIncluded: true, toIncluded: false };
    case 'le': return { from: 0, to: value, fromIncluded: true, toIncluded: true };
    case 'gt': return { from: value, to: null, fromIncluded: false, toIncluded: false };
    case 'ge': return { from: value, to: null, fromIncluded: true, toIncluded: false };
    case 'eq': return { from: value, to: value, fromIncluded: true, toIncluded: true };
    case 'ne': return null; // "anything but N weeks" is no window
  }
}

function comparisonOf(node: ModelNode): { lane: Lane; op: Comparison; value: number } | null {
  if (node.kind === 'fact' && node.fact === FRACTURE_AGE && typeof node.value === 'number' && node.op !== 'in' && node.op !== 'not-in' && node.op !== 'has') {
    return { lane: 'fracture-age', op: node.op, value: node.value };
  }
  if (node.kind === 'therapies' && node.weeks) return { lane: 'conservative-care', op: node.weeks.op, value: node.weeks.value };
  return null;
}

/** One window per distinct condition (lane, op, threshold); nodes stating the same condition are cited together. */
export function timelineRow(model: PolicyModel): TimelineRow {
  const byKey = new Map<string, Window>();
  for (const node of model.nodes) {
    const c = comparisonOf(node);
    const w = c && windowOf(c.op, c.value);
    if (!c || !w) continue;
    const key = `${c.lane} ${c.op} ${c.value}`;
    const existing = byKey.get(key);
    if (existing) existing.nodes.push(node.id);
    else byKey.set(key, { lane: c.lane, ...w, label: node.label, source: node.source, nodes: [node.id], op: c.op, threshold: c.value });
  }
  const windows = [...byKey.values()].sort((a, b) => (a.lane === b.lane ? a.from - b.from || (a.to ?? Infinity) - (b.to ?? Infinity) : a.lane === 'fracture-age' ? -1 : 1));
  return { payer: model.payer, windows };
}

/** The axis's end: past the largest threshold any payer states, so open-ended windows show as open. */
export function axisEnd(rows: readonly TimelineRow[]): number {
  let max = 12;
  for (const r of rows) for (const w of r.windows) max = Math.max(max, w.to ?? w.from);
  return Math.ceil((max * 1.25) / 4) * 4;
}

/**
 * Weeks → 0..1 on a square-root scale: the thresholds cluster in the first weeks (4, 6, 12) and reach a year,
 * so a linear axis would crowd the early windows together.
 */
export function scale(weeks: number, end: number): number {
  return Math.sqrt(Math.max(0, Math.min(weeks, end)) / end);
}

const OP_SIGN: Record<Comparison, string> = { lt: '<', le: '≤', gt: '>', ge: '≥', eq: '=', ne: '≠' };

/** "≤ 6 weeks", "> 4 weeks": the window's condition in short form (labels on the picture). */
export function windowCondition(w: Pick<Window, 'op' | 'threshold'>): string {
  return `${OP_SIGN[w.op]} ${w.threshold} week${w.threshold === 1 ? '' : 's'}`;
}

/** Ticks for the axis: the thresholds the payers use, plus round marks. */
export function ticks(rows: readonly TimelineRow[], end: number): number[] {
  const set = new Set<number>([0, end]);
  for (const r of rows) for (const w of r.windows) set.add(w.threshold);
  return [...set].filter((t) => t <= end).sort((a, b) => a - b);
}

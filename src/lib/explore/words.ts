/** Field values, changes and sets of swept values in words ("T1–L5", "5–10", "6 weeks or more"). */
import { formatLevels, isLevel, type Level } from '../criteria/levels.ts';
import type { Dimension, Point } from './dimensions.ts';
import type { TherapyValue } from './fields.ts';
import { humanize } from '../render/words.ts';
import { FACTS_BY_PATH } from '../criteria/facts.ts';

const isTherapy = (key: string) => key.startsWith('conservativeCare.therapies[');

export function valueWords(key: string, v: unknown): string {
  if (v === undefined) return isTherapy(key) ? 'not tried' : 'unknown';
  if (isTherapy(key)) {
    const t = v as TherapyValue;
    return [t.outcome ?? 'outcome unknown', t.weeks === undefined ? 'weeks unknown' : `${t.weeks} weeks`].join(', ');
  }
  if (Array.isArray(v)) return `[${v.join(', ')}]`;
  return String(v);
}

export function changeWords(key: string, from: unknown, to: unknown): string {
  return `${key}: ${valueWords(key, from)} → ${valueWords(key, to)}`;
}

/** Consecutive runs of sorted indices: [0,1,2,5] → [[0,2],[5,5]]. */
export function runs(indices: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const i of indices) {
    const last = out[out.length - 1];
    if (last && i === last[1] + 1) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}

const UNITS: Record<string, string> = { weeks: ' weeks', years: ' years', '%': '%', levels: '' };

/**
 * Points of one dimension (by index into `points`) in words. Ordered axes become ranges ("T1–L5",
 * "5 weeks or more", "from 2026-10-01"); the points off the axis (unknown, not tried) are named after them.
 */
export function pointsWords(dim: Dimension, points: readonly Point[], picked: readonly number[]): string {
  if (picked.length === 0) return 'never';
  if (picked.length === points.length && dim.kind !== 'date') return 'any';
  const onAxis = picked.filter((i) => points[i]!.axis);
  const off = picked.filter((i) => !points[i]!.axis).map((i) => points[i]!.label);
  let parts: string[];
  if (dim.kind === 'level' && onAxis.every((i) => isLevel(points[i]!.label))) {
    parts = onAxis.length ? [formatLevels(onAxis.map((i) => points[i]!.label as Level))] : [];
  } else if (dim.ordered) {
    const axis = points.map((p, i) => (p.axis ? i : -1)).filter((i) => i >= 0);
    const lastAxis = axis[axis.length - 1]!;
    const unit = UNITS[dim.unit] ?? '';
    parts = runs(onAxis).map(([a, b]) => {
      const [x, y] = [points[a]!.label, points[b]!.label];
      if (dim.kind === 'date') return b === lastAxis ? `from ${x}` : a === b ? `${x} only` : `${x} to ${y}`;
      if (dim.openTop && b === lastAxis) return `${x}${unit} or more`;
      return a === b ? `${x}${unit}` : `${x}–${y}${unit}`;
    });
  } else if (dim.kind === 'set') {
    const sets = minimalSets(onAxis.map((i) => points[i]!.value as string[]));
    parts = sets.length ? [sets.map((s) => (s.length ? `with ${s.map(humanize).join(' + ')}` : 'any')).join(' or ')] : [];
  } else parts = onAxis.map((i) => points[i]!.label);
  return [...parts, ...off].join(', ');
}

/** The inclusion-minimal sets among those given: what a payer requires, whatever else is present. */
function minimalSets(sets: readonly string[][]): string[][] {
  const sub = (a: string[], b: string[]) => a.every((x) => b.includes(x));
  return sets.filter((s) => !sets.some((t) => t !== s && t.length < s.length && sub(t, s)));
}

/** A field's name in the form's words: "Pain (NRS/VAS)", "Conservative care: orthosis". */
export function fieldTitle(key: string): string {
  const therapy = /^conservativeCare\.therapies\[(.+)\]$/.exec(key);
  if (therapy) return `Conservative care: ${humanize(therapy[1]!)}`;
  return FACTS_BY_PATH.get(key)?.title ?? humanize(key.split('.').pop() ?? key);
}

const plainUnit = (key: string, v: number) => {
  const fact = FACTS_BY_PATH.get(key);
  const unit = fact?.type === 'number' ? fact.unit : '';
  return unit === '/10' || unit === '%' ? `${v}${unit}` : unit ? `${v} ${unit}` : String(v);
};

/** A field's value in the form's words: "T12–L2 (3 levels)", "failed after 6 weeks", "not known". */
export function plainValue(key: string, v: unknown): string {
  if (v === undefined) return isTherapy(key) ? 'not tried' : 'not known';
  if (isTherapy(key)) {
    const t = v as TherapyValue;
    return `${t.outcome ?? 'tried'}${t.weeks === undefined ? '' : ` after ${t.weeks} weeks`}`;
  }
  if (Array.isArray(v) && v.every((l) => isLevel(String(l)))) return v.length > 1 ? `${formatLevels(v as Level[])} (${v.length} levels)` : v.length ? String(v[0]) : 'none';
  if (Array.isArray(v)) return v.length ? v.map(humanize).join(' + ') : 'none';
  if (typeof v === 'number') return plainUnit(key, v);
  return humanize(v);
}

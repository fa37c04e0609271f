/**
 * Sweep dimensions, derived from the case schema (FACTS) and from what the policies read — nothing listed by
 * hand. A dimension is one field and the values to try for it from an anchor: every level, 1 to N levels,
 * numbers over a grid that covers every threshold the policies use, every enum value, every osteoporosis-care
 * combination, each therapy kind not tried or failed for 0 to N weeks, and the dates around every version.
 * A fact no policy reads is skipped: it cannot change a decision.
 */
import type { Case } from '../criteria/case-schema.ts';
import { THERAPY_KINDS } from '../criteria/case-schema.ts';
import { FACTS, FACTS_BY_PATH, type Fact } from '../criteria/facts.ts';
import { LEVELS, levelIndex, type Level } from '../criteria/levels.ts';
import type { PolicyModel } from '../criteria/model.ts';
import { humanize } from '../render/words.ts';
import { factField, therapyField, therapyValue, type Field } from './fields.ts';
import { thresholds } from '../criteria/thresholds.ts';

export type DimensionKind = 'level' | 'level-count' | 'number' | 'boolean' | 'enum' | 'set' | 'therapy' | 'date';

export type Point = {
  value: unknown;
  /** The value as JSON, to compare without re-serializing. */
  key: string;
  /** Short label for charts: "T5", "12", "yes", "unknown". */
  label: string;
  /** On the dimension's ordered axis (false for "unknown" and "not tried", which stand apart). */
  axis: boolean;
  /**
   * The fact made unknown. Swept for the charts (which payers need the fact), but not a witness: every
   * criterion one payer has and another lacks would show up twice, once known and once unknown.
   */
  unknown?: boolean;
};

const point = (value: unknown, label: string, axis = true): Point => ({ value, key: JSON.stringify(value) ?? '', label, axis });

export type Dimension = {
  id: string;
  title: string;
  kind: DimensionKind;
  field: Field;
  /** The axis is ordered (levels, numbers, weeks, dates): boundaries read as ranges. */
  ordered: boolean;
  /** The sweep stops below the schema's maximum: its last value stands for "or more". */
  openTop: boolean;
  unit: string;
  /**
   * The values to try from an anchor. `full` is the whole grid with "unknown" (for charts); otherwise only the
   * points where some policy's comparison can change (each threshold and its neighbours, the ends), which
   * decide exactly as the whole integer grid does, and no "unknown" (never a witness).
   */
  points(anchor: Case, full: boolean): Point[];
};

const UNKNOWN: Point = { ...point(undefined, 'unknown', false), unknown: true };
const SPINE_REGIONS: Array<[Level, Level]> = [['C1', 'C7'], ['T1', 'L5'], ['S1', 'S5'], ['Co', 'Co']];


/** Top of a numeric sweep: twice the largest threshold, rounded up to ten, within the schema's range. */
function sweepTop(near: readonly number[], max: number): number {
  const t = Math.max(10, 2 * Math.max(0, ...near));
  return Math.min(max, Math.ceil(t / 10) * 10);
}

/** A value where some comparison with a threshold can change: each threshold, its integer neighbours, the ends. */
function isCritical(v: number, near: readonly number[], min: number, top: number): boolean {
  return v === min || v === top || near.some((t) => Math.abs(v - t) <= 1);
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, Math.floor(to) - Math.ceil(from) + 1) }, (_, i) => Math.ceil(from) + i);

/** `n` contiguous levels ending at the anchor's first level, kept inside its spine region where it fits. */
export function levelWindow(first: Level, n: number): Level[] {
  const i = levelIndex(first);
  const [lo, hi] = (SPINE_REGIONS.find(([a, b]) => i >= levelIndex(a) && i <= levelIndex(b)) ?? ['C1', 'Co']).map((l) => levelIndex(l as Level)) as [number, number];
  const fits = hi - lo + 1 >= n;
  const min = fits ? lo : 0;
  const max = fits ? hi : LEVELS.length - 1;
  const start = Math.max(min, Math.min(i - n + 1, max - n + 1));
  return LEVELS.slice(start, start + n) as Level[];
}

function anchorLevel(c: Case): Level {
  return (c.request?.levels?.[0] ?? 'L1') as Level;
}

const shiftDate = (d: string, days: number) => new Date(Date.parse(`${d}T00:00:00Z`) + days * 864e5).toISOString().slice(0, 10);

/** Every subset of a list, smallest first. */
function subsets<T>(items: readonly T[]): T[][] {
  const all: T[][] = [];
  for (let mask = 0; mask < 1 << items.length; mask++) all.push(items.filter((_, i) => (mask >> i) & 1));
  return all.sort((a, b) => a.length - b.length);
}

function factDimension(fact: Fact, near: Map<string, number[]>): Dimension | null {
  const base = { id: fact.path, title: fact.title, field: factField(fact), ordered: false, openTop: false, unit: '' };
  switch (fact.type) {
    case 'number': {
      const top = sweepTop(near.get(fact.path) ?? [], fact.max);
      const grid = range(fact.min, top).map((v) => point(v, String(v)));
      const critical = grid.filter((p) => isCritical(p.value as number, near.get(fact.path) ?? [], fact.min, top));
      return { ...base, kind: 'number', ordered: true, openTop: top < fact.max, unit: fact.unit, points: (_, full) => (full ? [...grid, UNKNOWN] : critical) };
    }
    case 'boolean': {
      const values = [point(true, 'yes'), point(false, 'no'), UNKNOWN];
      return { ...base, kind: 'boolean', points: (_, full) => (full ? values : values.slice(0, 2)) };
    }
    case 'enum': {
      const values = fact.values.map((v) => point(v, humanize(v)));
      return { ...base, kind: 'enum', points: (_, full) => (full ? [...values, UNKNOWN] : values) };
    }
    case 'set': {
      const values = subsets(fact.values).map((s) => point(s, s.length ? s.map(humanize).join(' + ') : 'none'));
      return { ...base, kind: 'set', points: (_, full) => (full ? [...values, UNKNOWN] : values) };
    }
    default:
      return null;
  }
}

function levelDimensions(near: Map<string, number[]>): Dimension[] {
  const field = factField(FACTS_BY_PATH.get('request.levels')!);
  const single = LEVELS.map((l) => point([l], l));
  const maxCount = Math.max(5, ...(near.get('levels') ?? []).map((v) => v + 2));
  return [
    { id: 'treated-level', title: 'Treated level', kind: 'level', field, ordered: true, openTop: false, unit: '', points: () => single },
    {
      id: 'level-count', title: 'Levels per date of service', kind: 'level-count', field, ordered: true, openTop: false, unit: 'levels',
      points: (anchor) => range(1, maxCount).map((n) => point(levelWindow(anchorLevel(anchor), n), String(n))),
    },
  ];
}

function therapyDimensions(models: readonly PolicyModel[], near: Map<string, number[]>): Dimension[] {
  const counted = new Set(models.flatMap((m) => m.nodes.flatMap((n) => (n.kind === 'therapies' ? n.kinds : []))));
  const top = sweepTop(near.get('weeks') ?? [], 520);
  const weeks = range(0, top);
  return THERAPY_KINDS.filter((k) => counted.has(k)).map((kind) => {
    const title = `Conservative care: ${humanize(kind)} failed, weeks`;
    const values = [point(undefined, 'not tried', false), ...weeks.map((w) => point(therapyValue(w, 'failed'), String(w)))];
    const critical = values.filter((_, i) => i === 0 || isCritical(weeks[i - 1]!, near.get('weeks') ?? [], 0, top));
    return { id: `therapy-${kind}`, title, kind: 'therapy' as const, field: therapyField(kind, title), ordered: true, openTop: true, unit: 'weeks', points: (_: Case, full: boolean) => (full ? values : critical) };
  });
}

function dateDimension(models: readonly PolicyModel[]): Dimension {
  const edges = models.flatMap((m) => m.meta.versions.flatMap((v) => [v.effective, v.until].filter((d): d is string => !!d)));
  const dates = [...new Set(edges.flatMap((d) => [shiftDate(d, -1), d]))];
  return {
    id: 'dateOfService', title: 'Date of service', kind: 'date', field: factField(FACTS_BY_PATH.get('dateOfService')!), ordered: true, openTop: true, unit: '',
    points: (anchor) => [...new Set([...dates, ...(anchor.dateOfService ? [anchor.dateOfService] : [])])].sort()
      .map((d) => point(d, d)),
  };
}

/** The dimensions to sweep for these policies, in case-schema order. */
export function dimensions(models: readonly PolicyModel[]): Dimension[] {
  const read = new Set(models.flatMap((m) => m.nodes.flatMap((n) => n.reads)));
  const near = thresholds(models);
  const out: Dimension[] = [];
  for (const fact of FACTS) {
    if (fact.path === 'dateOfService') out.push(dateDimension(models));
    else if (fact.type === 'levels') { if (read.has(fact.path)) out.push(...levelDimensions(near)); }
    else if (fact.type === 'therapies') { if (read.has(fact.path)) out.push(...therapyDimensions(models, near)); }
    else if (read.has(fact.path)) {
      const d = factDimension(fact, near);
      if (d) out.push(d);
    }
  }
  return out;
}

/**
 * Render model of a strip chart: one row per payer, one column per swept value, the value labels along the
 * axis. Consecutive values with the same outcome make one run: one rectangle with the outcome's letter
 * (readable without colour) and class (colour), which keeps a 60-value chart light. SVG geometry lives here
 * so that StripChart.astro only maps over it.
 */
import { outcomeLetter } from './outcome.ts';
import type { Strip } from './types.ts';

/** A run of equal outcomes: one rectangle, its letter repeated along it (so a scrolled chart still reads). */
export type StripRun = { x: number; width: number; letter: string; cls: string; letters: number[] };
export type StripView = {
  id: string;
  /** Where the payer names end and the cells begin. */
  nameWidth: number;
  width: number;
  height: number;
  cell: { w: number; h: number };
  rows: Array<{ y: number; name: string; runs: StripRun[] }>;
  labels: Array<{ x: number; y: number; text: string }>;
  title: string;
};

const ROW = 20;
/** In a long run, a letter every this many values. */
const LETTER_EVERY = 6;
/** Rough width of one character at the chart's font size, for the name column and the rotated labels. */
const CHAR = 6.5;

/** CSS class for an outcome key: `o-approve`, `o-deny-investigational`. */
export function outcomeClass(key: string): string {
  return `o-${key.replace(':', '-')}`;
}

/** [outcome, first index, last index] for each run of equal outcomes. */
function runsOf(outcomes: readonly string[]): Array<[string, number, number]> {
  const out: Array<[string, number, number]> = [];
  outcomes.forEach((o, i) => {
    const last = out[out.length - 1];
    if (last && last[0] === o) last[2] = i;
    else out.push([o, i, i]);
  });
  return out;
}

export function stripView(strip: Strip, names: ReadonlyMap<string, string>, index: number): StripView {
  const w = strip.labels.length > 32 ? 11 : 16;
  const nameOf = (p: string) => names.get(p) ?? p;
  const nameWidth = Math.ceil(Math.max(...strip.rows.map((r) => nameOf(r.payer).length)) * CHAR) + 10;
  const labelHeight = Math.max(...strip.labels.map((l) => l.length)) * CHAR + 8;
  const top = 4;
  const rows = strip.rows.map((r, i) => ({
    y: top + i * ROW,
    name: nameOf(r.payer),
    runs: runsOf(r.outcomes).map(([o, from, to]) => ({
      x: nameWidth + from * w,
      width: (to - from + 1) * w - 1,
      letter: outcomeLetter(o),
      cls: outcomeClass(o),
      letters: Array.from({ length: Math.floor((to - from) / LETTER_EVERY) + 1 }, (_, k) => nameWidth + (from + k * LETTER_EVERY) * w + (w - 1) / 2),
    })),
  }));
  const axisY = top + strip.rows.length * ROW + 6;
  return {
    id: `strip-${index}`,
    nameWidth,
    width: nameWidth + strip.labels.length * w + 8,
    height: axisY + labelHeight,
    cell: { w, h: ROW - 2 },
    rows,
    labels: strip.labels.map((text, j) => ({ x: nameWidth + j * w + w / 2, y: axisY, text })),
    title: `${strip.title}, swept from a typical case (${strip.anchorLabel}): one row per payer, one cell per value`,
  };
}

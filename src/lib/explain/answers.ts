/**
 * Candidate answers for an unknown field: one value per interval between the thresholds the policies compare
 * it with (thresholds.ts), every choice of a yes/no or list-of-values field, and each policy version's start
 * for the date. Trying them through decide() shows which fields settle a payer, whatever the answer.
 */
import { THERAPY_KINDS } from '../criteria/case-schema.ts';
import { FACTS_BY_PATH, readFact } from '../criteria/facts.ts';
import { LEVELS } from '../criteria/levels.ts';
import type { PolicyModel } from '../criteria/model.ts';
import { thresholds } from '../criteria/thresholds.ts';

export type Answers = { cuts: Map<string, number[]>; dates: string[] };

const THERAPY_OUTCOMES = ['failed', 'improved'];

/** What candidate answers are built from, computed once per set of policies. */
export function answerBasis(models: readonly PolicyModel[]): Answers {
  const starts = [...new Set(models.flatMap((m) => m.meta.versions.map((v) => v.effective)))].sort();
  const before = starts.length ? new Date(Date.parse(`${starts[0]}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) : '2000-01-01';
  return { cuts: thresholds(models), dates: [before, ...starts] };
}

/** One number per interval between the cuts (and each cut itself), within [min, max]. */
export function numberCandidates(cuts: readonly number[], min: number, max: number): number[] {
  const ts = [...new Set(cuts)].filter((t) => t >= min && t <= max).sort((a, b) => a - b);
  const out = [Number.isFinite(min) ? min : (ts[0] ?? 0) - 1];
  ts.forEach((t, i) => {
    out.push(t);
    out.push(i + 1 < ts.length ? (t + ts[i + 1]!) / 2 : Number.isFinite(max) ? max : t + 1);
  });
  return [...new Set(out)];
}

/**
 * A number answer as the interval it stands for ("under 80", "between 4 and 6", "6"): any value in that interval
 * gives the same decisions, so that is what the reader is told, not the one value tried.
 */
export function rangeWords(v: number, cuts: readonly number[], unit = ''): string {
  const u = unit && unit !== '/10' && unit !== '%' ? ` ${unit}` : unit;
  if (cuts.includes(v)) return `${v}${u}`;
  const below = cuts.filter((t) => t < v);
  const above = cuts.filter((t) => t > v);
  if (!below.length && above.length) return `under ${Math.min(...above)}${u}`;
  if (!above.length && below.length) return `over ${Math.max(...below)}${u}`;
  if (!below.length) return `${v}${u}`;
  return `between ${Math.max(...below)} and ${Math.min(...above)}${u}`;
}

/** Words for a candidate answer when its value alone would mislead (numbers stand for intervals). */
export function answerLabel(path: string, value: unknown, basis: Answers): string | undefined {
  if (typeof value !== 'number') return undefined;
  const item = ITEM.exec(path);
  const fact = FACTS_BY_PATH.get(path);
  if (item) return rangeWords(value, basis.cuts.get('weeks') ?? [], 'weeks');
  return fact?.type === 'number' ? rangeWords(value, basis.cuts.get(path) ?? [], fact.unit) : undefined;
}

/** A therapy field inside the list: `conservativeCare.therapies[1].weeks`. */
const ITEM = /^conservativeCare\.therapies\[(\d+)\]\.(weeks|outcome)$/;

/** The case with one field set (a copy along the path; the rest shared). */
export function withAnswer(c: unknown, path: string, value: unknown): Record<string, unknown> {
  const item = ITEM.exec(path);
  if (item) {
    const list = (readFact(c, ['conservativeCare', 'therapies']) as Array<Record<string, unknown>>).slice();
    list[Number(item[1])] = { ...list[Number(item[1])], [item[2]!]: value };
    return withAnswer(c, 'conservativeCare.therapies', list);
  }
  const segments = path.split('.');
  const root = { ...(c as Record<string, unknown>) };
  let o = root;
  segments.forEach((s, i) => {
    if (i === segments.length - 1) o[s] = value;
    else o = o[s] = { ...(o[s] as Record<string, unknown> | undefined) };
  });
  return root;
}

function therapyCandidates(c: unknown, basis: Answers): unknown[] {
  const weeks = numberCandidates(basis.cuts.get('weeks') ?? [], 0, 520);
  const given = readFact(c, ['conservativeCare', 'therapies']) as Array<Record<string, unknown>> | undefined;
  if (!given) return [[], ...THERAPY_KINDS.flatMap((kind) => weeks.flatMap((w) => THERAPY_OUTCOMES.map((outcome) => [{ kind, weeks: w, outcome }])))];
  // The list is given but some item lacks a part: complete every such item the same way.
  return weeks.flatMap((w) => THERAPY_OUTCOMES.map((outcome) => given.map((t) => ({ weeks: w, outcome, ...t }))));
}

/** Candidate answers for a missing field, or null when it has none to try (free text). */
export function candidates(path: string, c: unknown, basis: Answers): unknown[] | null {
  const item = ITEM.exec(path);
  if (item) return item[2] === 'weeks' ? numberCandidates(basis.cuts.get('weeks') ?? [], 0, 520) : THERAPY_OUTCOMES;
  if (path === 'dateOfService') return basis.dates;
  const fact = FACTS_BY_PATH.get(path);
  switch (fact?.type) {
    case 'boolean': return [true, false];
    case 'enum': return [...fact.values];
    case 'number': return numberCandidates(basis.cuts.get(path) ?? [], fact.min, fact.max);
    case 'set': return [[], ...fact.values.map((v) => [v]), [...fact.values]];
    case 'levels': {
      const counts = (basis.cuts.get('levels') ?? []).flatMap((n) => [n, n + 1]);
      const start = LEVELS.indexOf('T8');
      return [...LEVELS.map((l) => [l]), ...[...new Set(counts)].filter((n) => n > 1).map((n) => LEVELS.slice(start, start + n))];
    }
    case 'therapies': return therapyCandidates(c, basis);
    default: return null;
  }
}

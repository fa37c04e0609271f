/** Vertebral levels in spine order, and the range lists criteria use ("T5-L5", "S1-S5, Co"). */

export const LEVELS = [
  'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7',
  'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12',
  'L1', 'L2', 'L3', 'L4', 'L5',
  'S1', 'S2', 'S3', 'S4', 'S5',
  'Co',
] as const;

export type Level = (typeof LEVELS)[number];

const INDEX = new Map<string, number>(LEVELS.map((l, i) => [l, i]));

export function isLevel(name: string): name is Level {
  return INDEX.has(name);
}

export function levelIndex(level: Level): number {
  return INDEX.get(level)!;
}

export type RangeParse = { ok: true; levels: Level[] } | { ok: false; error: string };

/** Parses "T5-L5", "T1-T4", "S1-S5, Co" into the set of levels it names, in spine order. */
export function parseLevelRanges(text: string): RangeParse {
  const picked = new Set<number>();
  const parts = text.split(',').map((p) => p.trim());
  for (const part of parts) {
    if (part === '') return { ok: false, error: `Unexpected empty range in \`${text}\`, expected levels such as \`T5-L5\`` };
    const ends = part.split(/\s*[-–]\s*/);
    if (ends.length > 2) return { ok: false, error: `Unexpected range \`${part}\`, expected \`FROM-TO\`` };
    const [from, to = from] = ends as [string, string?];
    for (const end of [from, to]) {
      if (!isLevel(end)) return { ok: false, error: `Unexpected level \`${end}\`, expected one of C1–C7, T1–T12, L1–L5, S1–S5, Co` };
    }
    const a = levelIndex(from as Level);
    const b = levelIndex(to as Level);
    if (a > b) return { ok: false, error: `Unexpected range \`${part}\`, expected the upper level first (spine order)` };
    for (let i = a; i <= b; i++) picked.add(i);
  }
  return { ok: true, levels: [...picked].sort((x, y) => x - y).map((i) => LEVELS[i]!) };
}

/** Renders a set of levels back as compact ranges: [T5..L5] → "T5–L5". */
export function formatLevels(levels: readonly Level[]): string {
  const idx = [...new Set(levels.map(levelIndex))].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1] === idx[j]! + 1) j++;
    runs.push(i === j ? LEVELS[idx[i]!]! : `${LEVELS[idx[i]!]}–${LEVELS[idx[j]!]}`);
    i = j + 1;
  }
  return runs.join(', ');
}

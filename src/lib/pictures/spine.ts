/**
 * The spine picture's data: for each payer and each vertebral level, what the payer's criteria say of a
 * request for that level alone. Derived by deciding a case that states only the level (everything else
 * unknown), so it follows the criteria exactly: a level range in any node, a scope rule, a level exclusion.
 */
import type { CompiledPolicy } from '../criteria/compile.ts';
import { decide, versionOn } from '../criteria/decide.ts';
import { LEVELS, type Level } from '../criteria/levels.ts';
import type { Result } from '../criteria/result.ts';

/**
 * - covered: some pathway's criteria can be met at this level (the decision hangs on other facts);
 * - investigational / not-covered: every reading of the other facts denies in that category;
 * - not-addressed: the policy does not address the level; the request goes to individual review.
 */
export const STANCES = ['covered', 'investigational', 'not-covered', 'not-addressed'] as const;
export type Stance = (typeof STANCES)[number];

export const STANCE_WORDS: Record<Stance, string> = {
  covered: 'covered when the criteria are met',
  investigational: 'investigational',
  'not-covered': 'not covered',
  'not-addressed': 'not addressed (individual review)',
};

/** A letter for each stance, so the picture never relies on colour alone (and prints in black and white). */
export const STANCE_LETTER: Record<Stance, string> = { covered: '✓', investigational: 'I', 'not-covered': '✗', 'not-addressed': '–' };

export type Citation = { node: string; label: string; source: string };
export type SpineMark = { level: Level; stance: Stance; cites: Citation[] };
export type SpineColumn = { payer: string; marks: SpineMark[] };

/** The regions drawn as groups on the spine, in spine order. */
export const REGIONS: ReadonlyArray<{ name: string; levels: readonly Level[] }> = [
  { name: 'Cervical', levels: LEVELS.filter((l) => l.startsWith('C') && l !== 'Co') },
  { name: 'Thoracic', levels: LEVELS.filter((l) => l.startsWith('T')) },
  { name: 'Lumbar', levels: LEVELS.filter((l) => l.startsWith('L')) },
  { name: 'Sacrum', levels: LEVELS.filter((l) => l.startsWith('S')) },
  { name: 'Coccyx', levels: ['Co'] },
];

export function stanceOf(result: Pick<Result, 'decision' | 'category'>): Stance {
  switch (result.decision) {
    case 'deny': return result.category === 'investigational' ? 'investigational' : 'not-covered';
    case 'individual-review': return 'not-addressed';
    default: return 'covered';
  }
}

/** The case the spine decides for one level: the level, and a date the latest version is in effect on. */
export function singleLevelCase(policy: CompiledPolicy, level: Level): { dateOfService: string; request: { levels: Level[] } } {
  const latest = versionOn(policy.model, undefined)!;
  return { dateOfService: latest.effective, request: { levels: [level] } };
}

/** The criteria behind a level's stance: the level nodes that decided it (or, when covered, that admit it). */
function citations(policy: CompiledPolicy, result: Result, stance: Stance): Citation[] {
  const { model } = policy;
  const readsLevels = (id: string) => model.nodes.find((n) => n.id === id)?.reads.includes('request.levels') ?? false;
  const picked = stance === 'covered'
    ? (result.trace ?? []).filter((t) => t.value === 'met' && readsLevels(t.node) && model.blocks.find((b) => b.id === t.block)?.role === 'indication')
    : result.reasons.filter((r) => readsLevels(r.node));
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const { node } of picked) {
    const n = model.nodes.find((x) => x.id === node)!;
    if (seen.has(n.source + n.label)) continue;
    seen.add(n.source + n.label);
    out.push({ node: n.id, label: n.label, source: n.source });
  }
  return out;
}

/** Computed once per policy and build: /criteria/ and /compare/ both draw the spine, and each mark is an exact decision. */
const columns = new WeakMap<CompiledPolicy, SpineColumn>();

export function spineColumn(policy: CompiledPolicy): SpineColumn {
  let column = columns.get(policy);
  if (!column) columns.set(policy, (column = computeColumn(policy)));
  return column;
}

function computeColumn(policy: CompiledPolicy): SpineColumn {
  const marks = LEVELS.map((level) => {
    const result = decide(policy, singleLevelCase(policy, level), { trace: true });
    const stance = stanceOf(result);
    return { level, stance, cites: citations(policy, result, stance) };
  });
  return { payer: policy.model.payer, marks };
}

/** "T5–L5 covered; C1–T4 not covered; …": runs of equal stance, for the text equivalent and summaries. */
export function stanceRuns(column: SpineColumn): Array<{ from: Level; to: Level; stance: Stance }> {
  const runs: Array<{ from: Level; to: Level; stance: Stance }> = [];
  for (const m of column.marks) {
    const last = runs[runs.length - 1];
    if (last && last.stance === m.stance) last.to = m.level;
    else runs.push({ from: m.level, to: m.level, stance: m.stance });
  }
  return runs;
}

/** The runs in words: "C1–T4 not covered; T5–L5 covered when the criteria are met; …". */
export function runWords(column: SpineColumn): string {
  return stanceRuns(column).map((r) => `${r.from === r.to ? r.from : `${r.from}–${r.to}`} ${STANCE_WORDS[r.stance]}`).join('; ');
}

/**
 * Threshold pinning: a policy's examples must notice when any threshold moves by one step. Each numeric
 * threshold (a fact compared with a number, a level count, a therapy duration) and each end of each level range
 * is mutated one step either way (`ge 8` → `ge 7`, `ge 9`; `gt 4` → `ge 4`, `gt 5`; `T5-L5` → `T4-L5`, `T6-L5`,
 * `T5-L4`, `T5-S1`); the mutant is compiled once and the policy's examples are run against it. A mutant every
 * example still agrees with is a threshold no example pins: an author could mistype it and nothing would fail.
 * A mutant that cannot change any decision (a range end another range already covers) is skipped; one that
 * the author judges cannot be told apart by any case is allowed by an `<Interpretation allow="unpinned">` note.
 */
import type { Comparison } from './block-schema.ts';
import { compileModule, type CompiledPolicy } from './compile.ts';
import { expectationProblems, runExample, type PublicExample } from './examples.ts';
import { decide } from './decide.ts';
import { F, T, type Truth } from './kleene.ts';
import { allowedBy, reach } from './lint-reachability.ts';
import type { Result } from './result.ts';
import { LEVELS, parseLevelRanges } from './levels.ts';
import { importCompiled } from './load.ts';
import { Places } from './lint.ts';
import type { Message } from './messages.ts';
import type { ModelNode, PolicyModel } from './model.ts';

export type Mutation = {
  node: number;
  /** The key of the node the threshold is written under (`value`, `within`, `weeks`). */
  key: 'value' | 'within' | 'weeks';
  /** The threshold as written and as mutated, in words such as `symptoms.painNrs >= 8`. */
  original: string;
  mutated: string;
  apply: (node: ModelNode) => void;
};

/** A mutation no example notices, with a case on which the two versions decide differently. */
export type Unpinned = Mutation & { witness: Record<string, unknown> | null; originalDecision?: string; mutatedDecision?: string };
/** `equivalent`: mutations no case can tell apart from the original (proven by the search), not reported. */
export type PinningReport = { unpinned: Unpinned[]; mutations: number; equivalent: number; ms: number };

const SYMBOL: Record<Comparison, string> = { eq: '=', ne: '≠', lt: '<', le: '<=', gt: '>', ge: '>=' };

/** One step each way: the boundary moves down by one, then up by one (integers: pain scores, weeks, %, levels). */
export function steps(op: Comparison, value: number): Array<{ op: Comparison; value: number }> {
  switch (op) {
    case 'ge': case 'le': case 'eq': case 'ne': return [{ op, value: value - 1 }, { op, value: value + 1 }];
    case 'gt': return [{ op: 'ge', value }, { op: 'gt', value: value + 1 }];
    case 'lt': return [{ op: 'lt', value: value - 1 }, { op: 'le', value }];
  }
}

/** The level-range texts one step away from `within`: each end of each part moved up or down one level. */
export function rangeSteps(within: string): string[] {
  const parts = within.split(',').map((p) => p.trim());
  const original = parseLevelRanges(within);
  const out = new Set<string>();
  parts.forEach((part, k) => {
    const [from, to = from] = part.split(/\s*[-–]\s*/) as [string, string?];
    const a = LEVELS.indexOf(from as never);
    const b = LEVELS.indexOf(to as never);
    for (const [x, y] of [[a - 1, b], [a + 1, b], [a, b - 1], [a, b + 1]] as const) {
      if (x < 0 || y >= LEVELS.length || x > y) continue;
      const moved = x === y ? LEVELS[x]! : `${LEVELS[x]}-${LEVELS[y]}`;
      const text = parts.map((p, j) => (j === k ? moved : p)).join(', ');
      const parsed = parseLevelRanges(text);
      // Same set of levels (the moved end is covered by another part): not a different threshold.
      if (parsed.ok && original.ok && parsed.levels.join() !== original.levels.join()) out.add(text);
    }
  });
  return [...out];
}

export function mutations(model: PolicyModel): Mutation[] {
  const out: Mutation[] = [];
  for (const node of model.nodes) {
    if (node.kind === 'fact' && typeof node.value === 'number' && node.op in SYMBOL) {
      const op = node.op as Comparison;
      for (const s of steps(op, node.value)) out.push({ node: node.index, key: 'value', original: `${node.fact} ${SYMBOL[op]} ${node.value}`, mutated: `${node.fact} ${SYMBOL[s.op]} ${s.value}`, apply: (n) => Object.assign(n, s) });
    } else if (node.kind === 'level-count') {
      for (const s of steps(node.op, node.value)) out.push({ node: node.index, key: 'value', original: `number of levels ${SYMBOL[node.op]} ${node.value}`, mutated: `number of levels ${SYMBOL[s.op]} ${s.value}`, apply: (n) => Object.assign(n, s) });
    } else if (node.kind === 'therapies' && node.weeks) {
      const { op, value } = node.weeks;
      for (const s of steps(op, value)) out.push({ node: node.index, key: 'weeks', original: `therapy weeks ${SYMBOL[op]} ${value}`, mutated: `therapy weeks ${SYMBOL[s.op]} ${s.value}`, apply: (n) => { (n as typeof node).weeks = s; } });
    } else if (node.kind === 'levels') {
      for (const text of rangeSteps(node.within)) {
        const parsed = parseLevelRanges(text);
        if (!parsed.ok) continue;
        out.push({ node: node.index, key: 'within', original: `${node.quantifier} level within ${node.within}`, mutated: `${node.quantifier} level within ${text}`, apply: (n) => Object.assign(n, { within: text, set: parsed.levels }) });
      }
    }
  }
  return out;
}

/**
 * The compiled module of a mutant. A module with no imports is evaluated as a function body (its `export`s
 * turned into a returned object): importing a data: URL goes through the module loader's transform hooks and
 * costs ten times more, which adds up over every threshold of every policy. Any other module shape is imported.
 */
async function loadMutant(model: PolicyModel): Promise<CompiledPolicy> {
  const source = compileModule(model);
  if (!/^\s*import\b/m.test(source)) {
    try {
      const body = source.replace(/^export (const|function) /gm, '$1 ');
      const module = new Function(`${body}\nreturn { model, blocks, trace };`)() as CompiledPolicy;
      if (typeof module.blocks === 'function' && typeof module.trace === 'function') return module;
    } catch {
      // Not a plain script after all: fall back to a real import below.
    }
  }
  return importCompiled(model);
}

const words = (r: Result) => r.decision + (r.category ? ` (${r.category})` : '');

/**
 * A case the original and the mutant decide differently: the threshold's leaf takes one value under the
 * original and the other under the mutant, and decides the decision. Null when the search proves there is none
 * (the mutant is equivalent); a mutation the search gave up on is reported without a case.
 */
function witness(policy: CompiledPolicy, mutant: CompiledPolicy, m: Mutation, mutated: ModelNode): Unpinned | null {
  let ranOut = false;
  for (const value of [T, F] as const) {
    const r = reach(policy, m.node, { value, extra: [{ leaf: mutated, value: (T - value) as Truth }] });
    ranOut ||= r.ranOut;
    if (!r.found) continue;
    const a = decide(policy, r.found, { explain: false });
    const b = decide(mutant, r.found, { explain: false });
    if (words(a) === words(b)) throw new Error(`pinning: the case found for ${m.mutated} is decided alike by both: ${JSON.stringify(r.found)}`);
    return { ...m, witness: r.found, originalDecision: words(a), mutatedDecision: words(b) };
  }
  return ranOut ? { ...m, witness: null } : null;
}

/** The mutations no example notices (each mutant compiled once, every example run against it). */
export async function unpinned(policy: CompiledPolicy, publicExamples: readonly PublicExample[]): Promise<PinningReport> {
  const started = performance.now();
  const { model } = policy;
  const allowed = allowedBy(model, 'unpinned');
  const baseline = model.examples.map((e) => runExample(policy, e, publicExamples));
  const found: Unpinned[] = [];
  let equivalent = 0;
  const all = mutations(model).filter((m) => !allowed.has(model.nodes[m.node]!.id));
  for (const m of all) {
    // The evaluator needs the criteria only: without examples, codes and notes the module compiles and loads faster.
    const mutant: PolicyModel = structuredClone({ ...model, examples: [], codes: [], notes: [], headings: [] });
    m.apply(mutant.nodes[m.node]!);
    const compiled = await loadMutant(mutant);
    // Noticed: an example that passes with the policy as written fails with the mutant. Its case is already
    // resolved and validated by the baseline run, so only the decision is recomputed.
    const noticed = baseline.some((b) => b.pass && b.case !== null && expectationProblems(b.example.expect, decide(compiled, b.case, { explain: false })).length > 0);
    if (noticed) continue;
    const w = witness(policy, compiled, m, mutant.nodes[m.node]!);
    if (w === null) equivalent++;
    else found.push(w);
  }
  return { unpinned: found, mutations: all.length, equivalent, ms: performance.now() - started };
}

/** The facts a witness gives for the threshold's own leaf, in words: `symptoms.painNrs = 8`. */
function shown(node: ModelNode, c: Record<string, unknown>): string {
  const at = (path: readonly string[]) => path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], c);
  if (node.kind === 'fact') return `${node.fact} = ${JSON.stringify(at(node.fact.split('.')))}`;
  if (node.kind === 'therapies') return `therapies ${JSON.stringify(at(['conservativeCare', 'therapies']))}`;
  return `levels ${JSON.stringify(at(['request', 'levels']))}`;
}

/** Unpinned thresholds as positioned messages, pointing at the threshold's value. */
export async function pinningMessages(policy: CompiledPolicy, publicExamples: readonly PublicExample[], text?: string): Promise<{ messages: Message[]; report: PinningReport }> {
  const report = await unpinned(policy, publicExamples);
  const places = text === undefined ? null : new Places(text);
  const { file } = policy.model;
  const messages = report.unpinned.map((u): Message => {
    const node = policy.model.nodes[u.node]!;
    const apart = u.witness ? ` (a case with ${shown(node, u.witness)} is ${u.originalDecision} as written, ${u.mutatedDecision} with the change)` : '';
    const place = places ? places.key(node.line, u.key, false) : { line: node.line, column: 1 };
    return {
      file,
      place,
      reason: `threshold \`${u.original}\` at ${file.split('/').pop()}:${place.line}:${place.column} is not pinned by any example: changed to \`${u.mutated}\` every example still passes${apart}, expected an example on each side of it`,
      ruleId: 'threshold-unpinned',
      severity: 'error',
    };
  });
  return { messages, report };
}

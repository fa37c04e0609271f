/**
 * Block values → a decision. Precedence (docs/block-format.md): deny-exclusions, then scope, then indications,
 * then review-exclusions, then approve. With unknown blocks, the decision is the one every resolution of the
 * unknowns agrees on; otherwise needs-information, naming the facts behind the unknowns that matter.
 */
import type { DenyCategory } from './block-schema.ts';
import type { CompiledPolicy } from './compile.ts';
import { FACTS_BY_PATH, readFact } from './facts.ts';
import { F, T, U, TRUTH_NAMES, type Truth } from './kleene.ts';
import type { ModelBlock, PolicyModel } from './model.ts';
import type { Reason, Result, TraceEntry } from './result.ts';

const CATEGORY_RANK: Record<DenyCategory, number> = { 'not-medically-necessary': 0, investigational: 1, 'not-covered': 2 };

type Outcome = { decision: 'approve' | 'deny' | 'individual-review'; category?: DenyCategory; because: ModelBlock[] };

/** The decision for fully resolved block values (no unknowns). */
function outcomeOf(model: PolicyModel, blocks: readonly ModelBlock[], v: (b: ModelBlock) => Truth): Outcome {
  const denials = blocks.filter((b) => b.role === 'exclusion' && b.outcome === 'deny' && v(b) === T)
    .sort((a, b) => CATEGORY_RANK[b.category!] - CATEGORY_RANK[a.category!]);
  if (denials.length) return { decision: 'deny', category: denials[0]!.category!, because: denials };
  const outOfScope = blocks.find((b) => b.role === 'scope' && v(b) === F);
  if (outOfScope) {
    return outOfScope.outcome === 'deny'
      ? { decision: 'deny', category: outOfScope.category!, because: [outOfScope] }
      : { decision: 'individual-review', because: [outOfScope] };
  }
  const indications = blocks.filter((b) => b.role === 'indication');
  const met = indications.filter((b) => v(b) === T);
  if (!met.length) return { decision: 'deny', category: model.meta.unmetCategory, because: indications };
  const reviews = blocks.filter((b) => b.role === 'exclusion' && b.outcome === 'individual-review' && v(b) === T);
  if (reviews.length) return { decision: 'individual-review', because: reviews };
  return { decision: 'approve', because: met };
}

const same = (a: Outcome, b: Outcome) => a.decision === b.decision && a.category === b.category;

/** Picks the version in effect on the date; `undefined` date → the latest version (and the date is missing). */
export function versionOn(model: PolicyModel, date: string | undefined) {
  const versions = [...model.meta.versions].sort((a, b) => a.effective.localeCompare(b.effective));
  if (date === undefined) return versions[versions.length - 1]!;
  let found = null;
  for (const v of versions) if (v.effective <= date && (!v.until || date < v.until)) found = v;
  return found;
}

/** Nodes that explain a node's value: descend through the children that carry it. */
function explain(model: PolicyModel, values: ArrayLike<number>, index: number, out: number[]): void {
  const node = model.nodes[index]!;
  const v = values[index] as Truth;
  const carry = node.children.filter((k) => values[k] === v);
  const descend =
    (node.kind === 'all' && v !== T) || (node.kind === 'any' && v !== F) ||
    (node.kind === 'at-least' && v !== T) || (node.kind === 'any' && v === F);
  if (descend && carry.length) for (const k of carry) explain(model, values, k, out);
  else out.push(index);
}

/** Facts read by the unknown leaves under a node (only through unknown nodes: known ones settle nothing). */
function unknownFacts(model: PolicyModel, values: ArrayLike<number>, index: number, out: Set<string>): void {
  if (values[index] !== U) return;
  const node = model.nodes[index]!;
  for (const r of node.reads) out.add(r);
  for (const k of node.children) unknownFacts(model, values, k, out);
}

function reason(model: PolicyModel, values: ArrayLike<number>, index: number): Reason {
  const node = model.nodes[index]!;
  return { node: node.id, block: model.blocks[node.block]!.id, label: node.label, source: node.source, value: TRUTH_NAMES[values[index]!]! };
}

function traceOf(model: PolicyModel, values: ArrayLike<number>, c: unknown): TraceEntry[] {
  return model.nodes.map((n) => {
    const entry: TraceEntry = { node: n.id, block: model.blocks[n.block]!.id, value: TRUTH_NAMES[values[n.index]!]! };
    if (n.reads.length) entry.facts = Object.fromEntries(n.reads.map((r) => [r, readFact(c, FACTS_BY_PATH.get(r)!.segments)]));
    return entry;
  });
}

const MAX_UNKNOWN_BLOCKS = 14;

export type DecideOptions = {
  /** Include every node's value and the facts it read. */
  trace?: boolean;
  /** Name the deciding criteria (default true). Off for sweeps and the bench: only block values are computed. */
  explain?: boolean;
};

export function decide(policy: CompiledPolicy, c: unknown, options: DecideOptions = {}): Result {
  const { model } = policy;
  const explainIt = options.explain ?? true;
  const date = readFact(c, ['dateOfService']) as string | undefined;
  const version = versionOn(model, date);
  const head = { payer: model.payer, policy: { id: model.payer, title: model.meta.title, version: version?.version ?? null } };
  if (!version) {
    const first = [...model.meta.versions].sort((a, b) => a.effective.localeCompare(b.effective))[0]!;
    return { ...head, decision: 'not-in-effect', summary: `No version of the policy is in effect on ${date}; the first takes effect on ${first.effective}.`, reasons: [], missing: [] };
  }
  const blocks = model.blocks.filter((b) => !b.versions || b.versions.includes(version.version));
  const blockValues = policy.blocks(c);
  const unknown = blocks.filter((b) => blockValues[b.index] === U);

  let decided: Outcome | null;
  const pivotal = new Set<ModelBlock>();
  if (unknown.length > MAX_UNKNOWN_BLOCKS) {
    decided = null;
    unknown.forEach((b) => pivotal.add(b));
  } else {
    const outcomes: Outcome[] = [];
    for (let mask = 0; mask < 1 << unknown.length; mask++) {
      const assumed = new Map(unknown.map((b, i) => [b, ((mask >> i) & 1 ? T : F) as Truth]));
      outcomes.push(outcomeOf(model, blocks, (b) => assumed.get(b) ?? (blockValues[b.index] as Truth)));
    }
    // A block is pivotal when flipping it alone changes the outcome somewhere.
    unknown.forEach((b, i) => {
      for (let mask = 0; mask < outcomes.length; mask++) if (!same(outcomes[mask]!, outcomes[mask ^ (1 << i)]!)) { pivotal.add(b); break; }
    });
    // Decided when every resolution agrees on the decision. Mask 0 resolves every unknown as not met, so
    // where resolutions differ only in a denial's category, the category comes from what is known now.
    decided = outcomes.every((o) => o.decision === outcomes[0]!.decision) ? outcomes[0]! : null;
  }

  const missing = new Set<string>();
  if (date === undefined) missing.add('dateOfService');
  const needsValues = options.trace || explainIt || !decided;
  const values = needsValues ? policy.trace(c) : null;
  if (!decided && values) for (const b of pivotal) unknownFacts(model, values, b.root, missing);
  const deciding: number[] = [];
  if (values && explainIt) for (const b of decided ? decided.because : pivotal) explain(model, values, b.root, deciding);
  const base = {
    ...head,
    reasons: values ? deciding.map((i) => reason(model, values, i)) : [],
    missing: [...missing],
    ...(options.trace && values ? { trace: traceOf(model, values, c) } : {}),
  };

  if (!decided) return { ...base, decision: 'needs-information', summary: `Cannot decide without: ${[...missing].join(', ')}.` };
  if (date === undefined) {
    return { ...base, decision: 'needs-information', summary: `Needs the date of service to pick the policy version; under version ${version.version} the decision would be ${decided.decision}.` };
  }
  const titles = decided.because.map((b) => b.title).join('; ');
  const summary =
    decided.decision === 'approve' ? `Criteria met: ${titles}.` :
    decided.decision === 'individual-review' ? `Individual review: ${titles}.` :
    decided.because[0]!.role === 'indication' ? 'Criteria not met.' : `Excluded: ${titles}.`;
  return { ...base, decision: decided.decision, ...(decided.category ? { category: decided.category } : {}), summary };
}

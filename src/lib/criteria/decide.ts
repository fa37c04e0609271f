/**
 * Block values → a decision. Precedence (docs/block-format.md): deny-exclusions, then scope, then indications,
 * then review-exclusions, then approve. With unknown blocks, the decision is the one every resolution of the
 * unknowns agrees on; otherwise needs-information, naming the facts behind the unknowns that matter.
 */
import type { DenyCategory } from './block-schema.ts';
import type { CompiledPolicy } from './compile.ts';
import { FACTS_BY_PATH, readFact } from './facts.ts';
import { F, T, U, TRUTH_NAMES } from './kleene.ts';
import type { ModelBlock, PolicyModel } from './model.ts';
import type { Reason, Result, TraceEntry } from './result.ts';

const CATEGORY_RANK: Record<DenyCategory, number> = { 'not-medically-necessary': 0, investigational: 1, 'not-covered': 2 };

type Outcome = { decision: 'approve' | 'deny' | 'individual-review'; category?: DenyCategory | undefined; because: ModelBlock[] };
type Values = ArrayLike<number>;

/**
 * The decision for fully resolved block values (`values[block.index]`, no unknowns among `blocks`).
 * Plain loops, no closures: this runs for every payer on every case of a sweep.
 */
function outcomeOf(model: PolicyModel, blocks: readonly ModelBlock[], values: Values): Outcome {
  let denial: ModelBlock | null = null;
  let outOfScope: ModelBlock | null = null;
  let review = false;
  let indicationMet = false;
  for (const b of blocks) {
    const v = values[b.index];
    if (b.role === 'exclusion') {
      if (v !== T) continue;
      if (b.outcome === 'individual-review') review = true;
      else if (!denial || CATEGORY_RANK[b.category!] > CATEGORY_RANK[denial.category!]) denial = b;
    } else if (b.role === 'scope') {
      if (v === F && !outOfScope) outOfScope = b;
    } else if (v === T) indicationMet = true;
  }
  if (outOfScope && !denial) return { decision: outOfScope.outcome === 'deny' ? 'deny' : 'individual-review', category: outOfScope.category, because: [outOfScope] };
  const kind = denial ? 'deny' : !indicationMet ? 'unmet' : review ? 'review' : 'approve';
  const because: ModelBlock[] = denial ? [denial] : [];
  for (const b of blocks) {
    const met = values[b.index] === T;
    if (kind === 'deny' ? b !== denial && b.role === 'exclusion' && b.outcome === 'deny' && met
      : kind === 'unmet' ? b.role === 'indication'
      : kind === 'review' ? b.role === 'exclusion' && b.outcome === 'individual-review' && met
      : b.role === 'indication' && met) because.push(b);
  }
  if (kind === 'deny') return { decision: 'deny', category: denial!.category, because };
  if (kind === 'unmet') return { decision: 'deny', category: model.meta.unmetCategory, because };
  return { decision: kind === 'review' ? 'individual-review' : 'approve', because };
}

const same = (a: Outcome, b: Outcome) => a.decision === b.decision && a.category === b.category;

function summaryOf(o: Outcome): string {
  let titles = o.because[0]?.title ?? '';
  for (let i = 1; i < o.because.length; i++) titles += `; ${o.because[i]!.title}`;
  if (o.decision === 'approve') return `Criteria met: ${titles}.`;
  if (o.decision === 'individual-review') return `Individual review: ${titles}.`;
  return o.because[0]!.role === 'indication' ? 'Criteria not met.' : `Excluded: ${titles}.`;
}

type Version = PolicyModel['meta']['versions'][number];
/** Per-model lookups computed once: versions in date order and each version's blocks. */
type Prepared = { versions: Version[]; blocksOf: Map<string, ModelBlock[]> };
const prepared = new WeakMap<PolicyModel, Prepared>();

function prepare(model: PolicyModel): Prepared {
  let p = prepared.get(model);
  if (!p) {
    const versions = [...model.meta.versions].sort((a, b) => a.effective.localeCompare(b.effective));
    const blocksOf = new Map(versions.map((v) => [v.version, model.blocks.filter((b) => !b.versions || b.versions.includes(v.version))]));
    prepared.set(model, (p = { versions, blocksOf }));
  }
  return p;
}

/** Picks the version in effect on the date; `undefined` date → the latest version (and the date is missing). */
export function versionOn(model: PolicyModel, date: string | undefined): Version | null {
  const { versions } = prepare(model);
  if (date === undefined) return versions[versions.length - 1]!;
  let found = null;
  for (const v of versions) if (v.effective <= date && (!v.until || date < v.until)) found = v;
  return found;
}

/** Nodes that explain a node's value: descend through the children that carry it. */
function explain(model: PolicyModel, values: Values, index: number, out: number[]): void {
  const node = model.nodes[index]!;
  const v = values[index];
  const descend = (node.kind === 'all' && v !== T) || node.kind === 'any' || (node.kind === 'at-least' && v !== T);
  const carry = descend ? node.children.filter((k) => values[k] === v) : [];
  if (carry.length) for (const k of carry) explain(model, values, k, out);
  else out.push(index);
}

/** Facts read by the unknown leaves under a node (only through unknown nodes: known ones settle nothing). */
function unknownFacts(model: PolicyModel, values: Values, index: number, out: Set<string>): void {
  if (values[index] !== U) return;
  const node = model.nodes[index]!;
  for (const r of node.reads) out.add(r);
  for (const k of node.children) unknownFacts(model, values, k, out);
}

function reason(model: PolicyModel, values: Values, index: number): Reason {
  const node = model.nodes[index]!;
  return { node: node.id, block: model.blocks[node.block]!.id, label: node.label, source: node.source, value: TRUTH_NAMES[values[index]!]! };
}

function traceOf(model: PolicyModel, values: Values, c: unknown): TraceEntry[] {
  return model.nodes.map((n) => {
    const entry: TraceEntry = { node: n.id, block: model.blocks[n.block]!.id, value: TRUTH_NAMES[values[n.index]!]! };
    if (n.reads.length) entry.facts = Object.fromEntries(n.reads.map((r) => [r, readFact(c, FACTS_BY_PATH.get(r)!.segments)]));
    return entry;
  });
}

/** Resolves the unknown blocks every way: the agreed outcome (or null) and the blocks whose value matters. */
function resolveUnknowns(model: PolicyModel, blocks: readonly ModelBlock[], values: Values, unknown: readonly ModelBlock[]) {
  const pivotal = new Set<ModelBlock>();
  if (unknown.length > MAX_UNKNOWN_BLOCKS) return { decided: null, pivotal: new Set(unknown) };
  const resolved = Array.from(values);
  const outcomes: Outcome[] = [];
  for (let mask = 0; mask < 1 << unknown.length; mask++) {
    unknown.forEach((b, i) => { resolved[b.index] = (mask >> i) & 1 ? T : F; });
    outcomes.push(outcomeOf(model, blocks, resolved));
  }
  // A block is pivotal when flipping it alone changes the outcome somewhere.
  unknown.forEach((b, i) => {
    for (let mask = 0; mask < outcomes.length; mask++) if (!same(outcomes[mask]!, outcomes[mask ^ (1 << i)]!)) { pivotal.add(b); break; }
  });
  // Decided when every resolution agrees on the decision. If they agree on a denial but not on its category,
  // the category stays open (never guessed): giving a fact may refine a result, never change it.
  const first = outcomes[0]!;
  if (!outcomes.every((o) => o.decision === first.decision)) return { decided: null, pivotal };
  const category = outcomes.every((o) => o.category === first.category) ? first.category : undefined;
  const decided: Outcome = { decision: first.decision, category, because: first.because };
  return { decided, pivotal };
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
  const date = (c as { dateOfService?: string } | null)?.dateOfService;
  const version = versionOn(model, date);
  const policyRef = { id: model.payer, title: model.meta.title, version: version ? version.version : null };
  if (!version) {
    const first = prepare(model).versions[0]!;
    return { payer: model.payer, policy: policyRef, decision: 'not-in-effect', summary: `No version of the policy is in effect on ${date}; the first takes effect on ${first.effective}.`, reasons: [], missing: [] };
  }
  const blocks = prepare(model).blocksOf.get(version.version)!;
  const blockValues = policy.blocks(c);
  const unknown: ModelBlock[] = [];
  for (const b of blocks) if (blockValues[b.index] === U) unknown.push(b);
  const explainIt = options.explain ?? true;

  if (unknown.length === 0 && date !== undefined && !explainIt && !options.trace) {
    // Hot path (sweeps, bench): decided, nothing to explain.
    const o = outcomeOf(model, blocks, blockValues);
    const r: Result = { payer: model.payer, policy: policyRef, decision: o.decision, summary: summaryOf(o), reasons: [], missing: [] };
    if (o.category) r.category = o.category;
    return r;
  }

  const { decided, pivotal } = unknown.length
    ? resolveUnknowns(model, blocks, blockValues, unknown)
    : { decided: outcomeOf(model, blocks, blockValues), pivotal: new Set<ModelBlock>() };
  const missing = new Set<string>();
  if (date === undefined) missing.add('dateOfService');
  const open = !decided || (decided.decision === 'deny' && !decided.category);
  const values = options.trace || explainIt || open ? policy.trace(c) : null;
  if (open && values) for (const b of pivotal) unknownFacts(model, values, b.root, missing);
  const deciding: number[] = [];
  if (values && explainIt) for (const b of decided ? decided.because : pivotal) explain(model, values, b.root, deciding);

  const r: Result = {
    payer: model.payer,
    policy: policyRef,
    decision: 'needs-information',
    summary: '',
    reasons: values ? deciding.map((i) => reason(model, values, i)) : [],
    missing: [...missing],
  };
  if (options.trace && values) r.trace = traceOf(model, values, c);
  if (!decided) r.summary = `Cannot decide without: ${r.missing.join(', ')}.`;
  else if (date === undefined) r.summary = `Needs the date of service to pick the policy version; under version ${version.version} the decision would be ${decided.decision}.`;
  else {
    r.decision = decided.decision;
    if (decided.category) r.category = decided.category;
    r.summary = open ? `Denied under every reading; the category depends on: ${r.missing.join(', ')}.` : summaryOf(decided);
  }
  return r;
}

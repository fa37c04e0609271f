/**
 * Block values → a decision. Precedence (docs/block-format.md): deny-exclusions, then scope, then indications,
 * then review-exclusions, then approve. With unknown blocks, the decision is the one every resolution of the
 * unknowns agrees on; otherwise needs-information, naming the facts behind the unknowns that matter.
 */
import type { DenyCategory } from './block-schema.ts';
import type { CompiledPolicy } from './compile.ts';
import { exactly } from './exact.ts';
import { FACTS_BY_PATH, readFact } from './facts.ts';
import { F, T, U, TRUTH_NAMES } from './kleene.ts';
import type { ModelBlock, PolicyModel } from './model.ts';
import type { Reason, Result, TraceEntry } from './result.ts';

export const CATEGORY_RANK: Record<DenyCategory, number> = { 'not-medically-necessary': 0, investigational: 1, 'not-covered': 2 };

type Outcome = { decision: 'approve' | 'deny' | 'individual-review'; category?: DenyCategory | undefined; because: ModelBlock[] };
type Values = ArrayLike<number>;

/** A version's blocks by role, precomputed so deciding reads values only (deny-exclusions strongest first). */
export type Roles = {
  all: ModelBlock[];
  denials: ModelBlock[];
  scopes: ModelBlock[];
  indications: ModelBlock[];
  reviews: ModelBlock[];
};

export function rolesOf(blocks: ModelBlock[]): Roles {
  const exclusions = blocks.filter((b) => b.role === 'exclusion');
  return {
    all: blocks,
    // Stable sort: among equal categories the policy's own order decides which is named first.
    denials: exclusions.filter((b) => b.outcome === 'deny').sort((a, b) => CATEGORY_RANK[b.category!] - CATEGORY_RANK[a.category!]),
    scopes: blocks.filter((b) => b.role === 'scope'),
    indications: blocks.filter((b) => b.role === 'indication'),
    reviews: exclusions.filter((b) => b.outcome === 'individual-review'),
  };
}

/** The blocks among `list` whose value is met. */
function met(list: readonly ModelBlock[], values: Values): ModelBlock[] {
  const out: ModelBlock[] = [];
  for (const b of list) if (values[b.index] === T) out.push(b);
  return out;
}

/**
 * The decision for fully resolved block values (`values[block.index]`, no unknowns among the version's blocks).
 * Plain loops, no closures: this runs for every payer on every case of a sweep.
 */
function outcomeOf(model: PolicyModel, roles: Roles, values: Values): Outcome {
  const denials = met(roles.denials, values);
  if (denials.length) return { decision: 'deny', category: denials[0]!.category, because: denials };
  for (const b of roles.scopes) {
    if (values[b.index] === F) return { decision: b.outcome === 'deny' ? 'deny' : 'individual-review', category: b.category, because: [b] };
  }
  const indications = met(roles.indications, values);
  if (!indications.length) return { decision: 'deny', category: model.meta.unmetCategory, because: roles.indications };
  const reviews = met(roles.reviews, values);
  if (reviews.length) return { decision: 'individual-review', because: reviews };
  return { decision: 'approve', because: indications };
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

/** The blocks a version applies (a block without `versions` applies to every version). */
export function versionBlocks(model: PolicyModel, version: string): ModelBlock[] {
  return model.blocks.filter((b) => !b.versions || b.versions.includes(version));
}
/**
 * Per-model lookups computed once: versions in date order, each version's blocks, and the (frozen, shared)
 * policy reference each result carries.
 */
type Prepared = { versions: Version[]; rolesOf: Map<string, Roles>; refs: Map<string | null, Result['policy']> };
const prepared = new WeakMap<PolicyModel, Prepared>();

function prepare(model: PolicyModel): Prepared {
  let p = prepared.get(model);
  if (!p) {
    const versions = [...model.meta.versions].sort((a, b) => a.effective.localeCompare(b.effective));
    const rolesByVersion = new Map(versions.map((v) => [v.version, rolesOf(versionBlocks(model, v.version))]));
    const ref = (version: string | null) => Object.freeze({ id: model.payer, title: model.meta.title, version });
    const refs = new Map<string | null, Result['policy']>([[null, ref(null)], ...versions.map((v) => [v.version, ref(v.version)] as const)]);
    prepared.set(model, (p = { versions, rolesOf: rolesByVersion, refs }));
  }
  return p;
}

/** Picks the version in effect on the date; `undefined` date → the latest version (and the date is missing). */
export function versionOn(model: PolicyModel, date: string | undefined, p = prepare(model)): Version | null {
  const { versions } = p;
  if (date === undefined) return versions[versions.length - 1]!;
  let found = null;
  for (const v of versions) if (v.effective <= date && (!v.until || date < v.until)) found = v;
  return found;
}

/**
 * Nodes that explain a node's value: descend through the children that carry it. A met ALL is explained by
 * the choices made under it (which alternative of each ANY was met), not by the ALL's own generic label.
 */
function explain(model: PolicyModel, values: Values, index: number, out: number[]): void {
  const node = model.nodes[index]!;
  const v = values[index];
  if (v === T && node.kind === 'all') {
    const choices = node.children.filter((k) => model.nodes[k]!.kind === 'any');
    if (!choices.length) { out.push(index); return; }
    for (const k of choices) for (const alt of model.nodes[k]!.children) if (values[alt] === T) out.push(alt);
    return;
  }
  const descend = (node.kind === 'all' && v !== T) || node.kind === 'any' || (node.kind === 'at-least' && v !== T);
  const carry = descend ? node.children.filter((k) => values[k] === v) : [];
  if (carry.length) for (const k of carry) explain(model, values, k, out);
  else out.push(index);
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
function resolveUnknowns(model: PolicyModel, roles: Roles, values: Values, unknown: readonly ModelBlock[]) {
  const pivotal = new Set<ModelBlock>();
  if (unknown.length > MAX_UNKNOWN_BLOCKS) return { decided: null, pivotal: new Set(unknown) };
  const resolved = Array.from(values);
  const outcomes: Outcome[] = [];
  for (let mask = 0; mask < 1 << unknown.length; mask++) {
    unknown.forEach((b, i) => { resolved[b.index] = (mask >> i) & 1 ? T : F; });
    outcomes.push(outcomeOf(model, roles, resolved));
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

/**
 * The decision the block values settle by resolving unknown blocks alone (no completions of the facts), under
 * one version: what the FHIR export's "Criteria decision" define computes (src/lib/fhir/decision-elm.ts).
 * `null` when the resolutions disagree; a denial whose category they disagree on has no category.
 */
export function kleeneDecision(model: PolicyModel, version: string, values: Values): { decision: Outcome['decision']; category?: DenyCategory | undefined } | null {
  const roles = prepare(model).rolesOf.get(version);
  if (!roles) throw new Error(`${model.payer} has no version ${version}`);
  const unknown = roles.all.filter((b) => values[b.index] === U);
  const { decided } = unknown.length ? resolveUnknowns(model, roles, values, unknown) : { decided: outcomeOf(model, roles, values) };
  return decided && { decision: decided.decision, category: decided.category };
}

export type DecideOptions = {
  /** Include every node's value and the facts it read. */
  trace?: boolean;
  /** Name the deciding criteria (default true). Off for sweeps and the bench: only block values are computed. */
  explain?: boolean;
};

export function decide(policy: CompiledPolicy, c: unknown, options: DecideOptions = {}): Result {
  const { model } = policy;
  const date = (c as { dateOfService?: string } | null)?.dateOfService;
  const p = prepare(model);
  const version = versionOn(model, date, p);
  const policyRef = p.refs.get(version ? version.version : null)!;
  if (!version) {
    const first = p.versions[0]!;
    return { payer: model.payer, policy: policyRef, decision: 'not-in-effect', summary: `No version of the policy is in effect on ${date}; the first takes effect on ${first.effective}.`, reasons: [], missing: [] };
  }
  const roles = p.rolesOf.get(version.version)!;
  const blockValues = policy.blocks(c);
  let unknownCount = 0;
  for (const b of roles.all) if (blockValues[b.index] === U) unknownCount++;
  const explainIt = options.explain ?? true;

  if (unknownCount === 0 && date !== undefined && !explainIt && !options.trace) {
    // Hot path (sweeps, bench): decided, nothing to explain.
    const o = outcomeOf(model, roles, blockValues);
    const r: Result = { payer: model.payer, policy: policyRef, decision: o.decision, summary: summaryOf(o), reasons: [], missing: [] };
    if (o.category) r.category = o.category;
    return r;
  }

  const unknown = unknownCount ? roles.all.filter((b) => blockValues[b.index] === U) : [];
  const kleene = unknown.length
    ? resolveUnknowns(model, roles, blockValues, unknown)
    : { decided: outcomeOf(model, roles, blockValues), pivotal: new Set<ModelBlock>() };
  const { pivotal } = kleene;
  const missing = new Set<string>();
  if (date === undefined) missing.add('dateOfService');
  const kleeneOpen = !kleene.decided || (kleene.decided.decision === 'deny' && !kleene.decided.category);
  // Reasons of a decided result read only the deciding blocks' subtrees: evaluate those alone when nothing else
  // needs the full trace (the exact search and --trace do).
  const values = options.trace || kleeneOpen ? policy.trace(c)
    : explainIt ? (policy.traceBlocks ? policy.traceBlocks(c, kleene.decided!.because.map((b) => b.index)) : policy.trace(c))
    : null;
  // Kleene leaves `X or not X` unknown: decide over the completions of the facts that matter (exact.ts).
  const exact = kleeneOpen && values
    ? exactly({ policy, case: c, trace: values, blocks: roles.all, unknown, pivotal: [...pivotal], outcome: (v) => outcomeOf(model, roles, v) }, kleene.decided)
    : null;
  const decided = exact ? exact.decided : kleene.decided;
  const open = !decided || (decided.decision === 'deny' && !decided.category);
  if (exact) for (const path of exact.missing) missing.add(path);
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
  if (exact && Object.keys(exact.settles).length) r.settles = exact.settles;
  if (exact?.conservative) r.conservative = true;
  if (!decided) r.summary = `Cannot decide without: ${r.missing.join(', ')}.`;
  else if (date === undefined) r.summary = `Needs the date of service to pick the policy version; under version ${version.version} the decision would be ${decided.decision}.`;
  else {
    r.decision = decided.decision;
    if (decided.category) r.category = decided.category;
    r.summary = open ? `Denied under every reading; the category depends on: ${r.missing.join(', ')}.` : summaryOf(decided);
    if (exact && !open) r.summary += ' Whatever the facts still unknown, the decision is the same.';
  }
  return r;
}

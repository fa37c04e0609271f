/**
 * One sentence of why for a payer's result, in the form's and the policy's words, with the case's values
 * against the policy's thresholds and the section cited; and the reasons behind it, only from the pathway or
 * exclusion that decides, each once. Works on decide()'s result as given (never re-decides).
 */
import type { CompiledPolicy } from '../criteria/compile.ts';
import { F, T, TRUTH_NAMES, U } from '../criteria/kleene.ts';
import type { PolicyModel } from '../criteria/model.ts';
import type { Reason, Result } from '../criteria/result.ts';
import { FACTS_BY_PATH } from '../criteria/facts.ts';
import { humanize } from '../render/words.ts';
import type { Answer, Deciding } from './ask-next.ts';
import { lackWords, metWords } from './leaf-words.ts';
import { blocksIn, byNearness, describePathway, fieldsUnder, nearestPathway, unmetText, unmetUnder, type Nearest, type Unmet } from './nearest.ts';
import { pathwayName, pathwayNode, pathways, pathwaysUnder, plainLabel } from './pathways.ts';

/** A supporting reason: decide()'s Reason plus the case's value against what the criterion needs, and the case fields it reads. */
export type Support = Reason & { text: string; fields: string[] };

export type Explanation = {
  why: string;
  reasons: Support[];
  /** For a denial on unmet indications, or what is settled while open: the pathway nearest to being met. */
  nearest: Nearest | null;
};

type Values = ArrayLike<number>;

/** The leaves under a node that carry its value (met leaves under a met node, through met children). */
function leavesWith(model: PolicyModel, values: Values, index: number, value: number, out: number[] = []): number[] {
  const node = model.nodes[index]!;
  if (!node.children.length || node.kind === 'not') out.push(index);
  else for (const k of node.children) if (values[k] === value) leavesWith(model, values, k, value, out);
  return out;
}

function support(model: PolicyModel, values: Values, index: number, text: string): Support {
  const n = model.nodes[index]!;
  return { node: n.id, block: model.blocks[n.block]!.id, label: n.label, source: n.source, value: TRUTH_NAMES[values[index]!]!, text, fields: [...fieldsUnder(model, index)] };
}

const fromUnmet = (model: PolicyModel, values: Values, u: Unmet): Support => support(model, values, model.nodes.findIndex((n) => n.id === u.node), u.text);

/** Each reason once: by node, then by what it says. */
function dedupe(list: readonly Support[]): Support[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const keys = [`n:${s.node}`, `t:${s.text}`];
    if (keys.some((k) => seen.has(k))) return false;
    keys.forEach((k) => seen.add(k));
    return true;
  });
}

const cite = (source: string) => (source ? ` (${source})` : '');
const firstOf = (texts: readonly string[], n = 4) => [...new Set(texts)].slice(0, n).join('; ') + (new Set(texts).size > n ? '; …' : '');

/** The form's title for a field an answer is about (a therapy's part counts as the therapies). */
export function fieldTitle(path: string): string {
  return FACTS_BY_PATH.get(path)?.title ?? FACTS_BY_PATH.get(path.replace(/\[\d+\]\.\w+$/, ''))?.title ?? 'a field';
}

/** An answer in the form's words: "Purpose: treat fracture or lesion". */
export function answerWords(a: Answer): string {
  const item = (x: unknown) => (x && typeof x === 'object' ? `${humanize((x as { kind: string }).kind)} ${(x as { weeks?: number }).weeks ?? '?'} weeks` : humanize(x));
  const v = a.words ?? (Array.isArray(a.value) ? (a.value.length ? a.value.map(item).join(', ') : 'none') : humanize(a.value));
  return `${fieldTitle(a.field)}: ${v}`;
}

/** Approval: the pathway met and the facts that met it. */
function approved(model: PolicyModel, values: Values, r: Result, c: unknown): Explanation {
  const met = pathways(model, values, blocksIn(model, r.policy.version)).find((p) => p.needs.every((n) => values[n] === T));
  if (!met) return { why: r.summary, reasons: [], nearest: null };
  const leaves = met.needs.flatMap((n) => leavesWith(model, values, n, T));
  const reasons = dedupe(leaves.map((i) => support(model, values, i, metWords(model.nodes[i]!, c))));
  const at = model.nodes[pathwayNode(model, met)]!;
  return { why: `Meets ${pathwayName(model, met)}: ${firstOf(reasons.map((x) => x.text))}${cite(at.source)}.`, reasons, nearest: null };
}

/** An exclusion that fired (deny or review) or a scope not met: the block(s) decide()'s reasons come from. */
function byBlock(model: PolicyModel, values: Values, r: Result, c: unknown): Explanation | null {
  const blockIds = [...new Set(r.reasons.map((x) => x.block))];
  const blocks = blockIds.map((id) => model.blocks.find((b) => b.id === id)!).filter((b) => b && b.role !== 'indication');
  if (!blocks.length) return null;
  const scope = blocks[0]!.role === 'scope';
  const want = scope ? F : T;
  const leaves = blocks.flatMap((b) => leavesWith(model, values, b.root, want));
  const reasons = dedupe(leaves.map((i) => support(model, values, i, scope ? lackWords(model.nodes[i]!, c) : metWords(model.nodes[i]!, c))));
  const first = model.nodes[leaves[0] ?? blocks[0]!.root]!;
  const lead = scope ? `Outside what the policy addresses, so ${r.decision === 'deny' ? 'denied' : 'sent to individual review'}` : r.decision === 'deny' ? 'Excluded' : 'Sent to individual review';
  const what = scope ? firstOf(reasons.map((x) => x.text), 2) : `${plainLabel(first.label)} (${firstOf(reasons.map((x) => x.text), 2)})`;
  return { why: `${lead}: ${what}${cite(first.source)}.`, reasons, nearest: null };
}

/** Denied on unmet indications: the nearest pathway and what it lacks. */
function notMet(model: PolicyModel, values: Values, r: Result, c: unknown): Explanation {
  const nearest = nearestPathway(model, values, r.policy.version, c);
  if (!nearest) return { why: r.summary, reasons: [], nearest: null };
  const reasons = dedupe(nearest.unmet.map((u) => fromUnmet(model, values, u)));
  return { why: `No indication is met. Nearest: ${nearest.pathway}: ${unmetText(nearest.unmet)}${cite(nearest.source)}.`, reasons, nearest };
}

/**
 * What is already settled while a result is open: the alternative closest to being met among those that have
 * failed (an ANY's child that is not met while the ANY is still open).
 */
function settledFailure(model: PolicyModel, values: Values, version: string | null, c: unknown): Nearest | null {
  const indications = blocksIn(model, version).filter((b) => b.role === 'indication');
  const inBlocks = new Set(indications.map((b) => b.index));
  const anyOpen = indications.some((b) => values[b.root] === U);
  let best: { index: number; score: number } | null = null;
  for (const n of model.nodes) {
    if (!inBlocks.has(n.block) || values[n.index] !== F) continue;
    // An alternative ruled out while the route it belongs to is still open: an ANY's child, or a whole
    // indication block while another one is open.
    const parent = n.parent >= 0 ? model.nodes[n.parent]! : null;
    if (parent ? parent.kind !== 'any' || values[parent.index] !== U : !anyOpen) continue;
    // Worth saying only when the case fits it in part: at least as much met as not.
    const met = metUnder(model, values, n.index);
    const score = met - unmetUnder(model, values, n.index, c).length;
    if (met > 0 && score >= 0 && (!best || score > best.score)) best = { index: n.index, score };
  }
  if (!best) return null;
  // A list of alternatives that failed is said through its nearest alternative.
  const block = model.blocks[model.nodes[best.index]!.block]!;
  return describePathway(model, values, byNearness(pathwaysUnder(model, values, block, best.index), values)[0]!, c);
}

/** Met leaves under a node (however its combinators came out): how much of it the case already satisfies. */
function metUnder(model: PolicyModel, values: Values, index: number): number {
  const n = model.nodes[index]!;
  if (!n.children.length) return values[index] === T ? 1 : 0;
  return n.children.reduce((s, k) => s + metUnder(model, values, k), 0);
}

/** Needs information: what is settled, and the fewest answers that would decide. */
function open(model: PolicyModel, values: Values, r: Result, c: unknown, deciding: Deciding | null | undefined): Explanation {
  if (r.missing.includes('dateOfService') && r.missing.length === 1) return { why: r.summary, reasons: [], nearest: null };
  const settled = settledFailure(model, values, r.policy.version, c);
  const reasons = settled ? dedupe(settled.unmet.map((u) => fromUnmet(model, values, u))) : [];
  const head = settled ? `${settled.pathway} is not met: ${unmetText(settled.unmet)}${cite(settled.source)}. ` : '';
  const tail = deciding?.answers.length
    ? `Answering ${deciding.answers.map(answerWords).join('; ')} would decide it (${humanize(deciding.decision)}).`
    : `Not decided yet: it needs more than a handful of answers.`;
  return { why: `${head}${tail}`, reasons, nearest: settled };
}

/**
 * Explains one result. `deciding`: the few answers that would decide it (ask-next.ts), for an open result.
 */
export function explain(policy: CompiledPolicy, c: unknown, r: Result, deciding?: Deciding | null): Explanation {
  const { model } = policy;
  if (r.decision === 'not-in-effect') return { why: r.summary, reasons: [], nearest: null };
  const values = policy.trace(c);
  if (r.decision === 'needs-information') return open(model, values, r, c, deciding);
  if (r.decision === 'approve') return approved(model, values, r, c);
  return byBlock(model, values, r, c) ?? notMet(model, values, r, c);
}

/**
 * "Where they disagree", derived from the results and the policy models, never hand-written.
 *
 * Payers are grouped by decision; each side is explained by its deciding criteria (result.reasons, linked to
 * the policy page). Where some payer's deciding criterion is about the treated levels, the split is also said
 * as level ranges: for each payer, the levels it would allow one at a time with every other fact as given
 * ("T2: Cohere Health and Kaiser Permanente Washington allow T1–L5; Cigna, Excellus BCBS / Univera and
 * Regence allow T5–L5"). Those ranges come from decide() on the same case with only `request.levels`
 * changed, so they say what the policies do, not what a summary claims. Likewise for the number of levels.
 */
import type { Decision, DenyCategory } from '../criteria/block-schema.ts';
import type { Case } from '../criteria/case-schema.ts';
import type { CompiledPolicy } from '../criteria/compile.ts';
import { decide } from '../criteria/decide.ts';
import { formatLevels, LEVELS, type Level } from '../criteria/levels.ts';
import type { ModelNode, PolicyModel } from '../criteria/model.ts';
import type { Reason, Result } from '../criteria/result.ts';
import { categoryWords, DECISION_LABEL, DECISION_ORDER, decisionVerb, listWords, nodeHref, payerName } from './words.ts';

/** A piece of a sentence: plain text, or text linking to a criterion. */
export type Part = { text: string; href?: string };
type Sentence = { text: string; parts: Part[] };
/** Treated levels at issue, and the levels each group of payers allows one at a time. */
export type LevelLine = Sentence & { kind: 'levels'; atIssue: Level[]; groups: Array<{ payers: string[]; allowed: Level[] }> };
/** How many of the treated levels (in the order given) each group of payers allows. */
export type CountLine = Sentence & { kind: 'level-count'; treated: Level[]; groups: Array<{ payers: string[]; upTo: number }> };
export type Line = LevelLine | CountLine;
export type LinkedReason = Reason & { href: string };
export type SidePayer = { payer: string; name: string; category?: DenyCategory; reasons: LinkedReason[] };
export type Side = { decision: Decision; label: string; payers: SidePayer[] };
export type Disagreement = {
  /** Every payer reached the same decision. */
  agree: boolean;
  headline: string;
  /** Level ranges and counts, when some deciding criterion is about the levels and the payers differ on them. */
  lines: Line[];
  /** One per decision reached, in the order approve, deny, individual review, needs information, not in effect. */
  sides: Side[];
};

const nodeIndex = new WeakMap<PolicyModel, Map<string, ModelNode>>();
function nodeById(model: PolicyModel, id: string): ModelNode | undefined {
  let m = nodeIndex.get(model);
  if (!m) nodeIndex.set(model, (m = new Map(model.nodes.map((n) => [n.id, n]))));
  return m.get(id);
}

/** A level (or count of levels) that does not stop the payer: it approves, or still needs other facts. */
const favourable = (r: Result) => r.decision === 'approve' || r.decision === 'needs-information';

function withLevels(c: Case, levels: readonly Level[]): Case {
  return { ...c, request: { ...c.request, levels: [...levels] } };
}

type Entry = { policy: CompiledPolicy; result: Result; name: string };

/**
 * The node of `kind` a level sentence links to: the first among the deciding nodes and their descendants, else
 * the first in the blocks they belong to (an approval names the pathway met, which may sit beside the level rule).
 */
function decidingNode(entry: Entry, kind: 'levels' | 'level-count'): ModelNode | undefined {
  const { model } = entry.policy;
  const deciding = entry.result.reasons.map((r) => nodeById(model, r.node)).filter((n): n is ModelNode => !!n);
  const firstUnder = (starts: readonly ModelNode[]) => {
    const stack = [...starts].reverse();
    while (stack.length) {
      const n = stack.pop()!;
      if (n.kind === kind) return n;
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(model.nodes[n.children[i]!]!);
    }
    return undefined;
  };
  const blockRoots = [...new Set(deciding.map((n) => n.block))].map((b) => model.nodes[model.blocks[b]!.root]!);
  return firstUnder(deciding) ?? firstUnder(blockRoots);
}

const decidesBy = (entries: readonly Entry[], kind: ModelNode['kind']) =>
  entries.some((e) => e.result.reasons.some((r) => nodeById(e.policy.model, r.node)?.kind === kind));

/** Payers grouped by a key, in the order the keys first appear. */
function groupBy<K>(entries: readonly Entry[], key: (e: Entry) => K): Array<{ key: K; entries: Entry[] }> {
  const out: Array<{ key: K; entries: Entry[] }> = [];
  for (const e of entries) {
    const k = key(e);
    const g = out.find((x) => x.key === k);
    if (g) g.entries.push(e);
    else out.push({ key: k, entries: [e] });
  }
  return out;
}

/** "Cohere Health and Kaiser Permanente Washington allow T1–L5", with each payer linked to its criterion. */
function clause(entries: readonly Entry[], kind: 'levels' | 'level-count', what: string): Part[] {
  const parts: Part[] = [];
  entries.forEach((e, i) => {
    if (i > 0) parts.push({ text: i === entries.length - 1 ? ' and ' : ', ' });
    const node = decidingNode(e, kind);
    parts.push(node ? { text: e.name, href: nodeHref(e.policy.model.payer, node.id) } : { text: e.name });
  });
  parts.push({ text: ` ${entries.length === 1 ? 'allows' : 'allow'} ${what}` });
  return parts;
}

function sentence(lead: string, clauses: Part[][]): Sentence {
  const parts: Part[] = [{ text: `${lead}: ` }];
  clauses.forEach((c, i) => parts.push(...(i ? [{ text: '; ' }] : []), ...c));
  parts.push({ text: '.' });
  return { parts, text: parts.map((p) => p.text).join('') };
}

const payersOf = (entries: readonly Entry[]) => entries.map((e) => e.result.payer);

function levelRangeLine(entries: readonly Entry[], c: Case, treated: readonly Level[]): LevelLine | null {
  const allowed = new Map(entries.map((e) => [e, LEVELS.filter((x) => favourable(decide(e.policy, withLevels(c, [x]), { explain: false })))]));
  const atIssue = treated.filter((x) => {
    const n = entries.filter((e) => allowed.get(e)!.includes(x)).length;
    return n > 0 && n < entries.length;
  });
  if (!atIssue.length) return null;
  const groups = groupBy(entries, (e) => formatLevels(allowed.get(e)!));
  // Widest first: the payers that allow the most levels lead the sentence.
  groups.sort((a, b) => allowed.get(b.entries[0]!)!.length - allowed.get(a.entries[0]!)!.length);
  return {
    kind: 'levels',
    ...sentence(formatLevels(atIssue), groups.map((g) => clause(g.entries, 'levels', g.key || 'no level with the other facts as given'))),
    atIssue,
    groups: groups.map((g) => ({ payers: payersOf(g.entries), allowed: allowed.get(g.entries[0]!)! })),
  };
}

function levelCountLine(entries: readonly Entry[], c: Case, treated: readonly Level[]): CountLine | null {
  const upTo = new Map(entries.map((e) => {
    let n = 0;
    while (n < treated.length && favourable(decide(e.policy, withLevels(c, treated.slice(0, n + 1)), { explain: false }))) n++;
    return [e, n];
  }));
  if (new Set(upTo.values()).size < 2) return null;
  const groups = groupBy(entries, (e) => upTo.get(e)!).sort((a, b) => b.key - a.key);
  const what = (n: number) => (n === treated.length ? `all ${n}` : n === 0 ? 'none of them with the other facts as given' : `up to ${n}`);
  return {
    kind: 'level-count',
    ...sentence(`${treated.length} levels (${formatLevels(treated)})`, groups.map((g) => clause(g.entries, 'level-count', what(g.key)))),
    treated: [...treated],
    groups: groups.map((g) => ({ payers: payersOf(g.entries), upTo: g.key })),
  };
}

export function disagreement(policies: readonly CompiledPolicy[], c: Case, results: readonly Result[]): Disagreement {
  const entries: Entry[] = results.map((result) => {
    const policy = policies.find((p) => p.model.payer === result.payer);
    if (!policy) throw new Error(`No policy for payer ${result.payer}`);
    return { policy, result, name: payerName(policy.model) };
  });
  const byDecision = groupBy(entries, (e) => e.result.decision).sort((a, b) => DECISION_ORDER.indexOf(a.key) - DECISION_ORDER.indexOf(b.key));
  const agree = byDecision.length <= 1;
  const headline = agree
    ? byDecision.length ? `${entries.length === 1 ? 'The one payer' : `All ${entries.length} payers`} ${decisionVerb(byDecision[0]!.key, entries.length)}.` : 'No payers.'
    : `${byDecision.map((g) => `${listWords(g.entries.map((e) => e.name))} ${decisionVerb(g.key, g.entries.length)}`).join('; ')}.`;
  if (agree) return { agree, headline, lines: [], sides: [] };

  const sides: Side[] = byDecision.map((g) => ({
    decision: g.key,
    label: DECISION_LABEL[g.key],
    payers: g.entries.map((e) => ({
      payer: e.result.payer,
      name: e.name,
      ...(e.result.category ? { category: e.result.category } : {}),
      reasons: e.result.reasons.map((r) => ({ ...r, href: nodeHref(e.result.payer, r.node) })),
    })),
  }));

  const lines: Line[] = [];
  const treated = Array.isArray(c.request?.levels) ? (c.request.levels as Level[]) : [];
  const inEffect = entries.filter((e) => e.result.decision !== 'not-in-effect');
  if (treated.length && inEffect.length > 1) {
    const range = decidesBy(inEffect, 'levels') ? levelRangeLine(inEffect, c, treated) : null;
    if (range) lines.push(range);
    const count = treated.length > 1 && decidesBy(inEffect, 'level-count') ? levelCountLine(inEffect, c, treated) : null;
    if (count) lines.push(count);
  }
  return { agree, headline, lines, sides };
}

/** One side in plain text: "Deny: Cigna (not medically necessary): Vertebrae …; Regence (investigational): …". */
export function sideText(side: Side): string {
  const payers = side.payers.map((p) => {
    const cat = p.category ? ` (${categoryWords(p.category)})` : '';
    return `${p.name}${cat}: ${p.reasons.map((r) => r.label).join('; ') || 'no criteria named'}`;
  });
  return `${side.label}: ${payers.join(' | ')}`;
}

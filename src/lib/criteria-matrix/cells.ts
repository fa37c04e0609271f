/**
 * One cell of the topic × payer matrix: what one payer's criteria say on one topic, in a few plain sentences
 * built from the nodes that read the topic's facts. Derived per payer from its model alone (no comparison
 * between payers here), so the matrix grows linearly with payers.
 */
import type { ModelBlock, ModelNode, PolicyModel } from '../criteria/model.ts';
import { FACTS_BY_PATH } from '../criteria/facts.ts';
import { derivedTopics, type FactTopics, type TopicId } from '../criteria/topics.ts';
import { humanize } from '../render/words.ts';
import { claimOf, placement, type Claim, type Placement } from './claims.ts';
import { formatDate } from './provenance.ts';

/**
 * One sentence: a lead ("Approval requires"), the approval routes it holds in when not all of them (named by
 * their block titles), and the criteria it states. `key` is the sentence without route names: two payers
 * that state the same criteria the same way say the same thing, whatever their sections are called.
 */
export type CellSentence = { lead: string; routes: { names: string[]; of: number } | null; claims: Claim[] };

export type CellNode = { id: string; label: string; condition: string; source: string; block: string };

export type CellStatus = 'addressed' | 'scope-only' | 'not-addressed';

export type Cell = {
  payer: string;
  topic: TopicId;
  status: CellStatus;
  sentences: CellSentence[];
  /** The sentences as plain text: what the page shows and the CSV holds. */
  text: string;
  /** The text without route names: equal keys mean the payers state the same criteria. */
  key: string;
  /** Every criterion the cell summarises (the row's expansion), in tree order. */
  nodes: CellNode[];
};

export const NOT_ADDRESSED = 'Not addressed: no criterion of this policy depends on it';
const SCOPE_ONLY_PREFIX = 'Not addressed — goes to individual review';

const factTopics = (path: string): FactTopics | undefined => {
  const f = FACTS_BY_PATH.get(path);
  return f?.topic ? { topic: f.topic, ...(f.valueTopics && { valueTopics: f.valueTopics }) } : undefined;
};

/** A node's topics: those of the facts it reads, plus any an author gave it or one of its ancestors. */
export function nodeTopics(model: PolicyModel, node: ModelNode): Set<TopicId> {
  const out = new Set<TopicId>(derivedTopics(node, factTopics));
  for (let p: ModelNode | undefined = node; p; p = p.parent >= 0 ? model.nodes[p.parent] : undefined) {
    for (const t of p.topics ?? []) out.add(t as TopicId);
  }
  return out;
}

/** Leaves (criteria that read the case) about a topic, in tree order. */
export function topicLeaves(model: PolicyModel, topic: TopicId): ModelNode[] {
  return model.nodes.filter((n) => n.children.length === 0 && nodeTopics(model, n).has(topic));
}

/** " (Pathway A: 1 of 2 approval routes)"; without names in the comparison key. */
export const routeWords = (r: CellSentence['routes'], names = true) =>
  r ? ` (${names ? `${r.names.join('; ')}: ` : ''}${r.names.length} of ${r.of} approval routes)` : '';

export function sentenceText(s: CellSentence, names = true): string {
  const head = `${s.lead}${routeWords(s.routes, names)}`;
  return s.claims.length ? `${head}: ${s.claims.map((c) => c.text).join('; ')}.` : `${head}.`;
}

type Part = { block: ModelBlock; node: ModelNode; claim: Claim; where: Placement };

/** A route's short name: its block title up to the first colon ("Pathway A"). */
const routeName = (block: ModelBlock) => block.title.split(':')[0]!.trim();

/** The lead of a criterion's sentence: what the criterion does in its block, in words. */
function leadOf(block: ModelBlock, where: Placement): string {
  if (block.role === 'indication') return where.negated ? 'Approval requires none of' : where.underAny ? 'Among alternatives for approval' : 'Approval requires';
  const what = block.outcome === 'deny' ? `Denied as ${humanize(block.category)}` : 'Goes to individual review';
  if (block.role === 'scope') return where.negated ? `${what} if` : where.underAny ? `${what} unless one of` : `${what} unless`;
  return where.negated ? `${what} unless` : where.underAll ? `${what}, together with other conditions, if` : `${what} if`;
}

/**
 * Sentences in order of appearance; an indication's sentence also names the routes (indication blocks) it
 * holds in, so "at least 6 weeks" in one pathway and "less than 6 weeks" in another are not read as one rule.
 */
function sentencesOf(parts: readonly Part[], indications: number, scopeOnly: boolean): CellSentence[] {
  const groups = new Map<string, { lead: string; blocks: ModelBlock[]; claims: Claim[] }>();
  const blocksOfClaim = new Map<string, Set<ModelBlock>>();
  for (const p of parts) {
    const lead = leadOf(p.block, p.where);
    const k = `${lead}\u0000${p.claim.text}`;
    blocksOfClaim.set(k, (blocksOfClaim.get(k) ?? new Set()).add(p.block));
  }
  const seen = new Set<string>();
  for (const p of parts) {
    let lead = leadOf(p.block, p.where);
    const k = `${lead}\u0000${p.claim.text}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const blocks = p.block.role === 'indication' ? [...blocksOfClaim.get(k)!].sort((a, b) => a.index - b.index) : [];
    if (scopeOnly) lead = lead.replace(/^Goes to individual review/, SCOPE_ONLY_PREFIX);
    const gk = `${lead}\u0000${blocks.map((b) => b.index).join(',')}`;
    const g = groups.get(gk) ?? { lead, blocks, claims: [] };
    g.claims.push(p.claim);
    groups.set(gk, g);
  }
  return [...groups.values()].map((g) => ({
    lead: g.lead,
    routes: g.blocks.length && g.blocks.length < indications ? { names: g.blocks.map(routeName), of: indications } : null,
    claims: g.claims,
  }));
}

function versionSentence(model: PolicyModel): CellSentence {
  const versions = [...model.meta.versions].sort((a, b) => a.effective.localeCompare(b.effective));
  const claims: Claim[] = versions.map((v) => ({
    payer: model.payer, node: '', kind: 'version', version: v.version, effective: v.effective, until: v.until,
    text: `version ${v.version} from ${formatDate(v.effective)}${v.until ? ` until ${formatDate(v.until)}` : ''}`,
  }));
  return { lead: 'In effect (earlier dates of service: not in effect)', routes: null, claims };
}

export function cellFor(model: PolicyModel, topic: TopicId): Cell {
  const parts = topicLeaves(model, topic).flatMap((node): Part[] => {
    const claim = claimOf(model.payer, node);
    return claim ? [{ node, claim, block: model.blocks[node.block]!, where: placement(model, node) }] : [];
  });
  const indications = model.blocks.filter((b) => b.role === 'indication').length;
  const scopeOnly = parts.length > 0 && parts.every((p) => p.block.role === 'scope');
  // Indications first (what approval needs), then exclusions and scope in the policy's order.
  const ordered = [...parts.filter((p) => p.block.role === 'indication'), ...parts.filter((p) => p.block.role !== 'indication')];
  const sentences = sentencesOf(ordered, indications, scopeOnly);
  if (topic === 'date-version') sentences.unshift(versionSentence(model));
  const status: CellStatus = sentences.length === 0 ? 'not-addressed' : scopeOnly && topic !== 'date-version' ? 'scope-only' : 'addressed';
  if (status === 'not-addressed') sentences.push({ lead: NOT_ADDRESSED, routes: null, claims: [] });
  return {
    payer: model.payer,
    topic,
    status,
    sentences,
    text: sentences.map((x) => sentenceText(x)).join(' '),
    key: sentences.map((x) => sentenceText(x, false)).join(' '),
    nodes: parts.map(({ node, claim, block }) => ({ id: node.id, label: node.label, condition: claim.text, source: node.source, block: block.title })),
  };
}

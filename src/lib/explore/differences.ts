/**
 * Named differences (issue #15): a pair's witnesses grouped into the few stories a committee reads, one per
 * topic and direction (who approves where the other denies, or sends to review, or asks for more). Near-
 * duplicates (same topic, same boundary, same direction) merge into one; each named difference states both
 * payers' rules from the criteria themselves, the cases where they split, one minimal example with its
 * permalink, and the sections cited on each side.
 *
 * A pure function of two payers' compiled policies and the witnesses found between them, so a pair can be
 * computed (or loaded) on its own, without the other payers (issue #18).
 */
import type { CompiledPolicy } from '../criteria/compile.ts';
import { decide } from '../criteria/decide.ts';
import type { ModelNode, PolicyModel } from '../criteria/model.ts';
import { listWords, nodeHref, payerName } from '../compare/words.ts';
import { conditionWords, humanize } from '../render/words.ts';
import { SEVERITY, outcomeKey, type DifferenceKind, type OutcomeKey } from './outcome.ts';
import { TOPICS, topicOf, type Topic } from './topics.ts';
import type { Anchor, Change, Witness } from './types.ts';
import { fieldTitle, plainValue } from './words.ts';

/** A section a payer's side cites, linked to the first criterion that cites it. */
export type CitedSection = { source: string; href: string };

export type DifferenceSide = {
  payer: string;
  name: string;
  /** What the payer's criteria on this topic say, in words, thresholds from the criteria. */
  rule: string;
  sections: CitedSection[];
};

export type NamedDifference = {
  pair: [string, string];
  /** Unique within the pair: topic and direction. */
  key: string;
  topic: Topic;
  kind: DifferenceKind;
  severity: number;
  /** The payer with the more favourable outcome (approve > individual review > deny); null for categories, dates, asks for more and two-way differences. */
  lenient: string | null;
  /** The payer with the less favourable outcome, or the one that asks for more. */
  strict: string | null;
  title: string;
  /** Both payers' rules side by side. */
  rules: string;
  /** Who decides what, and on which side of the boundary (the values where they split). */
  direction: string;
  example: { words: string; permalink: string; outcomes: [OutcomeKey, OutcomeKey]; anchor: string };
  sides: [DifferenceSide, DifferenceSide];
  /** Who is more permissive than whom, and on how many witnesses (two entries for a topic split both ways). */
  leans: Array<{ lenient: string; strict: string; witnesses: number }>;
  /** The themes of the witnesses merged here (witness.theme), most telling first. */
  themes: string[];
};

/** At most this many per pair; past TARGET, topics split both ways merge into one (issue #15: typically 5–20). */
export const MAX_DIFFERENCES = 25;
const TARGET = 20;
/** Sections cited per side: the criteria that moved first. */
const MAX_SECTIONS = 2;

const decisionOf = (o: OutcomeKey) => o.split(':')[0]!;
const RANK: Record<string, number> = { approve: 3, 'individual-review': 2, deny: 1 };

const VERB: Record<string, string> = {
  approve: 'approves', deny: 'denies', 'individual-review': 'sends it to individual review',
  'needs-information': 'asks for more information', 'not-in-effect': 'has no policy in effect',
};
const VERB_PLURAL: Record<string, string> = { approve: 'approve', deny: 'deny', 'individual-review': 'send to individual review' };
const SHORT: Record<string, string> = { approve: 'approves', deny: 'denies', 'individual-review': 'sends to individual review' };

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Pain (NRS/VAS) 5/10", "Treated level T4", a fact made unknown: "Acute findings not known". */
const changeWords = (c: Change) => `${fieldTitle(c.field)}: ${plainValue(c.field, c.to)}`;
const changeFrom = (c: Change) => `${fieldTitle(c.field)} ${plainValue(c.field, c.to)} instead of ${plainValue(c.field, c.from)}`;
const readsOf = (field: string) => (field.startsWith('conservativeCare.therapies[') ? 'conservativeCare.therapies' : field);

function byId(model: PolicyModel): Map<string, ModelNode> {
  return new Map(model.nodes.map((n) => [n.id, n]));
}

/** The change a witness is about: the first whose field a responsible criterion reads, else the first. */
function topicOfWitness(w: Witness, nodes: ReadonlyArray<Map<string, ModelNode>>): Topic {
  const read = new Set(w.sides.flatMap((s, i) => s.nodes.flatMap((n) => nodes[i]!.get(n.id)?.reads ?? [])));
  const c = w.changes.find((x) => read.has(readsOf(x.field))) ?? w.changes[0]!;
  return topicOf(c.field, c.from, c.to);
}

/** The side (index in the pair) with the more favourable outcome: approve > individual review > deny. */
function lenientSide(w: Witness): 0 | 1 {
  const [a, b] = w.sides.map((s) => RANK[decisionOf(s.outcome)] ?? 0) as [number, number];
  return a >= b ? 0 : 1;
}

type Family = 'permits' | 'asks' | 'category' | 'in-effect';
/** `who`: for permits, the more permissive side; for asks, the side that asks; else null. */
type Group = { topic: Topic; family: Family; who: 0 | 1 | null; witnesses: Witness[]; asks: Witness[]; twoWay: boolean };

/**
 * The group a witness belongs to: its topic and its direction. Approve/deny and review splits in the same
 * direction merge (one payer more permissive than the other on the topic); asks for more go by who asks.
 */
function familyOf(w: Witness): { family: Family; who: 0 | 1 | null } {
  if (w.kind === 'information') return { family: 'asks', who: decisionOf(w.sides[0].outcome) === 'needs-information' ? 0 : 1 };
  if (w.kind === 'category' || w.kind === 'in-effect') return { family: w.kind, who: null };
  return { family: 'permits', who: lenientSide(w) };
}

/** What a criterion does to the decision, by its block's role: "requires", "denies (investigational) when". */
function roleWords(model: PolicyModel, node: ModelNode): string {
  const block = model.blocks[node.block]!;
  if (block.role === 'indication') return 'requires';
  if (block.role === 'scope') return 'applies its criteria only where';
  return block.outcome === 'deny' ? `denies${block.category ? ` (${humanize(block.category)})` : ''} when` : 'sends to individual review when';
}

/** "requires Every treated level within T5–L5, and denies when Pregnancy: yes" (at most `max` criteria named). */
function ruleWords(model: PolicyModel, nodes: readonly ModelNode[], max = 2): string {
  const byRole = new Map<string, string[]>();
  for (const n of nodes) {
    const role = roleWords(model, n);
    const words = conditionWords(n) || n.label;
    const list = byRole.get(role) ?? [];
    if (!list.includes(words)) list.push(words);
    byRole.set(role, list);
  }
  let left = max;
  let more = 0;
  const parts: string[] = [];
  for (const [role, list] of byRole) {
    const shown = list.slice(0, Math.max(0, left));
    more += list.length - shown.length;
    left -= shown.length;
    if (shown.length) parts.push(`${role} ${shown.join('; ')}`);
  }
  return `${parts.join(', and ')}${more ? ` (and ${more} more criteria)` : ''}`;
}

/**
 * One payer's side of a group: its criteria that read the group's topic (the fields changed on that topic),
 * the ones whose value moved first; failing any, every criterion its side names.
 */
function sideOf(i: 0 | 1, g: { topic: Topic; witnesses: readonly Witness[] }, model: PolicyModel, nodes: Map<string, ModelNode>, name: string): DifferenceSide {
  const payer = model.payer;
  const moved: ModelNode[] = [];
  const held: ModelNode[] = [];
  const named: ModelNode[] = [];
  let version = false;
  for (const w of g.witnesses) {
    const topical = new Set(w.changes.filter((c) => topicOf(c.field, c.from, c.to) === g.topic).map((c) => readsOf(c.field)));
    const s = w.sides[i];
    for (const n of s.nodes) {
      if (n.kind === 'version') version = true;
      const node = n.kind === 'node' ? nodes.get(n.id) : undefined;
      if (!node) continue;
      named.push(node);
      if (node.reads.some((r) => topical.has(r))) (s.changed.includes(node.id) ? moved : held).push(node);
    }
  }
  const unique = (xs: ModelNode[]) => xs.filter((n, k) => xs.indexOf(n) === k);
  const direct = unique([...moved, ...held]).length ? unique([...moved, ...held]) : unique(named);
  const sections: CitedSection[] = [];
  for (const n of direct) if (!sections.some((s) => s.source === n.source)) sections.push({ source: n.source, href: nodeHref(payer, n.id) });
  sections.splice(MAX_SECTIONS);
  let rule: string;
  if (version) {
    rule = `${name}'s policy is in effect ${listWords(model.meta.versions.map((v) => `from ${v.effective}${v.until ? ` until ${v.until}` : ''}`))}`;
    sections.push({ source: 'Policy versions and dates', href: `/policies/${encodeURIComponent(payer)}/` });
  } else if (direct.length) rule = `${name} ${ruleWords(model, direct)}`;
  else rule = `${name} has no criterion on this`;
  return { payer, name, rule, sections };
}

/** "A; B; C (and 2 more)": the values where a group's witnesses split the pair. */
function casesWords(witnesses: readonly Witness[], max = 4): string {
  const cases = [...new Set(witnesses.map((x) => x.changes.map(changeWords).join(' and ')))];
  return `${cases.slice(0, max).join('; ')}${cases.length > max ? ` (and ${cases.length - max} more)` : ''}`;
}


/** One sentence per direction in a permits group: "Cohere approves or sends it to individual review and Cigna denies when: …". */
function permitsWords(witnesses: readonly Witness[], names: readonly [string, string]): string {
  return ([0, 1] as const).flatMap((l) => {
    const ws = witnesses.filter((w) => lenientSide(w) === l);
    if (!ws.length) return [];
    const verbs = (side: (w: Witness) => number) => [...new Set(ws.map((w) => VERB[decisionOf(w.sides[side(w)]!.outcome)]))].join(' or ');
    return [`${names[l]} ${verbs(() => l)} and ${names[1 - l]} ${verbs(() => 1 - l)} when: ${casesWords(ws, 2)}.`];
  }).join(' ');
}

function verbsOf(witnesses: readonly Witness[], side: (w: Witness) => number): string {
  return [...new Set(witnesses.map((w) => SHORT[decisionOf(w.sides[side(w)]!.outcome)] ?? 'decides'))].join(' or ');
}

function titleAndDirection(g: Group, names: readonly [string, string]): { title: string; direction: string; lenient: string | null; strict: string | null } {
  const topic = cap(g.topic);
  const w = g.witnesses[0]!;
  const pair = w.pair;
  if (g.family === 'asks') {
    const ask = g.who!;
    return { title: `${topic}: ${names[ask]} asks for more than ${names[1 - ask]}`, direction: asksWords(g.witnesses, names), lenient: null, strict: pair[ask]! };
  }
  if (g.family === 'category') {
    const cat = (o: OutcomeKey) => humanize(o.split(':')[1] ?? 'no category');
    return {
      title: `${topic}: both deny, in different categories`,
      direction: [...new Set(g.witnesses.map((x) => x.sides.map((s) => s.outcome).join('|')))].map((k) => {
        const [x, y] = k.split('|') as [OutcomeKey, OutcomeKey];
        return `Both deny, ${names[0]} as ${cat(x)} and ${names[1]} as ${cat(y)}, when: ${casesWords(g.witnesses.filter((v) => v.sides.map((s) => s.outcome).join('|') === k), 2)}.`;
      }).join(' '),
      lenient: null, strict: null,
    };
  }
  if (g.family === 'in-effect') {
    const off = decisionOf(w.sides[0].outcome) === 'not-in-effect' ? 0 : 1;
    return {
      title: `${topic}: different dates in effect`,
      direction: `${names[off]} has no policy in effect where ${names[1 - off]} ${SHORT[decisionOf(w.sides[1 - off]!.outcome)] ?? 'decides'}: ${casesWords(g.witnesses)}.`,
      lenient: null, strict: null,
    };
  }
  const direction = permitsWords(g.witnesses, names);
  if (g.twoWay) return { title: `${topic}: each is more permissive on part of it`, direction, lenient: null, strict: null };
  const l = g.who!;
  return {
    title: `${topic}: ${names[l]} ${verbsOf(g.witnesses, lenientSide)} where ${names[1 - l]} ${verbsOf(g.witnesses, (x) => 1 - lenientSide(x))}`,
    direction, lenient: pair[l]!, strict: pair[1 - l]!,
  };
}

function asksWords(witnesses: readonly Witness[], names: readonly [string, string]): string {
  const ask = decisionOf(witnesses[0]!.sides[0].outcome) === 'needs-information' ? 0 : 1;
  const fields = [...new Set(witnesses.flatMap((x) => x.changes.map((c) => fieldTitle(c.field).toLowerCase())))];
  const shown = fields.slice(0, 2);
  const list = `${listWords(shown)}${fields.length > shown.length ? ` (and ${fields.length - shown.length} more)` : ''}`;
  return `${names[ask]} needs to know ${list} to decide; ${names[1 - ask]} decides without ${fields.length === 1 ? 'it' : 'them'}.`;
}

function exampleWords(w: Witness, anchor: Anchor | undefined, policies: readonly [CompiledPolicy, CompiledPolicy]): string {
  const changed = cap(w.changes.map(changeFrom).join(' and '));
  if (!anchor) return `${changed}.`;
  const before = policies.map((p) => decisionOf(outcomeKey(decide(p, anchor.case, { explain: false }))));
  const both = before[0] === before[1] && VERB_PLURAL[before[0]!] ? `, in a case both otherwise ${VERB_PLURAL[before[0]!]}` : '';
  return `${changed}${both}.`;
}

function leansOf(witnesses: readonly Witness[]): NamedDifference['leans'] {
  const out: NamedDifference['leans'] = [];
  for (const w of witnesses) {
    const l = lenientSide(w);
    const [lenient, strict] = [w.pair[l]!, w.pair[1 - l]!];
    const e = out.find((x) => x.lenient === lenient);
    if (e) e.witnesses++;
    else out.push({ lenient, strict, witnesses: 1 });
  }
  return out;
}

/** The example: the fewest changes, then the most severe split. */
const better = (x: Witness, y: Witness) => x.changes.length - y.changes.length || y.severity - x.severity;

/** Asks for more on a topic where the pair also splits on decisions join that difference (same facts, same story). */
function attachAsks(groups: Group[]): Group[] {
  const out = groups.filter((g) => g.family !== 'asks');
  for (const g of groups.filter((x) => x.family === 'asks')) {
    const onTopic = out.filter((x) => x.topic === g.topic && x.family === 'permits');
    const host = onTopic.find((x) => x.who !== g.who) ?? onTopic[0];
    if (host) host.asks.push(...g.witnesses);
    else out.push(g);
  }
  return out;
}

/** Past TARGET, a topic split both ways becomes one two-way difference, the smallest first. */
function mergeTwoWay(groups: Group[]): Group[] {
  let out = [...groups];
  const size = (g: Group) => g.witnesses.length + g.asks.length;
  while (out.length > TARGET) {
    const pairs = out.filter((g) => g.family === 'permits' && !g.twoWay).flatMap((g) => {
      const other = out.find((x) => x !== g && x.family === 'permits' && x.topic === g.topic && !x.twoWay && x.who !== g.who);
      return other ? [[g, other] as const] : [];
    }).sort((x, y) => size(x[0]) + size(x[1]) - size(y[0]) - size(y[1]));
    const next = pairs[0];
    if (!next) break;
    const [g, h] = next;
    const merged: Group = { ...g, who: null, twoWay: true, witnesses: [...g.witnesses, ...h.witnesses], asks: [...g.asks, ...h.asks] };
    out = out.filter((x) => x !== g && x !== h);
    out.push(merged);
  }
  return out;
}

/**
 * The named differences between two payers, from the witnesses found between them (any others are ignored),
 * most severe first. At most MAX_DIFFERENCES: topics split both ways merge first; should that not suffice, the
 * least severe, least supported are left out (their witnesses stay in the analysis).
 */
export function pairDifferences(a: CompiledPolicy, b: CompiledPolicy, witnesses: readonly Witness[], anchors: readonly Anchor[]): NamedDifference[] {
  const pair: [string, string] = [a.model.payer, b.model.payer];
  const nodes = [byId(a.model), byId(b.model)] as const;
  const names = [payerName(a.model), payerName(b.model)] as const;
  const byKey = new Map<string, Group>();
  for (const w of witnesses) {
    if (w.pair[0] !== pair[0] || w.pair[1] !== pair[1]) continue;
    const topic = w.kind === 'in-effect' ? 'date and version' : topicOfWitness(w, nodes);
    const { family, who } = familyOf(w);
    const key = `${topic}|${family}|${who}`;
    const g = byKey.get(key) ?? { topic, family, who, witnesses: [], asks: [], twoWay: false };
    byKey.set(key, g);
    g.witnesses.push(w);
  }
  const groups = mergeTwoWay(attachAsks([...byKey.values()]));
  const out = groups.map((g): NamedDifference => {
    const ordered = [...g.witnesses].sort(better);
    const example = ordered[0]!;
    const all = [...ordered, ...g.asks];
    const sides: [DifferenceSide, DifferenceSide] = [sideOf(0, { topic: g.topic, witnesses: all }, a.model, nodes[0], names[0]), sideOf(1, { topic: g.topic, witnesses: all }, b.model, nodes[1], names[1])];
    const { title, direction, lenient, strict } = titleAndDirection(g, names);
    const asks = g.asks.length ? ` ${asksWords(g.asks, names)}` : '';
    return {
      pair, key: `${g.topic}|${g.family}|${g.twoWay ? 'both' : g.who === null ? '' : pair[g.who]}`, topic: g.topic,
      kind: example.kind, severity: Math.max(...g.witnesses.map((w) => SEVERITY[w.kind])),
      lenient, strict, title,
      rules: `${sides[0].rule}; ${sides[1].rule}.`,
      direction: `${direction}${asks}`,
      example: {
        words: exampleWords(example, anchors.find((x) => x.name === example.anchor), [a, b]),
        permalink: example.permalink,
        outcomes: [example.sides[0].outcome, example.sides[1].outcome],
        anchor: example.anchor,
      },
      sides,
      leans: g.family === 'permits' ? leansOf(g.witnesses) : [],
      themes: all.map((w) => w.theme),
    };
  });
  out.sort((x, y) => y.severity - x.severity || y.themes.length - x.themes.length || TOPICS.indexOf(x.topic) - TOPICS.indexOf(y.topic) || x.key.localeCompare(y.key));
  return out.slice(0, MAX_DIFFERENCES);
}

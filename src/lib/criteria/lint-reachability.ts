/**
 * Reachability: every alternative of an ANY and every pathway (indication block) must be able to decide a
 * case on its own. For each, the search looks for a case in which the alternative holds, every sibling that
 * could stand in for it does not, each ancestor passes its value on (an ANY's other alternatives fail, an
 * ALL's other parts hold, an AT-LEAST has exactly enough), and the other blocks are set so that the block's
 * value alone decides (for an indication: approval; for a deny-exclusion: its denial against an approval or a
 * different denial; …). A case found is confirmed with the compiled evaluator and `decide`; none found means
 * the alternative never matters — usually a misreading (an exclusion that always fires first, an alternative
 * implied by another). An alternative that is intentionally redundant is allowed by an
 * `<Interpretation allow="unreachable" nodes="…">` note naming it, which says why on the page.
 */
import type { CompiledPolicy } from './compile.ts';
import { CATEGORY_RANK, decide } from './decide.ts';
import { F, T, type Truth } from './kleene.ts';
import { buildDomains, type Domains } from './lint-domains.ts';
import { caseOf } from './lint-satisfiable.ts';
import { Solver, type Outcome } from './lint-search.ts';
import { Places } from './lint.ts';
import type { Message } from './messages.ts';
import type { ModelBlock, ModelNode, PolicyModel } from './model.ts';

/**
 * Facts the case format keeps separate but a real case cannot combine, each rule as "one of these holds".
 * Without them a search could reach an alternative only through an impossible case (a lesion that causes no
 * symptoms yet is the source of the back pain), hiding a branch that real cases never reach.
 */
const COHERENCE: ReadonlyArray<ReadonlyArray<{ fact: string; op: 'eq'; value: boolean }>> = [
  // `symptomatic: false` (the lesion causes no symptoms) with `painFromFracture: true` (the pain is due to it).
  [{ fact: 'diagnosis.symptomatic', op: 'eq', value: true }, { fact: 'symptoms.painFromFracture', op: 'eq', value: false }],
];

/** A leaf that is not in the policy (a mutant of one of its thresholds) and the value the case must give it. */
export type ExtraLeaf = { leaf: ModelNode; value: Truth };

/** A node and the value the case must give it. */
export type Requirement = readonly [node: number, value: Truth];

export type Unreachable = {
  /** The alternative (or the pathway's root node). */
  node: number;
  kind: 'alternative' | 'pathway';
  /** The decision a case reaching it would have had. */
  wanted: string;
  /** True when the search ran out of budget rather than proving it. */
  budget: boolean;
};

type Version = PolicyModel['meta']['versions'][number];

/** Ids named by `<Interpretation allow="…">` notes for one lint. */
export function allowedBy(model: PolicyModel, lint: string): Set<string> {
  return new Set(model.notes.filter((n) => n.allow?.includes(lint)).flatMap((n) => n.nodes));
}

/**
 * Requirement sets on the path from the block root to `target` that make `target` (with value `value`) decide
 * the block's value: one set per way the ancestors can pass it on.
 */
export function pathRequirements(model: PolicyModel, target: number, value: Truth = T): { blockValue: Truth; sets: Requirement[][] } {
  const path: number[] = [];
  for (let i = target; i !== -1; i = model.nodes[i]!.parent) path.unshift(i);
  // Value each path node must take, walking down from the root; its parity comes from the NOTs on the way up.
  const want: Truth[] = [T];
  let v: Truth = value;
  for (let k = path.length - 1; k > 0; k--) if (model.nodes[path[k - 1]!]!.kind === 'not') v = (T - v) as Truth;
  want[0] = v;
  let sets: Requirement[][] = [[[path[0]!, v]]];
  for (let k = 0; k < path.length - 1; k++) {
    const parent = model.nodes[path[k]!]!;
    const child = path[k + 1]!;
    const pv = want[k]!;
    const cv: Truth = parent.kind === 'not' ? ((T - pv) as Truth) : pv;
    want.push(cv);
    const siblings = parent.children.filter((c) => c !== child);
    let extra: Requirement[][];
    if (parent.kind === 'any') extra = [siblings.map((s) => [s, F] as const)];
    else if (parent.kind === 'all') extra = [siblings.map((s) => [s, T] as const)];
    else if (parent.kind === 'at-least') {
      // Exactly n − 1 others met, so that this child tips it either way.
      extra = [...choose(siblings, parent.n - 1)].map((met) => siblings.map((s) => [s, met.includes(s) ? T : F] as const));
    } else extra = [[]];
    sets = sets.flatMap((s) => extra.map((e) => [...s, [child, cv] as const, ...e]));
  }
  return { blockValue: v, sets };
}

function* choose<X>(items: readonly X[], k: number, from = 0): Generator<X[]> {
  if (k === 0) { yield []; return; }
  for (let i = from; i <= items.length - k; i++) for (const rest of choose(items, k - 1, i + 1)) yield [items[i]!, ...rest];
}

type Context = { requirements: Requirement[]; someOf: number[]; decision: string; category?: string | undefined };

/** Settings of the other blocks under which the block's value alone decides, and the decision it then gives. */
export function contexts(model: PolicyModel, blocks: readonly ModelBlock[], block: ModelBlock, value: Truth): Context[] {
  const others = blocks.filter((b) => b !== block);
  const set = (list: readonly ModelBlock[], t: Truth) => list.map((b) => [b.root, t] as const);
  const denials = others.filter((b) => b.role === 'exclusion' && b.outcome === 'deny');
  const scopes = others.filter((b) => b.role === 'scope');
  const indications = others.filter((b) => b.role === 'indication');
  const reviews = others.filter((b) => b.role === 'exclusion' && b.outcome === 'individual-review');
  const approving = (extra: Requirement[], withIndication = true): Context => ({
    requirements: [...set(denials, F), ...set(scopes, T), ...set(reviews, F), ...extra],
    someOf: withIndication ? indications.map((b) => b.root) : [],
    decision: 'approve',
  });
  const fires = block.role === 'scope' ? value === F : value === T;
  switch (block.role) {
    case 'indication':
      // Failing the only pathway denies before any review-exclusion is looked at.
      return [{ requirements: [...set(denials, F), ...set(scopes, T), ...set(indications, F), ...(fires ? set(reviews, F) : [])], someOf: [], decision: fires ? 'approve' : 'deny', category: fires ? undefined : model.meta.unmetCategory }];
    case 'scope':
      return fires
        ? [{ requirements: [...set(denials, F), ...set(scopes, T)], someOf: [], decision: block.outcome, category: block.category }]
        // Staying in scope decides when it leads to an approval, or to the indications' denial instead of the
        // scope's review (a scope that keeps requests with no fracture in, to be denied, is decisive too).
        : [approving([], true), { requirements: [...set(denials, F), ...set(scopes, T), ...set(indications, F)], someOf: [], decision: 'deny', category: model.meta.unmetCategory }];
    default:
      if (block.outcome === 'individual-review') {
        return fires ? [{ ...approving([...set(reviews, F)]), decision: 'individual-review' }] : [approving([])];
      }
      if (!fires) return [approving([])];
      {
        // A denial decides when, without it, the decision would be something else: an approval, a denial of a
        // weaker category (another exclusion's, or no indication met), or a scope's review. Denials of its own
        // category or stronger must not be met; weaker ones may be.
        const rank = CATEGORY_RANK[block.category!];
        const rivals = denials.filter((b) => CATEGORY_RANK[b.category!] >= rank);
        const weaker = denials.filter((b) => CATEGORY_RANK[b.category!] < rank);
        const deny = { decision: 'deny', category: block.category };
        return [
          { requirements: [...set(denials, F), ...set(scopes, T), ...set(reviews, F)], someOf: indications.map((b) => b.root), ...deny },
          ...(weaker.length ? [{ requirements: set(rivals, F), someOf: weaker.map((b) => b.root), ...deny }] : []),
          ...(model.meta.unmetCategory !== block.category ? [{ requirements: [...set(rivals, F), ...set(scopes, T), ...set(indications, F)], someOf: [], ...deny }] : []),
          ...scopes.map((s) => ({ requirements: [...set(denials, F), [s.root, F] as const], someOf: [], ...deny })),
        ];
      }
  }
}

/**
 * A model with goal nodes in front: node 0 holds when every requirement does and (if `someOf` is given) one of
 * `someOf` is met. Original nodes are shifted, so pre-order (parents before children) is kept for the solver.
 */
export function withGoal(model: PolicyModel, requirements: readonly Requirement[], someOf: readonly number[], domains?: Domains, extra: readonly ExtraLeaf[] = []): PolicyModel {
  const goal: ModelNode[] = [];
  const base = { label: 'goal', source: '', block: -1, parent: -1, depth: 0, reads: [] as string[], line: 0 };
  const negations = requirements.filter(([, t]) => t === F).length;
  const coherent = domains ? COHERENCE.filter((rule) => rule.every((f) => domains.has(f.fact))) : [];
  const shift = 1 + negations + (someOf.length ? 1 : 0) + coherent.reduce((n, rule) => n + 1 + rule.length, 0) + extra.reduce((n, e) => n + (e.value === F ? 2 : 1), 0);
  const top: ModelNode = { ...base, index: 0, id: '#goal', kind: 'all', children: [] };
  goal.push(top);
  for (const { leaf, value } of extra) {
    if (value === F) {
      top.children.push(goal.length);
      goal.push({ ...base, index: goal.length, id: `#not-extra-${goal.length}`, kind: 'not', parent: 0, children: [goal.length + 1] });
    } else top.children.push(goal.length);
    goal.push({ ...leaf, index: goal.length, id: `#extra-${goal.length}`, block: -1, parent: goal.length - 1, children: [] });
  }
  for (const rule of coherent) {
    const at = goal.length;
    top.children.push(at);
    goal.push({ ...base, index: at, id: `#coherent-${at}`, kind: 'any', parent: 0, children: rule.map((_, k) => at + 1 + k) });
    rule.forEach((f, k) => goal.push({ ...base, ...f, index: at + 1 + k, id: `#coherent-${at}-${k}`, kind: 'fact', parent: at, children: [], reads: [f.fact] }));
  }
  for (const [node, t] of requirements) {
    if (t === T) top.children.push(node + shift);
    else {
      const index = goal.length;
      goal.push({ ...base, index, id: `#not-${node}`, kind: 'not', parent: 0, children: [node + shift] });
      top.children.push(index);
    }
  }
  if (someOf.length) {
    top.children.push(goal.length);
    goal.push({ ...base, index: goal.length, id: '#some', kind: 'any', parent: 0, children: someOf.map((r) => r + shift) });
  }
  const nodes = [...goal, ...model.nodes.map((n) => ({ ...n, index: n.index + shift, parent: n.parent + shift, children: n.children.map((c) => c + shift) }))];
  return { ...model, nodes };
}

function versionsOf(model: PolicyModel, block: ModelBlock): Version[] {
  return model.meta.versions.filter((v) => !block.versions || block.versions.includes(v.version));
}

export type Reached = { found: Record<string, unknown> | null; wanted: string; ranOut: boolean };

/**
 * Searches for a case in which `target` has `value` and decides the decision (flipping it alone would change
 * it); `extra` adds leaves the case must also satisfy. The case found, or null, and whether the budget ran out.
 */
export function reach(policy: CompiledPolicy, target: number, options: { value?: Truth; extra?: readonly ExtraLeaf[]; domains?: Domains; budget?: number } = {}): Reached {
  const { model } = policy;
  const node = model.nodes[target]!;
  const block = model.blocks[node.block]!;
  const value = options.value ?? T;
  const extra = options.extra ?? [];
  const { blockValue, sets } = pathRequirements(model, target, value);
  let wanted = '';
  let ranOut = false;
  for (const version of versionsOf(model, block)) {
    const blocks = model.blocks.filter((b) => !b.versions || b.versions.includes(version.version));
    for (const ctx of contexts(model, blocks, block, blockValue)) {
      wanted ||= ctx.decision + (ctx.category ? ` (${ctx.category})` : '');
      for (const path of sets) {
        const draft = withGoal(model, [...path, ...ctx.requirements], ctx.someOf, undefined, extra);
        // Extra leaves bring thresholds of their own: the candidate values must cover them too.
        const domains = options.domains ?? buildDomains(draft);
        const goalModel = withGoal(model, [...path, ...ctx.requirements], ctx.someOf, domains, extra);
        const solver = new Solver(goalModel, domains, options.budget);
        const outcome: Outcome = solver.query(0, T);
        if (outcome === 'budget') { ranOut = true; continue; }
        if (outcome === null) continue;
        // Assignment variables are fact paths, independent of node numbering: the shifted model's case is the case.
        const c = { ...caseOf(model, outcome), dateOfService: version.effective };
        const result = decide(policy, c, { explain: false });
        const values = policy.trace(c);
        const confirmed = result.decision === ctx.decision && (!ctx.category || result.category === ctx.category) && path.every(([i, t]) => values[i] === t);
        if (!confirmed) throw new Error(`lint-reachability: the case found for ${node.id} gives ${result.decision}${result.category ? ` (${result.category})` : ''}, expected ${wanted}: ${JSON.stringify(c)}`);
        return { found: c, wanted, ranOut: false };
      }
    }
  }
  return { found: null, wanted, ranOut };
}

/** The alternatives and pathways no case reaches a decision through (minus those allowed by a note). */
export function unreachable(policy: CompiledPolicy, budget = 50_000): Unreachable[] {
  const { model } = policy;
  const domains = buildDomains(model);
  const allowed = allowedBy(model, 'unreachable');
  const targets: Array<{ node: number; kind: Unreachable['kind'] }> = [
    ...model.blocks.filter((b) => b.role === 'indication').map((b) => ({ node: b.root, kind: 'pathway' as const })),
    ...model.nodes.filter((n) => n.kind === 'any').flatMap((n) => n.children.map((c) => ({ node: c, kind: 'alternative' as const }))),
  ];
  const out: Unreachable[] = [];
  for (const t of targets) {
    const node = model.nodes[t.node]!;
    if (allowed.has(node.id) || (t.kind === 'pathway' && allowed.has(model.blocks[node.block]!.id))) continue;
    const r = reach(policy, t.node, { domains, budget });
    if (!r.found) out.push({ node: t.node, kind: t.kind, wanted: r.wanted, budget: r.ranOut });
  }
  return out;
}

const VERB: Record<string, string> = { approve: 'approved', deny: 'denied', 'individual-review': 'sent to individual review' };

/** Unreachable alternatives and pathways as positioned messages (`file:line:column` of the node). */
export function reachabilityMessages(policy: CompiledPolicy, text?: string): Message[] {
  const places = text === undefined ? null : new Places(text);
  return unreachable(policy).map((u) => {
    const node = policy.model.nodes[u.node]!;
    const what = u.kind === 'pathway' ? `pathway \`${policy.model.blocks[node.block]!.id}\`` : `alternative \`${node.id}\``;
    const [decision = '', category] = u.wanted.split(' ');
    const outcome = `${VERB[decision] ?? decision}${category ? ` ${category}` : ''}`;
    const reason = u.budget
      ? `Unexpected ${what} that the search could not show to decide any case within its budget (no case found ${outcome} through it), expected a case that reaches its decision through it`
      : `Unexpected ${what} that no case is ${outcome} through: whenever it holds and decides, another criterion decides first or alike, expected an alternative some case is decided by (or an <Interpretation allow="unreachable"> note naming it, saying why)`;
    return { file: policy.model.file, place: places ? places.owner(node.line) : { line: node.line, column: 1 }, reason, ruleId: 'unreachable', severity: u.budget ? 'warning' : 'error' } satisfies Message;
  });
}

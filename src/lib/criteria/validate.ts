/**
 * Parsed MDX → validated PolicyModel, or every problem at once with its file:line:column.
 * zod checks the structure of each YAML block; the checks here need context: does the fact exist, does the
 * value fit it, do the levels parse, are ids unique, do notes resolve.
 */
import { blockSchema, codesSchema, exampleSchema, frontmatterSchema, type NodeInput } from './block-schema.ts';
import { FACTS, FACTS_BY_PATH, type Fact } from './facts.ts';
import { THERAPY_KINDS } from './case-schema.ts';
import { parseLevelRanges } from './levels.ts';
import type { Message } from './messages.ts';
import type { ModelBlock, ModelNode, PolicyModel } from './model.ts';
import type { ParsedMdx } from './parse.ts';
import { YamlSource, type PathKey } from './yaml-source.ts';
import { describeIssues } from './zod-messages.ts';
import { isTopicId, TOPIC_IDS } from './topics.ts';
import type { z } from 'zod';

type Ctx = { file: string; messages: Message[] };

function structured<T>(ctx: Ctx, src: YamlSource, schema: z.ZodType<T>): T | null {
  for (const e of src.errors) ctx.messages.push({ file: ctx.file, place: e.place, reason: e.reason, ruleId: 'yaml-syntax', severity: 'error' });
  if (src.errors.length) return null;
  const r = schema.safeParse(src.value);
  if (r.success) return r.data;
  for (const p of describeIssues(r.error.issues, src.value)) {
    ctx.messages.push({ file: ctx.file, place: p.key ? src.keyPlace(p.path, p.key) : src.place(p.path), reason: p.reason, ruleId: 'schema', severity: 'error' });
  }
  return null;
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

function closest(name: string, candidates: readonly string[]): string | null {
  const prefixed = candidates.find((c) => c.toLowerCase().startsWith(name.toLowerCase()));
  if (prefixed) return prefixed;
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const dist = distance(name.toLowerCase(), c.toLowerCase());
    if (dist < bestD) [best, bestD] = [c, dist];
  }
  return best !== null && bestD <= Math.max(3, name.length / 3) ? best : null;
}

const OPS_FOR: Record<Fact['type'], readonly string[]> = {
  number: ['eq', 'ne', 'lt', 'le', 'gt', 'ge'],
  boolean: ['eq', 'ne'],
  enum: ['eq', 'ne', 'in', 'not-in'],
  set: ['has'],
  string: ['eq', 'ne'],
  levels: [],
  therapies: [],
};

/** Checks a `fact` node against the fact it names; returns the fact's paths read. */
function checkFact(node: Extract<NodeInput, { kind: 'fact' }>, at: (key: PathKey[]) => (reason: string, rule: string) => void): void {
  const fact = FACTS_BY_PATH.get(node.fact);
  if (!fact) {
    const hint = closest(node.fact, FACTS.map((f) => f.path));
    at(['fact'])(`Unexpected fact \`${node.fact}\`, expected a case field${hint ? ` such as \`${hint}\`` : ' (see /authoring/ for the list)'}`, 'unknown-fact');
    return;
  }
  if (fact.type === 'levels' || fact.type === 'therapies') {
    at(['fact'])(`Unexpected fact \`${node.fact}\` in a \`fact\` node, expected a \`${fact.type === 'levels' ? 'levels` or `level-count' : 'therapies'}\` node`, 'wrong-node-kind');
    return;
  }
  const ops = OPS_FOR[fact.type];
  if (!ops.includes(node.op)) {
    at(['op'])(`Unexpected op \`${node.op}\` for ${fact.type} fact \`${fact.path}\`, expected one of ${ops.map((o) => `\`${o}\``).join(', ')}`, 'wrong-op');
    return;
  }
  const isList = node.op === 'in' || node.op === 'not-in';
  if (isList !== Array.isArray(node.value)) {
    at(['value'])(isList ? `Unexpected single value, expected a list of values for \`${node.op}\`` : `Unexpected list, expected one value for \`${node.op}\``, 'wrong-value');
    return;
  }
  const values = Array.isArray(node.value) ? node.value : [node.value];
  values.forEach((v, i) => {
    const where = at(Array.isArray(node.value) ? ['value', i] : ['value']);
    if (fact.type === 'number') {
      if (typeof v !== 'number') where(`Unexpected \`${String(v)}\`, expected a number for \`${fact.path}\``, 'wrong-value');
      else if (v < fact.min || v > fact.max) where(`Unexpected ${v}, expected a number from ${fact.min} to ${fact.max} for \`${fact.path}\``, 'wrong-value');
    } else if (fact.type === 'boolean') {
      if (typeof v !== 'boolean') where(`Unexpected \`${String(v)}\`, expected true or false for \`${fact.path}\``, 'wrong-value');
    } else if (fact.type === 'enum' || fact.type === 'set') {
      if (typeof v !== 'string' || !fact.values.includes(v)) {
        const hint = typeof v === 'string' ? closest(v, fact.values) : null;
        where(`Unexpected \`${String(v)}\`, expected one of ${fact.values.map((x) => `\`${x}\``).join(', ')} for \`${fact.path}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}`, 'wrong-value');
      }
    } else if (typeof v !== 'string') where(`Unexpected \`${String(v)}\`, expected text for \`${fact.path}\``, 'wrong-value');
  });
}

export function validate(parsed: ParsedMdx): { model: PolicyModel | null; messages: Message[] } {
  const ctx: Ctx = { file: parsed.file, messages: [...parsed.messages] };
  const err = (src: YamlSource, path: PathKey[], reason: string, ruleId: string) => ctx.messages.push(src.message(ctx.file, path, reason, ruleId));

  let meta = null;
  if (!parsed.frontmatter) {
    if (!parsed.messages.length) ctx.messages.push({ file: ctx.file, place: { line: 1, column: 1 }, reason: 'Missing frontmatter, expected a `---` YAML block with payer, title, versions, …', ruleId: 'frontmatter', severity: 'error' });
  } else {
    meta = structured(ctx, new YamlSource(parsed.frontmatter, parsed.lines), frontmatterSchema);
  }

  const blocks: ModelBlock[] = [];
  const nodes: ModelNode[] = [];
  const codes: PolicyModel['codes'] = [];
  const examples: PolicyModel['examples'] = [];
  /** id → where it was first defined, to report duplicates with both places. */
  const ids = new Map<string, { line: number; column: number }>();
  const noteRefs: Array<{ note: string; src: YamlSource; path: PathKey[] }> = [];
  /**
   * Blocks that failed validation still name ids and roles; remembering them keeps one mistake from cascading
   * into false "dangling id" or "no indication" messages. `unreadable` means some block could not be read at all.
   */
  const failed = { ids: new Set<string>(), indication: false, unreadable: false };
  const remember = (value: unknown) => {
    if (value === undefined) { failed.unreadable = true; return; }
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.id === 'string') failed.ids.add(o.id);
        Object.values(o).forEach(walk);
      }
    };
    walk(value);
    if ((value as { role?: unknown } | null)?.role === 'indication') failed.indication = true;
  };

  const claim = (id: string, src: YamlSource, path: PathKey[]) => {
    const first = ids.get(id);
    if (first) err(src, [...path, 'id'], `Duplicate id \`${id}\`, expected ids unique in the policy (first used at ${first.line}:${first.column})`, 'duplicate-id');
    else ids.set(id, src.place([...path, 'id']));
  };

  for (const raw of parsed.blocks) {
    const src = new YamlSource(raw.yaml, parsed.lines);
    if (raw.lang === 'codes') {
      const c = structured(ctx, src, codesSchema);
      if (c) codes.push({ ...c, line: raw.line });
      continue;
    }
    if (raw.lang === 'example') {
      const e = structured(ctx, src, exampleSchema);
      if (e) {
        if (examples.some((x) => x.name === e.name)) err(src, ['name'], `Duplicate example name \`${e.name}\`, expected names unique in the policy`, 'duplicate-example');
        examples.push({ ...e, line: raw.line });
      }
      continue;
    }
    const block = structured(ctx, src, blockSchema);
    if (!block) {
      remember(src.value);
      continue;
    }
    const blockIndex = blocks.length;
    claim(block.id, src, []);
    if (block.note) noteRefs.push({ note: block.note, src, path: ['note'] });

    // Role, outcome and category must agree: the decision layer relies on it.
    let outcome: ModelBlock['outcome'] = 'approve';
    if (block.role === 'indication') {
      if (block.outcome || block.category) err(src, [block.outcome ? 'outcome' : 'category'], 'Unexpected outcome/category on an indication, expected none (an indication that is met approves)', 'role-outcome');
    } else {
      outcome = block.outcome ?? (block.role === 'scope' ? 'individual-review' : 'deny');
      if (block.role === 'exclusion' && !block.outcome) err(src, ['role'], 'Missing `outcome` on an exclusion, expected `deny` (with a category) or `individual-review`', 'role-outcome');
      if (block.outcome === 'deny' && !block.category) err(src, ['outcome'], 'Missing `category` for `outcome: deny`, expected not-medically-necessary, investigational or not-covered', 'role-outcome');
      if (outcome === 'individual-review' && block.category) err(src, ['category'], 'Unexpected `category` with `outcome: individual-review`, expected a category only on denials', 'role-outcome');
    }
    if (block.versions && meta) {
      block.versions.forEach((v, i) => {
        if (!meta.versions.some((x) => x.version === v)) err(src, ['versions', i], `Unexpected version \`${v}\`, expected one of ${meta.versions.map((x) => `\`${x.version}\``).join(', ')}`, 'unknown-version');
      });
    }

    const addNode = (node: NodeInput, path: PathKey[], parent: number, depth: number, inherited: string): number => {
      claim(node.id, src, path);
      if (node.note) noteRefs.push({ note: node.note, src, path: [...path, 'note'] });
      const at = (key: PathKey[]) => (reason: string, rule: string) => err(src, [...path, ...key], reason, rule);
      node.topics?.forEach((t, i) => {
        if (!isTopicId(t)) at(['topics', i])(`Unexpected topic \`${t}\`, expected one of ${TOPIC_IDS.map((x) => `\`${x}\``).join(', ')}`, 'unknown-topic');
      });
      const base = {
        index: nodes.length, id: node.id, label: node.label, source: node.source ?? inherited, note: node.note, ...(node.topics && { topics: node.topics }),
        block: blockIndex, parent, children: [] as number[], depth, reads: [] as string[], line: src.place(path).line,
      };
      let model: ModelNode;
      switch (node.kind) {
        case 'all':
        case 'any':
        case 'not':
          model = { ...base, kind: node.kind };
          break;
        case 'at-least':
          if (node.n > node.of.length) at(['n'])(`Unexpected n = ${node.n}, expected at most the ${node.of.length} listed criteria`, 'at-least-n');
          model = { ...base, kind: 'at-least', n: node.n };
          break;
        case 'fact':
          checkFact(node, at);
          model = { ...base, kind: 'fact', fact: node.fact, op: node.op, value: node.value, reads: [node.fact] };
          break;
        case 'levels': {
          const r = parseLevelRanges(node.within);
          if (!r.ok) at(['within'])(r.error, 'unknown-level');
          model = { ...base, kind: 'levels', quantifier: node.quantifier, within: node.within, set: r.ok ? r.levels : [], reads: ['request.levels'] };
          break;
        }
        case 'level-count':
          model = { ...base, kind: 'level-count', op: node.op, value: node.value, reads: ['request.levels'] };
          break;
        case 'therapies':
          (node.kinds ?? []).forEach((k, i) => {
            if ((node.kinds ?? []).indexOf(k) !== i) at(['kinds', i])(`Duplicate therapy kind \`${k}\`, expected each kind once (kinds are counted distinctly)`, 'duplicate-kind');
            else if (!(THERAPY_KINDS as readonly string[]).includes(k)) {
              const hint = closest(k, THERAPY_KINDS);
              at(['kinds', i])(`Unexpected therapy kind \`${k}\`, expected one of ${THERAPY_KINDS.map((x) => `\`${x}\``).join(', ')}${hint ? ` (did you mean \`${hint}\`?)` : ''}`, 'unknown-therapy');
            }
          });
          if (node.atLeast > (node.kinds ?? THERAPY_KINDS).length) at(['atLeast'])(`Unexpected atLeast = ${node.atLeast}, expected at most the ${(node.kinds ?? THERAPY_KINDS).length} kinds listed`, 'at-least-n');
          model = { ...base, kind: 'therapies', kinds: node.kinds ?? [...THERAPY_KINDS], outcome: node.outcome, weeks: node.weeks, atLeast: node.atLeast, reads: ['conservativeCare.therapies'] };
          break;
      }
      nodes.push(model);
      if (node.kind === 'all' || node.kind === 'any' || node.kind === 'at-least') {
        model.children = node.of.map((child, i) => addNode(child, [...path, 'of', i], model.index, depth + 1, model.source));
      } else if (node.kind === 'not') {
        model.children = [addNode(node.of, [...path, 'of'], model.index, depth + 1, model.source)];
      }
      return model.index;
    };
    const root = addNode(block.tree, ['tree'], -1, 0, block.tree.source ?? block.source);
    blocks.push({ index: blockIndex, id: block.id, role: block.role, title: block.title, source: block.source, outcome, category: block.category, note: block.note, versions: block.versions, root, line: raw.line });
  }

  // Notes: ids present, unique, and every reference in both directions resolves.
  const notes: PolicyModel['notes'] = [];
  for (const n of parsed.notes) {
    const place = { line: n.line, column: n.column };
    if (!n.id) ctx.messages.push({ file: ctx.file, place, reason: 'Missing `id` on <Interpretation>, expected a kebab-case id', ruleId: 'note-id', severity: 'error' });
    else if (notes.some((x) => x.id === n.id)) ctx.messages.push({ file: ctx.file, place, reason: `Duplicate note id \`${n.id}\`, expected ids unique in the policy`, ruleId: 'duplicate-id', severity: 'error' });
    else notes.push({ id: n.id, nodes: n.nodes, text: n.text, line: n.line });
    for (const target of n.nodes) {
      if (!ids.has(target) && !failed.ids.has(target) && !failed.unreadable) ctx.messages.push({ file: ctx.file, place, reason: `Unexpected node \`${target}\` in <Interpretation nodes>, expected the id of a node or block in this policy`, ruleId: 'dangling-id', severity: 'error' });
    }
  }
  for (const ref of noteRefs) {
    if (!notes.some((n) => n.id === ref.note)) err(ref.src, ref.path, `Unexpected note \`${ref.note}\`, expected the id of an <Interpretation> in this file`, 'dangling-id');
  }
  if (meta && !blocks.some((b) => b.role === 'indication') && !failed.indication && !failed.unreadable) {
    ctx.messages.push({ file: ctx.file, place: { line: 1, column: 1 }, reason: 'Missing indication block, expected at least one ```criteria block with `role: indication`', ruleId: 'no-indication', severity: 'error' });
  }

  const errors = ctx.messages.filter((m) => m.severity === 'error');
  const model = meta && !errors.length
    ? { payer: meta.payer, file: ctx.file, meta, blocks, nodes, codes, notes, examples, headings: parsed.headings }
    : null;
  return { model, messages: ctx.messages };
}

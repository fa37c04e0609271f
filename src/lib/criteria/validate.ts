/**
 * Parsed MDX → validated PolicyModel, or every problem at once with its file:line:column.
 * zod checks the structure of each YAML block; the checks here need context: does the fact exist, does the
 * value fit it, do the levels parse, are ids unique, do notes resolve.
 */
import { blockSchema, codesSchema, exampleSchema, frontmatterSchema, type NodeInput } from './block-schema.ts';
import { inputBehaviour, wordsOf } from './kinds/registry.ts';
import { expandTests, pathKey, type TestProblem } from './test-form.ts';
import type { Message } from './messages.ts';
import type { ModelBlock, ModelNode, PolicyModel } from './model.ts';
import type { ParsedMdx } from './parse.ts';
import { checkVersions } from './validate-versions.ts';
import { YamlSource, type PathKey } from './yaml-source.ts';
import { describeIssues } from './zod-messages.ts';
import { isTopicId, TOPIC_IDS } from './topics.ts';
import type { z } from 'zod';

type Ctx = { file: string; messages: Message[] };

function structured<T>(ctx: Ctx, src: YamlSource, schema: z.ZodType<T>, value: unknown = src.value): T | null {
  for (const e of src.errors) ctx.messages.push({ file: ctx.file, place: e.place, reason: e.reason, ruleId: e.ruleId ?? 'yaml-syntax', severity: 'error' });
  if (src.errors.length) return null;
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  for (const p of describeIssues(r.error.issues, value)) {
    ctx.messages.push({ file: ctx.file, place: p.key ? src.keyPlace(p.path, p.key) : src.place(p.path), reason: p.reason, ruleId: 'schema', severity: 'error' });
  }
  return null;
}

/** Lint findings an <Interpretation allow="…"> note may justify (lint-reachability.ts, pinning.ts). */
const NOTE_ALLOWS: readonly string[] = ['unreachable', 'unpinned'];

export function validate(parsed: ParsedMdx): { model: PolicyModel | null; messages: Message[] } {
  const ctx: Ctx = { file: parsed.file, messages: [...parsed.messages] };
  const err = (src: YamlSource, path: PathKey[], reason: string, ruleId: string) => ctx.messages.push(src.message(ctx.file, path, reason, ruleId));

  let meta = null;
  if (!parsed.frontmatter) {
    if (!parsed.messages.length) ctx.messages.push({ file: ctx.file, place: { line: 1, column: 1 }, reason: 'Missing frontmatter, expected a `---` YAML block with payer, title, versions, …', ruleId: 'frontmatter', severity: 'error' });
  } else {
    const fm = new YamlSource(parsed.frontmatter, parsed.lines);
    meta = structured(ctx, fm, frontmatterSchema);
    if (meta) checkVersions(meta.versions, (path, reason, ruleId) => err(fm, path, reason, ruleId));
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
    const testProblems: TestProblem[] = [];
    const expansion = src.errors.length ? null : expandTests(src.value, testProblems);
    for (const p of testProblems) {
      const at = src.place(p.path);
      ctx.messages.push({ file: ctx.file, place: { line: at.line, column: at.column + p.offset }, reason: p.reason, ruleId: 'test-syntax', severity: 'error' });
    }
    const block = testProblems.length ? null : structured(ctx, src, blockSchema, expansion?.value);
    if (!block) {
      remember(expansion?.value ?? src.value);
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
      const key = pathKey(path);
      // A test-form node's kind fields are all written in its `test` text: point there.
      const isTest = expansion!.tests.has(key);
      const report = (k: PathKey[], reason: string, rule: string) => err(src, isTest && !['id', 'label', 'source', 'note'].includes(String(k[0])) ? [...path, 'test'] : [...path, ...k], reason, rule);
      const kind = inputBehaviour(node.kind)!;
      const at = src.place(path);
      node.topics?.forEach((t, i) => {
        if (!isTopicId(t)) err(src, [...path, 'topics', i], `Unexpected topic \`${t}\`, expected one of ${TOPIC_IDS.map((x) => `\`${x}\``).join(', ')}`, 'unknown-topic');
      });
      const model = {
        index: nodes.length, id: node.id, label: node.label, source: node.source ?? inherited, note: node.note, ...(node.topics && { topics: node.topics }),
        block: blockIndex, parent, children: [] as number[], depth, reads: [] as string[], line: at.line, column: at.column,
        kind: node.kind, ...kind.toModel(node, report),
      } as ModelNode;
      if (expansion!.generatedLabels.has(key)) model.label = wordsOf(model);
      nodes.push(model);
      if (kind.children) model.children = kind.children(node).map((c) => addNode(c.input as NodeInput, [...path, ...c.path], model.index, depth + 1, model.source));
      return model.index;
    };
    const root = addNode(block.tree, ['tree'], -1, 0, block.tree.source ?? block.source);
    blocks.push({ index: blockIndex, id: block.id, role: block.role, title: block.title, source: block.source, outcome, category: block.category, note: block.note, versions: block.versions, root, line: raw.line, column: raw.column });
  }

  // Notes: ids present, unique, allow only known lint rules, and every reference in both directions resolves.
  const notes: PolicyModel['notes'] = [];
  for (const n of parsed.notes) {
    const place = { line: n.line, column: n.column };
    if (!n.id) ctx.messages.push({ file: ctx.file, place, reason: 'Missing `id` on <Interpretation>, expected a kebab-case id', ruleId: 'note-id', severity: 'error' });
    else if (notes.some((x) => x.id === n.id)) ctx.messages.push({ file: ctx.file, place, reason: `Duplicate note id \`${n.id}\`, expected ids unique in the policy`, ruleId: 'duplicate-id', severity: 'error' });
    else notes.push({ id: n.id, nodes: n.nodes, ...(n.allow?.length ? { allow: n.allow } : {}), text: n.text, line: n.line });
    for (const a of n.allow ?? []) if (!NOTE_ALLOWS.includes(a)) ctx.messages.push({ file: ctx.file, place, reason: `Unexpected allow \`${a}\` on <Interpretation>, expected ${NOTE_ALLOWS.map((x) => `\`${x}\``).join(' or ')}`, ruleId: 'note-allow', severity: 'error' });
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

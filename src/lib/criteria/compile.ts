/**
 * PolicyModel → the source of one standalone ES module: a plain function per node, no interpreter at run
 * time. Two variants are emitted: `blocks(c)` short-circuits and returns only block values (the hot path:
 * comparison page, sweeps, bench), `trace(c)` evaluates every node and fills a value array (explanations).
 * The module embeds its model so the decision layer and renderers need nothing else.
 */
import { FACT_PRIMITIVES } from './kinds/fact.ts';
import { SET_HAS_JS } from './kinds/ops.ts';
import { behaviourOf, leafBehaviour } from './kinds/registry.ts';
import type { Gen } from './kinds/types.ts';
import type { ModelNode, PolicyModel } from './model.ts';
import { parsePath } from './paths.ts';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `c?.a?.b`: the raw value at a fact path (no item filters: kinds read whole lists in generated code). */
function access(path: string): string {
  return `c${parsePath(path).segments.map((s) => (IDENTIFIER.test(s) ? `?.${s}` : `?.[${JSON.stringify(s)}]`)).join('')}`;
}

/** Kleene AND / OR / AT LEAST over small integers, called by the traced variant's one-line node functions. */
const COMBINATOR_PRIMITIVES = [
  `function AND(...v) { let r = 2; for (const x of v) if (x < r) r = x; return r; }`,
  `function OR(...v) { let r = 0; for (const x of v) if (x > r) r = x; return r; }`,
  `function ATLEAST(n, ...v) { let m = 0, o = 0; for (const x of v) { if (x === 2) m++; else if (x === 1) o++; } return m >= n ? 2 : m + o < n ? 0 : 1; }`,
].join('\n');

/** Module-level constants, named per node so generated names never collide. */
class Constants {
  readonly #names = new Map<string, string>();
  get lines(): string[] {
    return [...this.#names].map(([js, name]) => `const ${name} = ${js};`);
  }
  /** Equal constants are shared (a kind may be asked for its code more than once). */
  add(js: string): string {
    let name = this.#names.get(js);
    if (!name) this.#names.set(js, (name = `K${this.#names.size}`));
    return name;
  }
}

/** A scope of generated code: fact reads are hoisted into locals declared once (`const f0 = c?.a;`). */
class Scope implements Gen {
  readonly #locals = new Map<string, string>();
  readonly fast: boolean;
  readonly consts: Constants;
  readonly inline: boolean;
  // Plain fields, not parameter properties: batch worker threads load this module with Node's type stripping.
  constructor(fast: boolean, consts: Constants, inline = false) {
    this.fast = fast;
    this.consts = consts;
    this.inline = inline;
  }
  read(path: string): string {
    // The traced variant's one-line leaves use a value once: inline access, no local.
    if (this.inline) return access(path);
    let name = this.#locals.get(path);
    if (!name) this.#locals.set(path, (name = `f${this.#locals.size}`));
    return name;
  }
  constant(js: string): string {
    return this.consts.add(js);
  }
  loads(): string[] {
    return [...this.#locals].map(([path, name]) => `const ${name} = ${access(path)};`);
  }
}

/**
 * A leaf's generated code: its kind's expression over the scope, or, for kinds that loop, a call to the leaf's
 * own function `n<i>(c)` (shared by both variants).
 */
function leafCode(node: ModelNode, scope: Scope, fns: Map<number, string>): string {
  const kind = leafBehaviour(node);
  const own = new Scope(scope.fast, scope.consts);
  const e = kind.emit(node, own);
  if ('expr' in e) return (kind.emit(node, scope) as { expr: string }).expr;
  if (!fns.has(node.index)) fns.set(node.index, `function n${node.index}(c) {\n  ${[...own.loads(), e.body].join('\n  ')}\n}`);
  return `n${node.index}(c)`;
}

/**
 * The fast variant as one function: every fact the policy reads is loaded once into a local, fact leaves are
 * expressions over those locals, and each combinator short-circuits (its kind's emitFast). No calls per node
 * on the hot path except leaves that loop (levels, therapies).
 */
function fastFunction(model: PolicyModel, consts: Constants, fns: Map<number, string>): string {
  const scope = new Scope(true, consts);
  const body: string[] = [];
  const emit = (i: number): string => {
    const node = model.nodes[i]!;
    const kind = behaviourOf(node);
    if (kind.leaf) return leafCode(node, scope, fns);
    const v = `v${i}`;
    kind.emitFast(node, v, emit, body);
    return v;
  };
  const roots = model.blocks.map((b) => emit(b.root));
  return [`export function blocks(c) {`, ...scope.loads(), ...body, `return [${roots.join(', ')}];`, `}`].join('\n');
}

/** The traced variant: one line per node; every child is evaluated so the whole trace is filled. */
function traceFunction(node: ModelNode, consts: Constants, fns: Map<number, string>): string {
  const kind = behaviourOf(node);
  const value = kind.leaf
    ? leafCode(node, new Scope(false, consts, true), fns)
    : kind.emitTrace(node, node.children.map((k) => `m${k}(c, t)`));
  return `function m${node.index}(c, t) { return (t[${node.index}] = ${value}); }`;
}

/**
 * What the browser needs to decide and explain: criteria and versions, without codes, notes, examples and
 * headings (they are rendered into HTML at build time). Keeps /compare/'s JavaScript small.
 */
export function slimModel(model: PolicyModel): PolicyModel {
  const { payer, payerName, title, number, versions, unmetCategory } = model.meta;
  return {
    ...model,
    meta: { payer, payerName, title, number, versions, unmetCategory, summary: '', source: { document: '', seed: '' }, procedures: model.meta.procedures },
    codes: [], notes: [], examples: [], headings: [],
  };
}

/** Fields every node has; whatever else a node carries is kind-specific (fact, op, value, n, set, …). */
const NODE_BASE = new Set(['index', 'id', 'label', 'source', 'note', 'block', 'parent', 'children', 'depth', 'reads', 'line', 'column', 'kind']);

/**
 * Data as `JSON.parse('…')`: one string token instead of an object literal's thousands of syntax nodes, which
 * JavaScript engines parse several times faster, and which costs a bundler (the dev server's, the tests') no
 * syntax tree.
 */
function jsonLiteral(value: unknown): string {
  return `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
}

/**
 * The slim model as compact rows plus a tiny inflater: sources are shared (most nodes inherit theirs) and
 * index, parent and depth are recomputed on load rather than shipped; lists of facts read are shared too.
 */
function compactModelSource(model: PolicyModel): string {
  const slim = slimModel(model);
  const sources = [...new Set(slim.nodes.map((n) => n.source))];
  const reads = [...new Set(slim.nodes.map((n) => JSON.stringify(n.reads)))];
  const rows = slim.nodes.map((n) => {
    const extra = Object.fromEntries(Object.entries(n).filter(([k]) => !NODE_BASE.has(k)));
    return [n.id, n.label, sources.indexOf(n.source), n.kind, n.block, n.children, n.note ?? 0, extra, reads.indexOf(JSON.stringify(n.reads))];
  });
  const { nodes: _nodes, ...rest } = slim;
  return [
    `const SOURCES = ${JSON.stringify(sources)};`,
    `const ROWS = ${jsonLiteral(rows)};`,
    `const READS = [${reads.join(', ')}];`,
    `function inflate(base) {`,
    `  const nodes = ROWS.map(([id, label, s, kind, block, children, note, extra, r], index) => ({ index, id, label, source: SOURCES[s], ...(note ? { note } : {}), kind, block, parent: -1, children, depth: 0, reads: READS[r], line: 0, ...extra }));`,
    `  for (const n of nodes) for (const k of n.children) { nodes[k].parent = n.index; nodes[k].depth = n.depth + 1; }`,
    `  return { ...base, nodes };`,
    `}`,
    `export const model = inflate(${jsonLiteral(rest)});`,
  ].join('\n');
}

/**
 * `slim`: the browser's variant. It ships the compact model and only the traced evaluator (block values are
 * read off the trace): the page shows every node's value anyway, and bytes matter more there than the
 * microseconds the fast variant saves.
 */
export function compileModule(model: PolicyModel, options: { slim?: boolean } = {}): string {
  const consts = new Constants();
  const leafFns = new Map<number, string>();
  const traced = model.nodes.map((node) => traceFunction(node, consts, leafFns));
  const roots = model.blocks.map((b) => b.root);
  const fast = options.slim
    ? `export function blocks(c) { const t = trace(c); return [${roots.map((r) => `t[${r}]`).join(', ')}]; }`
    : fastFunction(model, consts, leafFns);
  return [
    `// Compiled from ${model.file} by src/lib/criteria/compile.ts (code from src/lib/criteria/kinds/). Generated: do not edit.`,
    options.slim ? compactModelSource(model) : `export const model = ${jsonLiteral(model)};`,
    SET_HAS_JS,
    FACT_PRIMITIVES,
    COMBINATOR_PRIMITIVES,
    ...consts.lines,
    ...leafFns.values(),
    ...traced,
    `/** Block values (0 not met, 1 unknown, 2 met), in block order. */`,
    fast,
    `/** Every node's value, indexed by node.index. */`,
    `export function trace(c) { const t = new Uint8Array(${model.nodes.length}); ${model.blocks.map((b) => `m${b.root}(c, t);`).join(' ')} return t; }`,
    // Explanations read only the deciding blocks' subtrees: evaluate just those (the browser ships trace only).
    ...(options.slim ? [] : [
      `const ROOTS = [${model.blocks.map((b) => `m${b.root}`).join(', ')}];`,
      `/** The values of the given blocks' nodes only (others stay 0), for explanations. */`,
      `export function traceBlocks(c, blocks) { const t = new Uint8Array(${model.nodes.length}); for (const b of blocks) ROOTS[b](c, t); return t; }`,
    ]),
    '',
  ].join('\n');
}

/** What a compiled module exports. */
export type CompiledPolicy = {
  model: PolicyModel;
  blocks: (c: unknown) => ArrayLike<number>;
  trace: (c: unknown) => Uint8Array;
  /** Values of the given blocks' subtrees only (by block index); absent in the browser's slim modules. */
  traceBlocks?: ((c: unknown, blocks: readonly number[]) => Uint8Array) | undefined;
};

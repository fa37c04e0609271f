/**
 * PolicyModel → the source of one standalone ES module: a plain function per node, no interpreter at run
 * time. Two variants are emitted: `blocks(c)` short-circuits and returns only block values (the hot path:
 * comparison page, sweeps, bench), `trace(c)` evaluates every node and fills a value array (explanations).
 * The module embeds its model so the decision layer and renderers need nothing else.
 */
import { FACTS_BY_PATH } from './facts.ts';
import type { ModelNode, PolicyModel } from './model.ts';

const OPS = { eq: '===', ne: '!==', lt: '<', le: '<=', gt: '>', ge: '>=' } as const;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function access(segments: readonly string[]): string {
  return `c${segments.map((s) => (IDENTIFIER.test(s) ? `?.${s}` : `?.[${JSON.stringify(s)}]`)).join('')}`;
}

/** Primitives the traced variant's one-line node functions call (Kleene values 0/1/2; null/undefined = unknown). */
const PRIMITIVES = [
  `const unknown = (v) => v === undefined || v === null;`,
  `const EQ = (v, x) => unknown(v) ? 1 : v === x ? 2 : 0, NE = (v, x) => unknown(v) ? 1 : v !== x ? 2 : 0;`,
  `const LT = (v, x) => unknown(v) ? 1 : v < x ? 2 : 0, LE = (v, x) => unknown(v) ? 1 : v <= x ? 2 : 0;`,
  `const GT = (v, x) => unknown(v) ? 1 : v > x ? 2 : 0, GE = (v, x) => unknown(v) ? 1 : v >= x ? 2 : 0;`,
  `const IN = (v, s) => unknown(v) ? 1 : s.has(v) ? 2 : 0, NIN = (v, s) => unknown(v) ? 1 : s.has(v) ? 0 : 2;`,
  `const HAS = (v, x) => unknown(v) || !Array.isArray(v) ? 1 : setHas(v, x) ? 2 : 0;`,
  `function AND(...v) { let r = 2; for (const x of v) if (x < r) r = x; return r; }`,
  `function OR(...v) { let r = 0; for (const x of v) if (x > r) r = x; return r; }`,
  `function ATLEAST(n, ...v) { let m = 0, o = 0; for (const x of v) { if (x === 2) m++; else if (x === 1) o++; } return m >= n ? 2 : m + o < n ? 0 : 1; }`,
].join('\n');
const PRIMITIVE_OF = { eq: 'EQ', ne: 'NE', lt: 'LT', le: 'LE', gt: 'GT', ge: 'GE', in: 'IN', 'not-in': 'NIN', has: 'HAS' } as const;

/** Body of the leaf function for a levels, level-count or therapies node (both variants call it). */
function leafBody(node: ModelNode, consts: string[]): string {
  const set = (values: readonly unknown[]) => {
    const name = `R${node.index}`;
    consts.push(`const ${name} = new Set(${JSON.stringify(values)});`);
    return name;
  };
  switch (node.kind) {
    case 'levels': {
      const s = set(node.set);
      const get = `const l = ${access(['request', 'levels'])}; if (!Array.isArray(l)) return 1;`;
      if (node.quantifier === 'every') return `${get} for (const x of l) if (!${s}.has(x)) return 0; return 2;`;
      if (node.quantifier === 'some') return `${get} for (const x of l) if (${s}.has(x)) return 2; return 0;`;
      return `${get} for (const x of l) if (${s}.has(x)) return 0; return 2;`;
    }
    case 'level-count':
      return `const l = ${access(['request', 'levels'])}; if (!Array.isArray(l)) return 1; return l.length ${OPS[node.op]} ${node.value} ? 2 : 0;`;
    case 'therapies': {
      // One pass over the therapies: the best truth per counted kind, then count kinds met / still open.
      const kinds = `K${node.index}`;
      consts.push(`const ${kinds} = new Map(${JSON.stringify(node.kinds.map((k, i) => [k, i]))});`);
      const parts: string[] = [];
      if (node.outcome) parts.push(`p = t.outcome === undefined ? 1 : t.outcome === ${JSON.stringify(node.outcome)} ? 2 : 0; if (p < q) q = p;`);
      if (node.weeks) parts.push(`p = typeof t.weeks !== 'number' ? 1 : t.weeks ${OPS[node.weeks.op]} ${node.weeks.value} ? 2 : 0; if (p < q) q = p;`);
      const slots = node.kinds.map((_, i) => `b${i} = 0`).join(', ');
      const count = node.kinds.map((_, i) => `if (b${i} === 2) met++; else if (b${i} === 1) open++;`).join(' ');
      const store = node.kinds.map((_, i) => `case ${i}: if (q > b${i}) b${i} = q; break;`).join(' ');
      return [
        `const l = ${access(['conservativeCare', 'therapies'])}; if (!Array.isArray(l)) return 1;`,
        `let ${slots}, met = 0, open = 0;`,
        `for (const t of l) { const i = ${kinds}.get(t?.kind); if (i === undefined) continue; let q = 2, p; ${parts.join(' ')} switch (i) { ${store} } }`,
        count,
        `return met >= ${node.atLeast} ? 2 : met + open < ${node.atLeast} ? 0 : 1;`,
      ].join('\n  ');
    }
    default:
      throw new Error(`not a leaf: ${node.kind}`);
  }
}

/**
 * The fast variant as one function: every fact the policy reads is loaded once into a local, leaves become
 * expressions over those locals, and each combinator is a labelled block that breaks out as soon as its value
 * is settled (Kleene short-circuit). No calls per node on the hot path.
 */
function fastFunction(model: PolicyModel, consts: string[]): string {
  const locals = new Map<string, string>();
  const local = (path: string) => {
    let name = locals.get(path);
    if (!name) locals.set(path, (name = `f${locals.size}`));
    return name;
  };
  const body: string[] = [];
  const setOf = (node: ModelNode, values: readonly unknown[]) => {
    const name = `S${node.index}`;
    consts.push(`const ${name} = new Set(${JSON.stringify(values)});`);
    return name;
  };
  const leaf = (node: ModelNode): string => {
    if (node.kind !== 'fact') return `n${node.index}(c)`; // levels, counts, therapies: their leaf function
    const f = local(node.fact);
    const known = `${f} === undefined || ${f} === null ? 1 : `;
    if (node.op === 'in' || node.op === 'not-in') {
      const values = node.value as unknown[];
      // Short lists compare directly; longer ones use a Set.
      const hit = values.length <= 4 ? `(${values.map((x) => `${f} === ${JSON.stringify(x)}`).join(' || ')})` : `${setOf(node, values)}.has(${f})`;
      return node.op === 'in' ? `(${known}${hit} ? 2 : 0)` : `(${known}${hit} ? 0 : 2)`;
    }
    if (node.op === 'has') return `(${known}!Array.isArray(${f}) ? 1 : setHas(${f}, ${JSON.stringify(node.value)}) ? 2 : 0)`;
    return `(${known}${f} ${OPS[node.op]} ${JSON.stringify(node.value)} ? 2 : 0)`;
  };
  const emit = (i: number): string => {
    const node = model.nodes[i]!;
    if (node.children.length === 0) return leaf(node);
    if (node.kind === 'not') return `(2 - ${emit(node.children[0]!)})`;
    const v = `v${i}`;
    if (node.kind === 'at-least') {
      body.push(`let ${v}; { let m = 0, o = 0, x;`);
      for (const k of node.children) {
        const e = emit(k);
        body.push(`x = ${e}; if (x === 2) m++; else if (x === 1) o++;`);
      }
      body.push(`${v} = m >= ${node.n} ? 2 : m + o < ${node.n} ? 0 : 1; }`);
      return v;
    }
    const all = node.kind === 'all';
    body.push(`let ${v} = ${all ? 2 : 0}; L${i}: {`);
    for (const k of node.children) {
      const e = emit(k);
      body.push(all
        ? `{ const x = ${e}; if (x === 0) { ${v} = 0; break L${i}; } if (x < ${v}) ${v} = x; }`
        : `{ const x = ${e}; if (x === 2) { ${v} = 2; break L${i}; } if (x > ${v}) ${v} = x; }`);
    }
    body.push('}');
    return v;
  };
  const roots = model.blocks.map((b) => emit(b.root));
  const loads = [...locals].map(([path, name]) => `const ${name} = ${access(FACTS_BY_PATH.get(path)!.segments)};`);
  return [`export function blocks(c) {`, ...loads, ...body, `return [${roots.join(', ')}];`, `}`].join('\n');
}

/** The traced variant: one line per node; every child is evaluated so the whole trace is filled. */
function traceBody(node: ModelNode, consts: string[]): string {
  const kids = node.children.map((k) => `m${k}(c, t)`).join(', ');
  const set = (values: readonly unknown[]) => {
    const name = `T${node.index}`;
    consts.push(`const ${name} = new Set(${JSON.stringify(values)});`);
    return name;
  };
  let value: string;
  switch (node.kind) {
    case 'all': value = `AND(${kids})`; break;
    case 'any': value = `OR(${kids})`; break;
    case 'at-least': value = `ATLEAST(${node.n}, ${kids})`; break;
    case 'not': value = `2 - ${kids}`; break;
    case 'fact': {
      const list = node.op === 'in' || node.op === 'not-in';
      value = `${PRIMITIVE_OF[node.op]}(${access(FACTS_BY_PATH.get(node.fact)!.segments)}, ${list ? set(node.value as unknown[]) : JSON.stringify(node.value)})`;
      break;
    }
    default: value = `n${node.index}(c)`; // levels, level counts, therapies: their leaf function
  }
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
const NODE_BASE = new Set(['index', 'id', 'label', 'source', 'note', 'block', 'parent', 'children', 'depth', 'reads', 'line', 'kind']);

/**
 * The slim model as compact rows plus a tiny inflater: sources are shared (most nodes inherit theirs) and
 * index, parent, depth and reads are recomputed on load rather than shipped.
 */
function compactModelSource(model: PolicyModel): string {
  const slim = slimModel(model);
  const sources = [...new Set(slim.nodes.map((n) => n.source))];
  const rows = slim.nodes.map((n) => {
    const extra = Object.fromEntries(Object.entries(n).filter(([k]) => !NODE_BASE.has(k)));
    return [n.id, n.label, sources.indexOf(n.source), n.kind, n.block, n.children, n.note ?? 0, extra];
  });
  const { nodes: _nodes, ...rest } = slim;
  return [
    `const SOURCES = ${JSON.stringify(sources)};`,
    `const ROWS = ${JSON.stringify(rows)};`,
    `function readsOf(kind, extra) { return kind === 'fact' ? [extra.fact] : kind === 'levels' || kind === 'level-count' ? ['request.levels'] : kind === 'therapies' ? ['conservativeCare.therapies'] : []; }`,
    `function inflate(base) {`,
    `  const nodes = ROWS.map(([id, label, s, kind, block, children, note, extra], index) => ({ index, id, label, source: SOURCES[s], ...(note ? { note } : {}), kind, block, parent: -1, children, depth: 0, reads: readsOf(kind, extra), line: 0, ...extra }));`,
    `  for (const n of nodes) for (const k of n.children) { nodes[k].parent = n.index; nodes[k].depth = n.depth + 1; }`,
    `  return { ...base, nodes };`,
    `}`,
    `export const model = inflate(${JSON.stringify(rest)});`,
  ].join('\n');
}

/**
 * `slim`: the browser's variant. It ships the compact model and only the traced evaluator (block values are
 * read off the trace): the page shows every node's value anyway, and bytes matter more there than the
 * microseconds the fast variant saves.
 */
export function compileModule(model: PolicyModel, options: { slim?: boolean } = {}): string {
  const consts: string[] = [];
  const fns: string[] = [];
  for (const node of model.nodes) {
    // Fact leaves are inline expressions (fast variant) and primitive calls (traced variant).
    const needsLeafFunction = node.children.length === 0 && node.kind !== 'fact';
    if (needsLeafFunction) fns.push(`function n${node.index}(c) {\n  ${leafBody(node, consts)}\n}`);
    fns.push(traceBody(node, consts));
  }
  const roots = model.blocks.map((b) => b.root);
  const fast = options.slim
    ? `export function blocks(c) { const t = trace(c); return [${roots.map((r) => `t[${r}]`).join(', ')}]; }`
    : fastFunction(model, consts);
  return [
    `// Compiled from ${model.file} by src/lib/criteria/compile.ts. Generated: do not edit.`,
    options.slim ? compactModelSource(model) : `export const model = ${JSON.stringify(model)};`,
    `function setHas(list, item) { return list.includes(item) || (item === 'program-referral' && list.includes('program-enrolled')); }`,
    PRIMITIVES,
    ...consts,
    ...fns,
    `/** Block values (0 not met, 1 unknown, 2 met), in block order. */`,
    fast,
    `/** Every node's value, indexed by node.index. */`,
    `export function trace(c) { const t = new Uint8Array(${model.nodes.length}); ${model.blocks.map((b) => `m${b.root}(c, t);`).join(' ')} return t; }`,
    '',
  ].join('\n');
}

/** What a compiled module exports. */
export type CompiledPolicy = {
  model: PolicyModel;
  blocks: (c: unknown) => ArrayLike<number>;
  trace: (c: unknown) => Uint8Array;
};

/**
 * PolicyModel → the source of one standalone ES module: a plain function per node, no interpreter at run
 * time. Two variants are emitted: `blocks(c)` short-circuits and returns only block values (the hot path:
 * comparison page, sweeps, bench), `trace(c)` evaluates every node and fills a value array (explanations).
 * The module embeds its model so the decision layer and renderers need nothing else.
 */
import { FACTS_BY_PATH } from './facts.ts';
import type { ModelNode, PolicyModel } from './model.ts';

const OPS = { eq: '===', ne: '!==', lt: '<', le: '<=', gt: '>', ge: '>=' } as const;

function access(segments: readonly string[]): string {
  return `c${segments.map((s) => `?.[${JSON.stringify(s)}]`).join('')}`;
}

/** Body of the leaf function for one node (fast and trace variants share it). */
function leafBody(node: ModelNode, consts: string[]): string {
  const set = (values: readonly unknown[]) => {
    const name = `R${node.index}`;
    consts.push(`const ${name} = new Set(${JSON.stringify(values)});`);
    return name;
  };
  switch (node.kind) {
    case 'fact': {
      const get = `const v = ${access(FACTS_BY_PATH.get(node.fact)!.segments)}; if (v === undefined || v === null) return 1;`;
      if (node.op === 'in') return `${get} return ${set(node.value as unknown[])}.has(v) ? 2 : 0;`;
      if (node.op === 'not-in') return `${get} return ${set(node.value as unknown[])}.has(v) ? 0 : 2;`;
      if (node.op === 'has') return `${get} return Array.isArray(v) ? (setHas(v, ${JSON.stringify(node.value)}) ? 2 : 0) : 1;`;
      return `${get} return v ${OPS[node.op]} ${JSON.stringify(node.value)} ? 2 : 0;`;
    }
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
    if (!consts.some((c) => c.startsWith(`const ${name} `))) consts.push(`const ${name} = new Set(${JSON.stringify(values)});`);
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

function traceBody(node: ModelNode): string {
  const kids = node.children.map((k) => `m${k}(c, t)`);
  switch (node.kind) {
    case 'all':
      return `let r = 2, v; ${kids.map((k) => `v = ${k}; if (v < r) r = v;`).join(' ')} return (t[${node.index}] = r);`;
    case 'any':
      return `let r = 0, v; ${kids.map((k) => `v = ${k}; if (v > r) r = v;`).join(' ')} return (t[${node.index}] = r);`;
    case 'at-least':
      return `let met = 0, open = 0, v; ${kids.map((k) => `v = ${k}; if (v === 2) met++; else if (v === 1) open++;`).join(' ')} return (t[${node.index}] = met >= ${node.n} ? 2 : met + open < ${node.n} ? 0 : 1);`;
    case 'not':
      return `return (t[${node.index}] = 2 - ${kids[0]});`;
    default:
      return `return (t[${node.index}] = n${node.index}(c));`;
  }
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
    nodes: model.nodes.map((n) => ({ ...n, line: 0 })),
    codes: [], notes: [], examples: [], headings: [],
  };
}

export function compileModule(model: PolicyModel, options: { slim?: boolean } = {}): string {
  const embedded = options.slim ? slimModel(model) : model;
  const consts: string[] = [];
  const fns: string[] = [];
  for (const node of model.nodes) {
    if (node.children.length === 0) fns.push(`function n${node.index}(c) {\n  ${leafBody(node, consts)}\n}`);
    fns.push(`function m${node.index}(c, t) { ${traceBody(node)} }`);
  }
  const fast = fastFunction(model, consts);
  return [
    `// Compiled from ${model.file} by src/lib/criteria/compile.ts. Generated: do not edit.`,
    `export const model = ${JSON.stringify(embedded)};`,
    `function setHas(list, item) { return list.includes(item) || (item === 'program-referral' && list.includes('program-enrolled')); }`,
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

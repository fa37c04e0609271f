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
    const name = `S${node.index}`;
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
      const kinds = `K${node.index}`;
      consts.push(`const ${kinds} = ${JSON.stringify(node.kinds)};`);
      const parts: string[] = [];
      if (node.outcome) parts.push(`p = t.outcome === undefined ? 1 : t.outcome === ${JSON.stringify(node.outcome)} ? 2 : 0; if (p < q) q = p;`);
      if (node.weeks) parts.push(`p = typeof t.weeks !== 'number' ? 1 : t.weeks ${OPS[node.weeks.op]} ${node.weeks.value} ? 2 : 0; if (p < q) q = p;`);
      return [
        `const l = ${access(['conservativeCare', 'therapies'])}; if (!Array.isArray(l)) return 1;`,
        `let met = 0, open = 0;`,
        `for (const k of ${kinds}) {`,
        `  let best = 0;`,
        `  for (const t of l) { if (t?.kind !== k) continue; let q = 2, p; ${parts.join(' ')} if (q > best) best = q; if (best === 2) break; }`,
        `  if (best === 2) met++; else if (best === 1) open++;`,
        `}`,
        `return met >= ${node.atLeast} ? 2 : met + open < ${node.atLeast} ? 0 : 1;`,
      ].join('\n  ');
    }
    default:
      throw new Error(`not a leaf: ${node.kind}`);
  }
}

function fastBody(node: ModelNode): string {
  const calls = node.children.map((k) => `n${k}(c)`);
  switch (node.kind) {
    case 'all':
      return `let r = 2, v; ${calls.map((call) => `v = ${call}; if (v === 0) return 0; if (v < r) r = v;`).join(' ')} return r;`;
    case 'any':
      return `let r = 0, v; ${calls.map((call) => `v = ${call}; if (v === 2) return 2; if (v > r) r = v;`).join(' ')} return r;`;
    case 'at-least':
      return `let met = 0, open = 0, v; ${calls.map((call) => `v = ${call}; if (v === 2) met++; else if (v === 1) open++;`).join(' ')} return met >= ${node.n} ? 2 : met + open < ${node.n} ? 0 : 1;`;
    case 'not':
      return `return 2 - ${calls[0]};`;
    default:
      return '';
  }
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

export function compileModule(model: PolicyModel): string {
  const consts: string[] = [];
  const fns: string[] = [];
  for (const node of model.nodes) {
    const isLeaf = node.children.length === 0;
    fns.push(`function n${node.index}(c) {\n  ${isLeaf ? leafBody(node, consts) : fastBody(node)}\n}`);
    fns.push(`function m${node.index}(c, t) { ${traceBody(node)} }`);
  }
  return [
    `// Compiled from ${model.file} by src/lib/criteria/compile.ts. Generated: do not edit.`,
    `export const model = ${JSON.stringify(model)};`,
    `function setHas(list, item) { return list.includes(item) || (item === 'program-referral' && list.includes('program-enrolled')); }`,
    ...consts,
    ...fns,
    `/** Block values (0 not met, 1 unknown, 2 met), in block order. */`,
    `export function blocks(c) { return [${model.blocks.map((b) => `n${b.root}(c)`).join(', ')}]; }`,
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

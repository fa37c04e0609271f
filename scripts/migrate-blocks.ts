/**
 * `npm run migrate-blocks [-- files…]`: rewrites the leaves of every ```criteria block from the long form
 * (`kind: fact`, `fact:`, `op:`, `value:` on four lines) to the one-line test form (`test: symptoms.painNrs >= 8`).
 * Deterministic and minimal: only the lines of a leaf's kind fields change; ids, labels, sources, notes,
 * comments, prose and examples are left byte for byte. A leaf is converted only when its test reads back to
 * the same fields and none of its kind lines carries a comment; afterwards the whole policy is validated again
 * and must give the same model (every node's fields) and the same examples, or the file is left untouched.
 * Default: every policy in src/content/policies (or POLICIES_DIR).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { TEST_KINDS } from '../src/lib/criteria/kinds/registry.ts';
import { policyFiles } from '../src/lib/criteria/load.ts';
import { formatMessage } from '../src/lib/criteria/messages.ts';
import type { PolicyModel } from '../src/lib/criteria/model.ts';
import { parseMdx } from '../src/lib/criteria/parse.ts';
import { validate } from '../src/lib/criteria/validate.ts';

const COMMON = new Set(['id', 'label', 'source', 'note']);
const DEFAULTS: Record<string, Record<string, unknown>> = { fact: { op: 'eq' }, therapies: { atLeast: 1 } };

type Edit = { from: number; to: number; text: string };

const canonical = (v: unknown): string => JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

/** Offsets of the start of the line holding `offset`, and of the end of the line holding `end` (after its newline). */
function lineSpan(text: string, offset: number, end: number): { from: number; to: number } {
  const from = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', Math.max(end - 1, offset));
  return { from, to: nl < 0 ? text.length : nl + 1 };
}

/** The edits that turn one leaf map into its test form, or none when it cannot be converted safely. */
function leafEdits(map: YAMLMap, text: string, base: number): Edit[] {
  const js = map.toJSON() as Record<string, unknown>;
  const kind = TEST_KINDS.find(([k]) => k === js.kind);
  if (!kind) return [];
  const fields = Object.fromEntries(Object.entries(js).filter(([k]) => !COMMON.has(k)));
  const test = kind[1].test.format(fields);
  // The test must read back to the same fields (defaults filled in on both sides).
  const parsed = kind[1].test.parse(test);
  const want = { ...DEFAULTS[kind[0]], ...fields, kind: undefined };
  if (!parsed.ok || canonical({ ...DEFAULTS[kind[0]], ...parsed.fields }) !== canonical(want)) return [];
  const pairs = map.items.filter((p): p is Pair => isPair(p) && isScalar(p.key) && !COMMON.has(String(p.key.value)));
  const spans = pairs.map((p) => {
    const start = (p.key as { range: [number, number, number] }).range[0];
    const end = (p.value as { range?: [number, number, number] } | null)?.range?.[1] ?? (p.key as { range: [number, number, number] }).range[1];
    return { key: base + start, ...lineSpan(text, base + start, base + end) };
  }).sort((a, b) => a.from - b.from);
  for (const s of spans) {
    const lines = text.slice(s.from, s.to);
    // Only whole lines that hold nothing but this leaf's kind fields (and no comment) are rewritten.
    if (/#/.test(lines.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, ''))) return [];
  }
  for (let i = 1; i < spans.length; i++) if (spans[i]!.from < spans[i - 1]!.to) return [];
  const first = spans[0]!;
  const prefix = text.slice(first.from, first.key);
  if (!/^[ -]*$/.test(prefix)) return [];
  // Keys of the leaf between its kind lines (a label written after `kind:`) stay where they are.
  return [
    { from: first.from, to: first.to, text: `${prefix}test: ${test}\n` },
    ...spans.slice(1).map((s) => ({ from: s.from, to: s.to, text: '' })),
  ];
}

function visitNodes(node: unknown, out: YAMLMap[]): void {
  if (!isMap(node)) return;
  out.push(node);
  const of = node.get('of', true);
  if (isSeq(of)) for (const item of of.items) visitNodes(item, out);
  else visitNodes(of, out);
}

/** Every field of every node except where it is written, and every example: what the migration must keep. */
export function meaning(model: PolicyModel): string {
  return canonical({
    nodes: model.nodes.map(({ line: _l, column: _c, ...rest }) => rest),
    blocks: model.blocks.map(({ line: _l, column: _c, ...rest }) => rest),
    examples: model.examples.map(({ line: _l, ...rest }) => rest),
    notes: model.notes.map(({ line: _l, ...rest }) => rest),
    codes: model.codes.map(({ line: _l, ...rest }) => rest),
    meta: model.meta,
  });
}

export function migrate(file: string, text: string): { text: string; converted: number } {
  const parsed = parseMdx(file, text);
  const edits: Edit[] = [];
  let converted = 0;
  for (const block of parsed.blocks) {
    if (block.lang !== 'criteria') continue;
    const doc = parseDocument(block.yaml.text);
    if (doc.errors.length) continue;
    const maps: YAMLMap[] = [];
    visitNodes(doc.get('tree', true), maps);
    for (const map of maps) {
      const e = leafEdits(map, text, block.yaml.offset);
      if (e.length) { edits.push(...e); converted++; }
    }
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return { text: out, converted };
}

function main(files: string[]): number {
  let failed = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const before = validate(parseMdx(file, text));
    if (!before.model) {
      console.error(`${file}: not migrated, the policy has errors:\n${before.messages.map(formatMessage).join('\n')}`);
      failed++;
      continue;
    }
    const { text: next, converted } = migrate(file, text);
    const after = validate(parseMdx(file, next));
    if (!after.model || meaning(after.model) !== meaning(before.model)) {
      console.error(`${file}: not migrated, the converted policy would differ:\n${after.messages.map(formatMessage).join('\n')}`);
      failed++;
      continue;
    }
    if (next !== text) writeFileSync(file, next);
    console.log(`${file}: ${converted} leaves in the test form`);
  }
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.length > 2 ? process.argv.slice(2) : policyFiles());

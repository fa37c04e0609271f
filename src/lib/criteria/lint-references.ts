/**
 * Every criterion must say what it is and where the payer says it: a label in plain words and a source
 * reference that is not left blank or as a placeholder ("TODO", "TBD", "?"). The schema already requires the
 * fields; this catches the values that satisfy it without meaning anything.
 */
import type { PolicyModel } from './model.ts';

const PLACEHOLDER_WORD = /\b(TODO|TBD|FIXME|XXX)\b/;
const PLACEHOLDER_WHOLE = /^(todo|tbd|fixme|xxx|n\/a|none|source|section|label|placeholder|unknown|[?.…\-–—_]+)$/i;

export function isPlaceholder(text: string): boolean {
  const t = text.trim();
  return t === '' || PLACEHOLDER_WORD.test(t) || PLACEHOLDER_WHOLE.test(t);
}

export type ReferenceFinding = {
  /** 1-based line of the node, block or example the value belongs to. */
  line: number;
  /** The line is a block's opening fence (blocks, codes, examples), not a node's first key. */
  fence: boolean;
  /** The YAML key whose value is wrong (the message points at it). */
  key: 'source' | 'label' | 'title' | 'clause';
  value: string;
  owner: string;
  rule: 'no-source' | 'no-label';
};

export function referenceFindings(model: PolicyModel): ReferenceFinding[] {
  const out: ReferenceFinding[] = [];
  const check = (value: string, line: number, key: ReferenceFinding['key'], owner: string) => {
    if (isPlaceholder(value)) out.push({ line, fence: !owner.startsWith('node'), key, value, owner, rule: key === 'label' || key === 'title' ? 'no-label' : 'no-source' });
  };
  for (const block of model.blocks) {
    check(block.title, block.line, 'title', `block \`${block.id}\``);
    check(block.source, block.line, 'source', `block \`${block.id}\``);
  }
  for (const node of model.nodes) {
    check(node.label, node.line, 'label', `node \`${node.id}\``);
    // Report a source where it is written, not on every node that inherits it.
    const inherited = node.parent >= 0 ? model.nodes[node.parent]!.source : model.blocks[node.block]!.source;
    if (node.source !== inherited) check(node.source, node.line, 'source', `node \`${node.id}\``);
  }
  for (const codes of model.codes) check(codes.source, codes.line, 'source', 'codes block');
  for (const example of model.examples) check(example.clause, example.line, 'clause', `example \`${example.name}\``);
  return out;
}

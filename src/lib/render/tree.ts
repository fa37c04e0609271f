/** Render model of a criteria block: what CriteriaBlock.astro and the /compare/ trace map over. */
import type { ModelBlock, PolicyModel } from '../criteria/model.ts';
import { combinatorWords, conditionWords } from './words.ts';

export type TreeView = {
  id: string;
  label: string;
  combinator: string | null;
  condition: string;
  source: string;
  /** Shown only where it differs from the parent's, so the tree does not repeat itself. */
  showSource: boolean;
  note: string | null;
  children: TreeView[];
};

export type BlockView = {
  id: string;
  title: string;
  source: string;
  role: ModelBlock['role'];
  /** "Indication", "Exclusion → deny (investigational)", "Scope → individual review when not met" */
  effect: string;
  note: string | null;
  tree: TreeView;
};

export function blockEffect(block: ModelBlock): string {
  if (block.role === 'indication') return 'Indication: approve when met';
  const what = block.outcome === 'deny' ? `deny (${block.category?.replace(/-/g, ' ')})` : 'individual review';
  return block.role === 'exclusion' ? `Exclusion: ${what} when met` : `Scope: ${what} when not met`;
}

export function treeView(model: PolicyModel, index: number, parentSource: string | null = null): TreeView {
  const node = model.nodes[index]!;
  return {
    id: node.id,
    label: node.label,
    combinator: combinatorWords(node),
    condition: conditionWords(node),
    source: node.source,
    showSource: node.source !== parentSource,
    note: node.note ?? null,
    children: node.children.map((k) => treeView(model, k, node.source)),
  };
}

export function blockView(model: PolicyModel, blockId: string): BlockView {
  const block = model.blocks.find((b) => b.id === blockId);
  if (!block) throw new Error(`No block ${blockId} in ${model.payer}`);
  return { id: block.id, title: block.title, source: block.source, role: block.role, effect: blockEffect(block), note: block.note ?? null, tree: treeView(model, block.root, block.source) };
}

/**
 * The validated policy model: what every reader (renderer, compiler, interpreter, decision layer, CLI, checks)
 * works from. Plain JSON so the compiled module can embed it. Nodes are flattened in pre-order; a node's
 * `index` is its slot in value arrays (F/U/T per node).
 */
import type { DenyCategory, CodesInput, ExampleInput, Frontmatter } from './block-schema.ts';
import type { ModelNodeOf } from './kinds/registry.ts';
import type { NodeBase } from './kinds/types.ts';

/** A node: the fields every node has plus its kind's own, one member per kind in the registry. */
export type ModelNode = ModelNodeOf;
export type { NodeBase };

export type BlockRole = 'indication' | 'exclusion' | 'scope';

export type ModelBlock = {
  index: number;
  id: string;
  role: BlockRole;
  title: string;
  source: string;
  /** What the block does when it fires (met for indications/exclusions, NOT met for scope). */
  outcome: 'approve' | 'deny' | 'individual-review';
  category?: DenyCategory | undefined;
  note?: string | undefined;
  versions?: string[] | undefined;
  root: number;
  line: number;
  /** Column of the opening fence (1: fences start at column 1). */
  column?: number | undefined;
};

/** `allow`: lint findings the note justifies for its nodes (`unreachable`, `unpinned`). */
export type ModelNote = { id: string; nodes: string[]; allow?: string[] | undefined; text: string; line: number };
export type ModelExample = ExampleInput & { line: number };
export type ModelCodes = CodesInput & { line: number };

export type PolicyModel = {
  payer: string;
  file: string;
  meta: Frontmatter;
  blocks: ModelBlock[];
  nodes: ModelNode[];
  codes: ModelCodes[];
  notes: ModelNote[];
  examples: ModelExample[];
  headings: Array<{ depth: number; text: string; line: number }>;
};

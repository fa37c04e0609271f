/**
 * The validated policy model: what every reader (renderer, compiler, interpreter, decision layer, CLI, checks)
 * works from. Plain JSON so the compiled module can embed it. Nodes are flattened in pre-order; a node's
 * `index` is its slot in value arrays (F/U/T per node).
 */
import type { Comparison, DenyCategory, CodesInput, ExampleInput, Frontmatter, FactOp } from './block-schema.ts';
import type { Level } from './levels.ts';

type NodeBase = {
  index: number;
  id: string;
  label: string;
  /** Resolved source reference (inherited from the parent when the author gave none). */
  source: string;
  note?: string | undefined;
  block: number;
  parent: number;
  children: number[];
  depth: number;
  /** Topics the author added (`topics:`); the topics of the facts it reads are derived (topics.ts). */
  topics?: string[] | undefined;
  /** Case fact paths this node reads directly (leaves only). */
  reads: string[];
  /** Where the node is written: 1-based line in the MDX file. */
  line: number;
};

export type ModelNode = NodeBase & (
  | { kind: 'all' | 'any' | 'not' }
  | { kind: 'at-least'; n: number }
  | { kind: 'fact'; fact: string; op: FactOp; value: string | number | boolean | Array<string | number | boolean> }
  | { kind: 'levels'; quantifier: 'every' | 'some' | 'none'; within: string; set: Level[] }
  | { kind: 'level-count'; op: Comparison; value: number }
  | { kind: 'therapies'; kinds: string[]; outcome?: 'failed' | 'improved' | undefined; weeks?: { op: Comparison; value: number } | undefined; atLeast: number }
);

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
};

export type ModelNote = { id: string; nodes: string[]; text: string; line: number };
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

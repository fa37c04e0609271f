/**
 * What a matrix cell states about one criterion, as data: the exact threshold, range or set, taken from the
 * node (never retyped), with its words. Tests sweep each stated boundary against the compiled evaluator, so
 * a cell cannot say "at most 2 levels" while the criteria say 3.
 */
import type { Comparison, FactOp } from '../criteria/block-schema.ts';
import type { Level } from '../criteria/levels.ts';
import type { ModelNode, PolicyModel } from '../criteria/model.ts';
import { conditionWords } from '../render/words.ts';

/** `node`: the criterion's id, or '' for what the frontmatter states (a version's dates). */
type Base = { payer: string; node: string; text: string };

export type Claim = Base & (
  | { kind: 'number'; fact: string; op: Comparison; value: number }
  | { kind: 'values'; fact: string; op: FactOp; values: Array<string | boolean> }
  | { kind: 'levels'; quantifier: 'every' | 'some' | 'none'; levels: Level[] }
  | { kind: 'level-count'; op: Comparison; value: number }
  | { kind: 'therapies'; kinds: string[]; outcome?: 'failed' | 'improved' | undefined; weeks?: { op: Comparison; value: number } | undefined; atLeast: number }
  | { kind: 'version'; version: string; effective: string; until?: string | undefined }
);

/** How a leaf sits in its block: under a NOT (odd count), under an ALL / ANY (AT LEAST counts as ANY). */
export type Placement = { negated: boolean; underAll: boolean; underAny: boolean };

export function placement(model: PolicyModel, node: ModelNode): Placement {
  const out = { negated: false, underAll: false, underAny: false };
  for (let p = node.parent; p >= 0; p = model.nodes[p]!.parent) {
    const parent = model.nodes[p]!;
    if (parent.kind === 'not') out.negated = !out.negated;
    else if (parent.kind === 'any' || parent.kind === 'at-least') out.underAny = true;
    else if (parent.kind === 'all' && parent.children.length > 1) out.underAll = true;
  }
  return out;
}

/** The claim a leaf makes; combinators make none (their leaves do). */
export function claimOf(payer: string, node: ModelNode): Claim | null {
  const base = { payer, node: node.id, text: conditionWords(node) };
  switch (node.kind) {
    case 'fact':
      if (typeof node.value === 'number' && node.op !== 'in' && node.op !== 'not-in' && node.op !== 'has') {
        return { ...base, kind: 'number', fact: node.fact, op: node.op, value: node.value };
      }
      return { ...base, kind: 'values', fact: node.fact, op: node.op, values: (Array.isArray(node.value) ? node.value : [node.value]) as Array<string | boolean> };
    case 'levels':
      return { ...base, kind: 'levels', quantifier: node.quantifier, levels: node.set };
    case 'level-count':
      return { ...base, kind: 'level-count', op: node.op, value: node.value };
    case 'therapies':
      return { ...base, kind: 'therapies', kinds: node.kinds, outcome: node.outcome, weeks: node.weeks, atLeast: node.atLeast };
    default:
      return null;
  }
}

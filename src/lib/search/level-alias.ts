/**
 * Search aliases for `levels` nodes. On the page a levels node reads "Every treated level within T5–L5" (en
 * dash, merged ranges: "C1-C7, T1-T4" shows as "C1–T4"). Clinicians type `T5-L5` or `T1-T4`, or one level.
 * The alias, indexed but not displayed, gives the range as authored and as shown, in ASCII, and every level
 * the node covers, so a query for a range or a level finds each node whose range covers it.
 */
import { formatLevels, type Level } from '../criteria/levels.ts';
import type { ModelNode, PolicyModel } from '../criteria/model.ts';

export function levelAlias(within: string, set: readonly Level[]): string {
  const ranges = [...new Set([within, formatLevels(set)].map((r) => r.replace(/\s*[–—]\s*/g, '-')))];
  return `Levels ${ranges.join('; ')}: ${set.join(' ')}`;
}

/** Alias text by node id, for the levels nodes of one policy. */
export function levelAliases(model: PolicyModel): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const node of model.nodes) {
    if (node.kind === 'levels') aliases[node.id] = levelAlias(node.within, node.set);
  }
  return aliases;
}

/** Does a levels node's range cover every level of `range` (e.g. "T1-T4")? */
export function covers(node: Extract<ModelNode, { kind: 'levels' }>, range: readonly Level[]): boolean {
  return range.length > 0 && range.every((level) => node.set.includes(level));
}

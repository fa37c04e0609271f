/**
 * The numbers policies compare facts with: each fact path's thresholds, plus `weeks` (therapy durations) and
 * `levels` (level counts). Sweeps and case generators probe around these, where decisions change.
 */
import type { PolicyModel } from './model.ts';

export function thresholds(models: readonly PolicyModel[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const add = (key: string, v: number) => out.set(key, [...(out.get(key) ?? []), v]);
  for (const m of models) for (const n of m.nodes) {
    if (n.kind === 'fact' && typeof n.value === 'number') add(n.fact, n.value);
    if (n.kind === 'therapies' && n.weeks) add('weeks', n.weeks.value);
    if (n.kind === 'level-count') add('levels', n.value);
  }
  return out;
}

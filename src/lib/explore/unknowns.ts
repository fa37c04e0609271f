/**
 * "Asks for more": from an anchor where a pair agrees on a decision, one known fact made unknown at a time.
 * Where one payer then needs information and the other still decides, the first asks for a fact the second
 * decides without: a difference of its own (issue #15), reported as a candidate like any sweep's. Only fields
 * whose absence is "unknown" are tried: a therapy kind left out of the list means "not tried", not unknown.
 */
import type { Dimension } from './dimensions.ts';
import type { Field } from './fields.ts';
import { agreeing, type AnchorRun } from './sweep.ts';

const decided = (o: string) => o !== 'needs-information' && o !== 'not-in-effect';

/** Evaluates each known field of the anchor made unknown; returns the number of cases evaluated. */
export function asksForMore(run: AnchorRun, dims: readonly Dimension[]): number {
  const open = agreeing(run);
  if (open.length === 0) return 0;
  const fields = new Map<string, Field>();
  for (const d of dims) if (d.kind !== 'therapy' && d.field.get(run.anchor) !== undefined) fields.set(d.field.key, d.field);
  for (const field of fields.values()) {
    const outs = run.ev.variant(field.set(run.anchor, undefined), run.base, [field.reads]);
    for (const k of open) {
      const [i, j] = run.pairs[k]!;
      const [a, b] = [outs[i]!, outs[j]!];
      if (a === b || decided(a) === decided(b) || [a, b].includes('not-in-effect')) continue;
      const change = `${field.key}|${JSON.stringify(field.get(run.anchor))}|unknown`;
      run.onCandidate({ edits: [{ field, to: undefined }], change, pair: k, outcomes: `${a}|${b}`, found: 'sweep' });
    }
  }
  return fields.size;
}

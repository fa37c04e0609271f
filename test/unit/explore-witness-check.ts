/** Shared assertions on one witness: it splits its pair, its anchor does not, and it is locally minimal. */
import { expect } from 'vitest';
import type { CompiledPolicy } from '../../src/lib/criteria/compile.ts';
import { decide } from '../../src/lib/criteria/decide.ts';
import { mergeCase } from '../../src/lib/criteria/examples.ts';
import { outcomeKey } from '../../src/lib/explore/outcome.ts';
import type { Anchor, Witness } from '../../src/lib/explore/types.ts';

/** The anchor with some of the witness's changes applied, written independently of the explorer's fields. */
function applyChanges(anchor: Anchor['case'], changes: Witness['changes']): unknown {
  let c: unknown = structuredClone(anchor);
  for (const ch of changes) {
    const therapy = /^conservativeCare\.therapies\[(.+)\]$/.exec(ch.field);
    if (therapy) {
      const list = ((c as { conservativeCare?: { therapies?: Array<{ kind: string }> } }).conservativeCare?.therapies ?? []).filter((t) => t.kind !== therapy[1]);
      if (ch.to !== undefined) list.push({ kind: therapy[1]!, ...(ch.to as object) });
      c = mergeCase(c, { conservativeCare: { therapies: list } });
      continue;
    }
    const keys = ch.field.split('.');
    const patch = keys.reduceRight<unknown>((inner, k) => ({ [k]: inner }), ch.to);
    c = mergeCase(c, patch);
  }
  return c;
}

/** A field's value on a case: a fact path, or one therapy kind's `{weeks, outcome}`. */
function readField(c: Anchor['case'], field: string): unknown {
  const therapy = /^conservativeCare\.therapies\[(.+)\]$/.exec(field);
  if (therapy) {
    const t = c.conservativeCare?.therapies?.find((x) => x.kind === therapy[1]);
    if (!t) return undefined;
    const { kind: _, ...rest } = t;
    return rest;
  }
  return field.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], c);
}

const sortTherapies = (c: unknown) => JSON.parse(JSON.stringify(c, (k, v) => (k === 'therapies' && Array.isArray(v) ? [...v].sort((a, b) => a.kind.localeCompare(b.kind)) : v)));

export function checkWitness(w: Witness, policies: readonly CompiledPolicy[], anchors: readonly Anchor[]): void {
  const [a, b] = w.pair.map((id) => policies.find((p) => p.model.payer === id)!);
  const outcomes = (c: unknown) => [outcomeKey(decide(a!, c, { explain: false })), outcomeKey(decide(b!, c, { explain: false }))];
  const anchor = anchors.find((x) => x.name === w.anchor)!;
  const label = `${w.pair.join(' × ')} ${w.theme}`;

  const split = outcomes(w.case);
  expect(split[0], label).not.toBe(split[1]);
  expect(split, label).toEqual(w.sides.map((s) => s.outcome));
  const [x, y] = outcomes(anchor.case);
  expect(x, `${label}: the anchor agrees`).toBe(y);

  const { id: _, ...rest } = w.case;
  const { id: __, ...anchorRest } = anchor.case;
  expect(sortTherapies(applyChanges(anchorRest, w.changes)), label).toEqual(sortTherapies(rest));
  for (const c of w.changes) expect(c.from, `${label}: ${c.field} before`).toEqual(readField(anchor.case, c.field));
  // Local minimality: dropping any one change brings the pair back together.
  if (w.changes.length > 1) {
    for (let i = 0; i < w.changes.length; i++) {
      const [p, q] = outcomes(applyChanges(anchor.case, w.changes.filter((_, j) => j !== i)));
      expect(p, `${label}: without change ${i} the pair agrees`).toBe(q);
    }
  }
}

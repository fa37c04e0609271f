/**
 * Anchor cases the sweeps start from: the public examples, then every policy's own examples (the authors'
 * typical cases per pathway, resolved against their public base). Duplicates are dropped; order is kept, so
 * witnesses prefer the public examples.
 */
import { caseSchema, type Case } from '../criteria/case-schema.ts';
import type { CompiledPolicy } from '../criteria/compile.ts';
import { mergeCase, type PublicExample } from '../criteria/examples.ts';
import type { Anchor } from './types.ts';

const withoutId = (c: Case) => JSON.stringify({ ...c, id: undefined });

export function defaultAnchors(publicExamples: readonly PublicExample[], policies: readonly CompiledPolicy[]): Anchor[] {
  const byName = new Map(publicExamples.map((e) => [e.name, e.case]));
  const candidates: Anchor[] = [
    ...publicExamples.map((e) => ({ name: e.name, summary: e.summary, case: e.case })),
    ...policies.flatMap(({ model }) => model.examples.flatMap((e) => {
      const parsed = caseSchema.safeParse(mergeCase(e.base ? byName.get(e.base) ?? {} : {}, e.case));
      return parsed.success ? [{ name: `${model.payer}/${e.name}`, summary: e.clause, case: parsed.data }] : [];
    })),
  ];
  return dedupe(candidates);
}

function dedupe(anchors: readonly Anchor[]): Anchor[] {
  const seen = new Set<string>();
  return anchors.filter((a) => {
    const key = withoutId(a.case);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

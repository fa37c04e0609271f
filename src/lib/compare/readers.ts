/** Which payers read each case field: shown beside the field so a reader knows whose decision it can change. */
import type { PolicyModel } from '../criteria/model.ts';
import { payerName } from './words.ts';

/** Field path → the short names of the payers whose criteria read it, in payer order. */
export function readersByField(models: readonly PolicyModel[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of models) {
    const name = shortPayerName(m);
    for (const path of new Set(m.nodes.flatMap((n) => n.reads))) out.set(path, [...(out.get(path) ?? []), name]);
  }
  return out;
}

/** "Cohere Health" → "Cohere": as the decisions strip names payers. */
export function shortPayerName(model: PolicyModel): string {
  return payerName(model).split(' ')[0]!;
}

/** Per policy, what its FHIR files hold, for the /fhir/ page (counts in words, file links). */
import type { PolicyModel } from '../criteria/model.ts';
import { fhirPath, versionsOf } from './canonical.ts';
import type { FhirFile } from './files.ts';
import { LIBRARY_FILE, QUESTIONNAIRE_FILE } from './files.ts';

type QItem = { type: string; item?: QItem[] };

export type FhirSummary = { payer: string; name: string; version: string; effective: string; criteria: number; blocks: number; questions: number; topics: number; library: string; questionnaire: string };

const countQuestions = (items: readonly QItem[]): number => items.reduce((n, i) => n + (i.type === 'group' && i.item ? countQuestions(i.item) : 1), 0);

export function fhirSummary(model: PolicyModel, files: readonly FhirFile[]): FhirSummary {
  const latest = versionsOf(model).at(-1)!;
  const q = files.find((f) => f.name === QUESTIONNAIRE_FILE)!.resource as { item: QItem[] };
  const blocks = model.blocks.filter((b) => !b.versions || b.versions.includes(latest.version));
  const kept = new Set(blocks.map((b) => b.index));
  return {
    payer: model.payer,
    name: model.meta.payerName,
    version: latest.version,
    effective: latest.effective,
    criteria: model.nodes.filter((n) => kept.has(n.block)).length,
    blocks: blocks.length,
    questions: countQuestions(q.item),
    topics: q.item.length,
    library: fhirPath(model.payer, LIBRARY_FILE),
    questionnaire: fhirPath(model.payer, QUESTIONNAIRE_FILE),
  };
}

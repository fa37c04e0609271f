/**
 * QuestionnaireResponse ⇄ case. A question's linkId is its fact's case path; an item without an answer (or
 * absent) is unknown, so the fact is left out of the case, never set to false or zero. A list that may be
 * empty is `[]` when its "none" question is answered yes. Therapies are repeated groups of kind/weeks/outcome.
 */
import { writePath } from '../criteria/paths.ts';
import { readFact } from '../criteria/facts.ts';
import { canonical, type Version } from './canonical.ts';
import { codeSystem, EMPTY_ALLOWED, noneLinkId, type Item } from './questionnaire.ts';
import { factOf } from './parameters.ts';
import type { PolicyModel } from '../criteria/model.ts';

export type Answer = Record<string, unknown>;
export type ResponseItem = { linkId: string; text?: string; answer?: Answer[]; item?: ResponseItem[] };
export type QuestionnaireResponse = { resourceType: 'QuestionnaireResponse'; status: string; questionnaire?: string; item?: ResponseItem[] };

function answerOf(type: string, path: string, v: unknown): Answer {
  switch (type) {
    case 'boolean': return { valueBoolean: v };
    case 'decimal': return { valueDecimal: v };
    case 'date': return { valueDate: v };
    case 'choice': return { valueCoding: { system: codeSystem(path), code: v } };
    default: return { valueString: v };
  }
}

function valueOf(a: Answer): unknown {
  if ('valueCoding' in a) return (a.valueCoding as { code?: string }).code;
  for (const k of ['valueBoolean', 'valueDecimal', 'valueInteger', 'valueDate', 'valueString']) if (k in a) return a[k];
  return undefined;
}

/** The questions of a Questionnaire, by linkId (groups flattened; a repeated group's own items kept). */
function questions(items: readonly Item[], out = new Map<string, Item>()): Map<string, Item> {
  for (const i of items) {
    if (i.type === 'group' && !i.repeats) questions(i.item ?? [], out);
    else out.set(i.linkId, i);
  }
  return out;
}

/** A case → the QuestionnaireResponse answering the Questionnaire (facts the form does not ask are dropped). */
export function caseToResponse(questionnaire: { item: Item[]; version?: unknown }, c: unknown, model: PolicyModel, version: Version): QuestionnaireResponse {
  const groups: ResponseItem[] = [];
  for (const group of questionnaire.item) {
    const items: ResponseItem[] = [];
    for (const q of group.item ?? []) {
      if (q.linkId.endsWith(':none')) continue;
      const v = readFact(c, factOf(q.linkId).segments);
      if (v === undefined || v === null) continue;
      if (Array.isArray(v) && !v.length) {
        if (EMPTY_ALLOWED.has(factOf(q.linkId).type)) items.push({ linkId: noneLinkId(q.linkId), answer: [{ valueBoolean: true }] });
        continue;
      }
      if (q.type === 'group') {
        // One repeated group per therapy; a field left out of the therapy stays unanswered.
        for (const row of v as Array<Record<string, unknown>>) {
          const sub = (q.item ?? []).flatMap((s) => {
            const x = row[s.linkId.slice(q.linkId.length + 1)];
            return x === undefined || x === null ? [] : [{ linkId: s.linkId, answer: [answerOf(s.type, s.linkId, x)] }];
          });
          items.push({ linkId: q.linkId, item: sub });
        }
        continue;
      }
      if (EMPTY_ALLOWED.has(factOf(q.linkId).type)) items.push({ linkId: noneLinkId(q.linkId), answer: [{ valueBoolean: false }] });
      items.push({ linkId: q.linkId, answer: (Array.isArray(v) ? v : [v]).map((x) => answerOf(q.type, q.linkId, x)) });
    }
    if (items.length) groups.push({ linkId: group.linkId, item: items });
  }
  return { resourceType: 'QuestionnaireResponse', status: 'completed', questionnaire: `${canonical(model.payer, 'Questionnaire')}|${version.version}`, item: groups };
}

/**
 * A QuestionnaireResponse → a case, read against its Questionnaire (for the answer types). Unanswered questions
 * are left out (unknown). An item the Questionnaire does not have is a problem (named by its linkId), never
 * silently read. The case is then validated like any other (case-schema.ts).
 */
export function responseToCase(questionnaire: { item: Item[] }, response: QuestionnaireResponse): { case: Record<string, unknown>; problems: string[] } {
  const byId = questions(questionnaire.item);
  const groups = new Set(questionnaire.item.map((g) => g.linkId));
  const c: Record<string, unknown> = {};
  const problems: string[] = [];
  const visit = (items: readonly ResponseItem[]) => {
    for (const r of items) {
      const q = byId.get(r.linkId);
      if (!q) {
        if (groups.has(r.linkId)) visit(r.item ?? []);
        else problems.push(`Unexpected item \`${r.linkId}\`, expected a question of the Questionnaire`);
        continue;
      }
      if (r.linkId.endsWith(':none')) {
        const path = r.linkId.slice(0, -':none'.length);
        if (r.answer?.some((a) => valueOf(a) === true) && readFact(c, factOf(path).segments) === undefined) writePath(c, path, []);
        continue;
      }
      if (q.type === 'group') {
        const row: Record<string, unknown> = {};
        for (const s of r.item ?? []) {
          const v = s.answer?.length ? valueOf(s.answer[0]!) : undefined;
          if (v !== undefined) row[s.linkId.slice(r.linkId.length + 1)] = v;
        }
        const list = (readFact(c, factOf(r.linkId).segments) as unknown[] | undefined) ?? [];
        writePath(c, r.linkId, [...list, row]);
        continue;
      }
      const values = (r.answer ?? []).map(valueOf).filter((v) => v !== undefined);
      if (!values.length) continue;
      writePath(c, r.linkId, q.repeats ? values : values[0]);
    }
  };
  visit(response.item ?? []);
  return { case: c, problems };
}

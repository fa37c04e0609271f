/**
 * One FHIR R4 Questionnaire (SDC style, as a DTR form would use) per policy version: one item per fact the
 * version's Library reads, grouped by criteria topic (topics.ts), worded as the /compare/ form words it
 * (form-model.ts), with the case schema's choices, units and ranges, and `enableWhen` where a question only
 * matters on a branch (enable-when.ts). linkIds are the facts' case paths, so response-mapping.ts can turn a
 * QuestionnaireResponse into a case and back. A list fact that may be empty (therapies, osteoporosis care) has a
 * "none" question before it: an unanswered list is unknown, "none" is the empty list.
 */
import { FIELDS_BY_PATH, type FormField } from '../compare/form-model.ts';
import { versionBlocks } from '../criteria/decide.ts';
import type { PolicyModel } from '../criteria/model.ts';
import { THERAPIES_FACT } from '../criteria/structured-facts.ts';
import { TOPICS } from '../criteria/topics.ts';
import { canonical, computableName, resourceId, SITE_BASE, type Version } from './canonical.ts';
import { factGuards, type Guard } from './enable-when.ts';
import { buildElmLibrary } from './library.ts';
import { factOf } from './parameters.ts';

export type Item = Record<string, unknown> & { linkId: string; type: string; item?: Item[] };

const EXT = 'http://hl7.org/fhir/StructureDefinition';
/** The answer codes' system: the case format's values of one field. */
export const codeSystem = (path: string) => `${SITE_BASE}/fhir/case-format/${path}`;
/** The "none" question of a list fact. */
export const noneLinkId = (path: string) => `${path}:none`;
/** Lists whose emptiness is an answer (the case format accepts `[]`). */
export const EMPTY_ALLOWED = new Set(['set', 'therapies']);

const UCUM: Record<string, string> = { years: 'a', weeks: 'wk', '%': '%' };
function numberExtensions(min: number, max: number, unit: string): Record<string, unknown>[] {
  return [
    { url: `${EXT}/minValue`, valueDecimal: min },
    { url: `${EXT}/maxValue`, valueDecimal: max },
    ...(unit ? [{ url: `${EXT}/questionnaire-unit`, valueCoding: UCUM[unit] ? { system: 'http://unitsofmeasure.org', code: UCUM[unit], display: unit } : { display: unit } }] : []),
  ];
}

const options = (path: string, choices: ReadonlyArray<{ value: string; label: string }>) =>
  choices.filter((c) => c.value !== '').map((c) => ({ valueCoding: { system: codeSystem(path), code: c.value, display: c.label } }));

function enableWhen(guards: readonly Guard[]): Record<string, unknown> {
  if (!guards.length) return {};
  const OP = { eq: '=', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' } as const;
  return {
    enableWhen: guards.map((g) => ({
      question: g.fact,
      operator: OP[g.op],
      ...(typeof g.value === 'boolean' ? { answerBoolean: g.value } : typeof g.value === 'number' ? { answerDecimal: g.value } : { answerCoding: { system: codeSystem(g.fact), code: g.value } }),
    })),
    ...(guards.length > 1 ? { enableBehavior: 'all' } : {}),
  };
}

/** The items for one fact (its question, and for a list that may be empty the "none" question first). */
function factItems(field: FormField, guards: readonly Guard[]): Item[] {
  const base = { linkId: field.path, text: field.title };
  const when = enableWhen(guards);
  const none: Item = { linkId: noneLinkId(field.path), text: `${field.title}: none`, type: 'boolean', ...when };
  const unlessNone = { enableWhen: [...((when.enableWhen as unknown[]) ?? []), { question: none.linkId, operator: '!=', answerBoolean: true }], enableBehavior: 'all' };
  switch (field.kind) {
    case 'boolean': return [{ ...base, type: 'boolean', ...when }];
    case 'number': return [{ ...base, type: 'decimal', extension: numberExtensions(field.min, field.max, field.unit), ...when }];
    case 'enum': return [{ ...base, type: 'choice', answerOption: options(field.path, field.choices), ...when }];
    case 'date': return [{ ...base, type: 'date', ...when }];
    case 'text': return [{ ...base, type: 'string', maxLength: field.maxLength, ...when }];
    case 'levels': return [{ ...base, type: 'choice', repeats: true, answerOption: options(field.path, field.choices), ...when }];
    case 'set': return [none, { ...base, type: 'choice', repeats: true, answerOption: options(field.path, field.choices), ...unlessNone }];
    case 'therapies': {
      const t = field.therapy;
      // A therapy's fields are titled in the case schema like any fact.
      const part = (key: string) => THERAPIES_FACT.item[key]?.title ?? key;
      return [none, {
        ...base, type: 'group', repeats: true, ...unlessNone,
        item: [
          { linkId: `${field.path}.kind`, text: part('kind'), type: 'choice', required: true, answerOption: options(`${field.path}.kind`, t.kinds) },
          { linkId: `${field.path}.weeks`, text: part('weeks'), type: 'decimal', extension: numberExtensions(t.weeks.min, t.weeks.max, t.weeks.unit) },
          { linkId: `${field.path}.outcome`, text: part('outcome'), type: 'choice', answerOption: options(`${field.path}.outcome`, t.outcomes) },
        ],
      }];
    }
  }
}

/** The fact paths the Questionnaire asks, in the Library's parameter order. */
export function questionPaths(model: PolicyModel, version: Version): string[] {
  return buildElmLibrary(model, version).parameters;
}

export function questionnaireResource(model: PolicyModel, version: Version, paths = questionPaths(model, version)): Record<string, unknown> {
  const guards = factGuards(model, new Set(versionBlocks(model, version.version).map((b) => b.index)));
  const asked = new Set(paths);
  const groups = TOPICS.flatMap((topic) => {
    const facts = paths.filter((p) => factOf(p).topic === topic.id);
    if (!facts.length) return [];
    // Guards only on questions the form asks.
    const items = facts.flatMap((p) => factItems(FIELDS_BY_PATH.get(p)!, (guards.get(p) ?? []).filter((g) => asked.has(g.fact))));
    return [{ linkId: `topic-${topic.id}`, text: topic.name, type: 'group', item: items }];
  });
  const { meta } = model;
  return {
    resourceType: 'Questionnaire',
    id: resourceId(model.payer, version.version),
    meta: { profile: ['http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire'] },
    url: canonical(model.payer, 'Questionnaire'),
    version: version.version,
    name: computableName(model.payer),
    title: `${meta.payerName}: ${meta.title} (documentation)`,
    status: 'active',
    experimental: false,
    subjectType: ['Patient'],
    publisher: meta.payerName,
    description: `The facts ${meta.payerName}'s policy "${meta.title}", version ${version.version}, reads, as questions grouped by topic. Each answer is the Library's parameter of the same name (the linkId is the case path); a question left empty is unknown, never "no".`,
    effectivePeriod: { start: version.effective, ...(version.until ? { end: version.until } : {}) },
    // The Library whose parameters the answers are (DTR: the form's logic library).
    extension: [{ url: `${EXT}/cqf-library`, valueCanonical: `${canonical(model.payer, 'Library')}|${version.version}` }],
    item: groups,
  };
}

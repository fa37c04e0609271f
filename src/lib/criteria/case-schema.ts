/**
 * The case format, version 1 (../shared/case-format.md), as zod: the single source of the case's types, of
 * validation (CLI, permalinks), of the comparison form and of the fact names criteria may use.
 * Every field is optional because an absent field is *unknown*, never false. Objects are strict so that a
 * misspelt field is refused rather than silently read as unknown.
 *
 * Written with zod/mini because it ships to the browser (/compare/ validates permalinks and the form with it):
 * the same schema at a fraction of classic zod's size. Titles, units and criteria topics (topics.ts) are
 * metadata in the global registry; schema-introspect.ts reads them back. A group's topic is its fields' default.
 */
import * as z from 'zod/mini';
import { ISO_DATE, isCalendarDate } from './dates.ts';
import { LEVELS } from './levels.ts';
import type { FactTopics, TopicId } from './topics.ts';

type Meta = { title: string; unit?: string; format?: 'date' } & Partial<FactTopics>;
const titled = <S extends z.ZodMiniType>(schema: S, meta: Meta): S => {
  z.globalRegistry.add(schema, meta);
  return schema;
};

const bool = (title: string, topic?: TopicId) => z.optional(titled(z.boolean(), { title, ...(topic && { topic }) }));
const num = (title: string, min: number, max: number, unit = '', topic?: TopicId) =>
  z.optional(titled(z.number().check(z.minimum(min), z.maximum(max)), { title, unit, ...(topic && { topic }) }));
const oneOf = <T extends readonly [string, ...string[]]>(title: string, values: T, topics?: FactTopics) =>
  z.optional(titled(z.enum(values), { title, ...topics }));
const group = <S extends z.ZodMiniType>(title: string, schema: S, topic?: TopicId) => z.optional(titled(schema, { title, ...(topic && { topic }) }));

export const TECHNIQUES = [
  'vertebroplasty', 'balloon-kyphoplasty', 'kiva', 'spinejack', 'radiofrequency-kyphoplasty',
  'vertebral-body-stenting', 'spinoplasty', 'other-mechanical', 'rfa-plus-augmentation',
] as const;
export const PURPOSES = ['treat-fracture-or-lesion', 'prophylaxis-for-fusion', 'prophylaxis-osteoporosis', 'prophylaxis-chronic-pain'] as const;
export const ETIOLOGIES = [
  'osteoporotic', 'steroid-induced', 'osteonecrosis', 'osteolytic-metastasis', 'multiple-myeloma',
  'primary-bone-malignancy', 'hemangioma', 'eosinophilic-granuloma', 'high-energy-trauma', 'sacral-insufficiency', 'none',
] as const;
export const THERAPY_KINDS = [
  'otc-analgesic', 'prescription-analgesic', 'physical-therapy', 'home-exercise-program', 'orthosis', 'bed-rest', 'activity-modification',
] as const;
/** Etiologies that belong to another topic than "fracture type". */
const ETIOLOGY_TOPICS: FactTopics['valueTopics'] = {
  'osteolytic-metastasis': 'malignancy', 'multiple-myeloma': 'malignancy', 'primary-bone-malignancy': 'malignancy',
  hemangioma: 'hemangioma', 'eosinophilic-granuloma': 'hemangioma', 'high-energy-trauma': 'trauma',
  'sacral-insufficiency': 'sacroplasty', none: 'prophylaxis',
};
export const OSTEOPOROSIS_CARE = ['bmd-referral', 'education-referral', 'program-referral', 'program-enrolled'] as const;

const isoDate = z.string().check(
  z.regex(ISO_DATE, 'Expected a date as YYYY-MM-DD'),
  z.refine((s) => !ISO_DATE.test(s) || isCalendarDate(s), 'Expected a real calendar date'),
);

/**
 * Lists whose emptiness or repetition would change a decision are refused (README, "Additions"): a request
 * names at least one level, each at most once, and a step of osteoporosis care is taken or not. The issue's
 * path points at the repeated item (`request.levels[3]`), so the form and the CLI show where it is.
 */
const distinct = (what: string) => z.check<unknown[]>((ctx) => {
  const first = new Map<unknown, number>();
  ctx.value.forEach((v, i) => {
    const at = first.get(v);
    if (at === undefined) first.set(v, i);
    else ctx.issues.push({ code: 'custom', input: v, path: [i], message: `expected each ${what} at most once (first at [${at}])` });
  });
});
const nonEmpty = (what: string) => z.check<unknown[]>((ctx) => {
  if (!ctx.value.length) ctx.issues.push({ code: 'custom', input: ctx.value, message: `expected at least one ${what}` });
});

export const therapySchema = z.strictObject({
  /** Kind of non-surgical therapy. */
  kind: titled(z.enum(THERAPY_KINDS), { title: 'Therapy', topic: 'conservative-care' }),
  /** Duration in weeks; absent = unknown. */
  weeks: num('Weeks', 0, 520, 'weeks', 'conservative-care'),
  /** `failed`: less than clinically meaningful improvement. */
  outcome: oneOf('Outcome', ['failed', 'improved'] as const, { topic: 'conservative-care' }),
});

export const caseSchema = z.strictObject({
  id: z.optional(titled(z.string().check(z.maxLength(200)), { title: 'Case label', topic: 'date-version' })),
  dateOfService: z.optional(titled(isoDate, { title: 'Date of service', format: 'date', topic: 'date-version' })),
  coverage: oneOf('Line of business', ['commercial', 'medicare', 'medicaid'] as const, { topic: 'line-of-business' }),
  ageYears: num('Age', 0, 130, 'years', 'age'),
  request: group('Request', z.strictObject({
    technique: oneOf('Technique or device', TECHNIQUES, { topic: 'technique' }),
    levels: z.optional(titled(z.array(z.enum(LEVELS)).check(z.maxLength(30), nonEmpty('level'), distinct('level')), { title: 'Levels treated', topic: 'level-range' })),
    purpose: oneOf('Purpose', PURPOSES, { topic: 'prophylaxis' }),
    cementFdaApproved: bool('Cement and devices FDA-approved/cleared', 'technique'),
  })),
  diagnosis: group('Diagnosis', z.strictObject({
    etiology: oneOf('Etiology', ETIOLOGIES, { topic: 'fracture-type', valueTopics: ETIOLOGY_TOPICS }),
    hemangiomaAggressive: bool('Aggressive lesion features on imaging', 'hemangioma'),
    lowEnergyMechanism: bool('Low-energy mechanism', 'trauma'),
    traumaticEvent: bool('Distinct traumatic event', 'trauma'),
    fractureAgeWeeks: num('Weeks since symptom onset', 0, 5200, 'weeks', 'fracture-age'),
    symptomatic: bool('Fracture or lesion symptomatic', 'fracture-type'),
    imaging: group('Imaging', z.strictObject({
      modality: oneOf('Best imaging', ['mri', 'ct', 'bone-scan', 'spect-ct', 'xray'] as const),
      acuteFindings: bool('Acute findings (edema / uptake)'),
      concordant: bool('Imaging concordant with symptoms'),
    }), 'imaging'),
    heightLossPercent: num('Vertebral height loss', 0, 100, '%', 'deformity'),
    heightLossProgressing: bool('Height loss progressing', 'deformity'),
    newKyphoticDeformity: bool('New kyphotic deformity', 'deformity'),
    vertebraPlana: bool('Vertebra plana', 'deformity'),
    kyphosisReducingPulmonaryFunction: bool('Kyphosis reducing pulmonary function', 'deformity'),
    stableAndImproving: bool('Stable fracture, clinically improving', 'deformity'),
  }), 'fracture-type'),
  symptoms: group('Symptoms', z.strictObject({
    painNrs: num('Pain (NRS/VAS)', 0, 10, '/10'),
    painTrend: oneOf('Pain trend', ['worsening', 'stable', 'improving'] as const),
    hospitalizedForPain: bool('Hospitalized for fracture pain'),
    painPreventsAmbulationOrTransfers: bool('Pain prevents ambulation or transfers'),
    painFromFracture: bool('Pain primarily from the treated fracture', 'pain-source'),
    adlImpaired: bool('Pain limits daily activities', 'function'),
    adlImpairmentDocumented: bool('ADL impairment documented in detail', 'function'),
    severeFunctionalImpact: bool('Severe functional impact (RMDQ > 17)', 'function'),
    incapacitated: bool('Incapacitated by pain'),
  }), 'pain'),
  conservativeCare: group('Conservative care', z.strictObject({
    therapies: z.optional(titled(z.array(therapySchema).check(z.maxLength(50)), { title: 'Therapies tried' })),
    contraindicated: bool('Non-surgical management contraindicated'),
  }), 'conservative-care'),
  osteoporosisCare: z.optional(titled(z.array(z.enum(OSTEOPOROSIS_CARE)).check(z.maxLength(10), distinct('step')), { title: 'Osteoporosis continuum of care', topic: 'osteoporosis-care' })),
  findings: group('Findings', z.strictObject({
    neurologicDeficit: bool('Neurologic deficit'),
    myelopathy: bool('Myelopathy'),
    retropulsion: bool('Retropulsed fragment'),
    retropulsionWithNeurologicCompromise: bool('Retropulsion with neurologic compromise'),
    burstFracture: bool('Burst fracture'),
    canalCompromise: bool('Canal compromise / neural impingement'),
    cordCompression: bool('Spinal cord compression'),
    epiduralTumorExtension: bool('Epidural tumour extension'),
    extensiveVertebralDestruction: bool('Extensive vertebral destruction'),
    unstableFracture: bool('Instability / stabilization needed'),
    osteomyelitis: bool('Osteomyelitis or discitis'),
    activeInfection: bool('Active systemic infection'),
    septicemia: bool('Septicemia'),
    accessSiteInfection: bool('Surgical-site / access-path infection'),
    coagulopathyUncorrected: bool('Uncorrected coagulopathy'),
    anticoagulationTherapy: bool('On anticoagulation'),
    cementOrContrastAllergy: bool('Cement or contrast allergy'),
    severeCardiopulmonaryDisease: bool('Severe cardiopulmonary disease'),
    pregnant: bool('Pregnancy'),
    radiculopathyHerniatedDisc: bool('Radiculopathy from herniated disc', 'pain-source'),
    radiculopathyOrFacetDisease: bool('Radiculopathy or facet disease', 'pain-source'),
    triggerPoints: bool('Trigger points', 'pain-source'),
    otherPainGenerators: bool('Other pain generators at the level', 'pain-source'),
    painfulMetastasesElsewhere: bool('Painful metastases outside the spine', 'malignancy'),
    osteoblasticOrPrimaryBoneTumor: bool('Osteoblastic or primary bone tumour', 'malignancy'),
    solitaryPlasmacytoma: bool('Solitary plasmacytoma', 'malignancy'),
  }), 'contraindications'),
});

/** A case as written (CLI file, permalink, form). */
export type Case = z.input<typeof caseSchema>;
export type Therapy = z.output<typeof therapySchema>;
export type TherapyKind = (typeof THERAPY_KINDS)[number];

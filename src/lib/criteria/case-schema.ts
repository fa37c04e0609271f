/**
 * The case format, version 1 (../shared/case-format.md), as zod: the single source of the case's types, of
 * validation (CLI, permalinks), of the comparison form and of the fact names criteria may use.
 * Every field is optional because an absent field is *unknown*, never false. Objects are strict so that a
 * misspelt field is refused rather than silently read as unknown.
 */
import { z } from 'zod';
import { LEVELS } from './levels.ts';

const bool = (title: string) => z.boolean().meta({ title }).optional();
const num = (title: string, min: number, max: number, unit = '') => z.number().min(min).max(max).meta({ title, unit }).optional();
const oneOf = <T extends readonly [string, ...string[]]>(title: string, values: T) => z.enum(values).meta({ title }).optional();

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
export const OSTEOPOROSIS_CARE = ['bmd-referral', 'education-referral', 'program-referral', 'program-enrolled'] as const;

const isoDate = z.string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Expected a real calendar date');

export const therapySchema = z.strictObject({
  /** Kind of non-surgical therapy. */
  kind: z.enum(THERAPY_KINDS).meta({ title: 'Therapy' }),
  /** Duration in weeks; absent = unknown. */
  weeks: num('Weeks', 0, 520, 'weeks'),
  /** `failed`: less than clinically meaningful improvement. */
  outcome: oneOf('Outcome', ['failed', 'improved'] as const),
});

export const caseSchema = z.strictObject({
  id: z.string().max(200).meta({ title: 'Case label' }).optional(),
  dateOfService: isoDate.meta({ title: 'Date of service' }).optional(),
  coverage: oneOf('Line of business', ['commercial', 'medicare', 'medicaid'] as const),
  ageYears: num('Age', 0, 130, 'years'),
  request: z.strictObject({
    technique: oneOf('Technique or device', TECHNIQUES),
    levels: z.array(z.enum(LEVELS)).max(30).meta({ title: 'Levels treated' }).optional(),
    purpose: oneOf('Purpose', PURPOSES),
    cementFdaApproved: bool('Cement and devices FDA-approved/cleared'),
  }).meta({ title: 'Request' }).optional(),
  diagnosis: z.strictObject({
    etiology: oneOf('Etiology', ETIOLOGIES),
    hemangiomaAggressive: bool('Aggressive lesion features on imaging'),
    lowEnergyMechanism: bool('Low-energy mechanism'),
    traumaticEvent: bool('Distinct traumatic event'),
    fractureAgeWeeks: num('Weeks since symptom onset', 0, 5200, 'weeks'),
    symptomatic: bool('Fracture or lesion symptomatic'),
    imaging: z.strictObject({
      modality: oneOf('Best imaging', ['mri', 'ct', 'bone-scan', 'spect-ct', 'xray'] as const),
      acuteFindings: bool('Acute findings (edema / uptake)'),
      concordant: bool('Imaging concordant with symptoms'),
    }).meta({ title: 'Imaging' }).optional(),
    heightLossPercent: num('Vertebral height loss', 0, 100, '%'),
    heightLossProgressing: bool('Height loss progressing'),
    newKyphoticDeformity: bool('New kyphotic deformity'),
    vertebraPlana: bool('Vertebra plana'),
    kyphosisReducingPulmonaryFunction: bool('Kyphosis reducing pulmonary function'),
    stableAndImproving: bool('Stable fracture, clinically improving'),
  }).meta({ title: 'Diagnosis' }).optional(),
  symptoms: z.strictObject({
    painNrs: num('Pain (NRS/VAS)', 0, 10, '/10'),
    painTrend: oneOf('Pain trend', ['worsening', 'stable', 'improving'] as const),
    hospitalizedForPain: bool('Hospitalized for fracture pain'),
    painPreventsAmbulationOrTransfers: bool('Pain prevents ambulation or transfers'),
    painFromFracture: bool('Pain primarily from the treated fracture'),
    adlImpaired: bool('Pain limits daily activities'),
    adlImpairmentDocumented: bool('ADL impairment documented in detail'),
    severeFunctionalImpact: bool('Severe functional impact (RMDQ > 17)'),
    incapacitated: bool('Incapacitated by pain'),
  }).meta({ title: 'Symptoms' }).optional(),
  conservativeCare: z.strictObject({
    therapies: z.array(therapySchema).max(50).meta({ title: 'Therapies tried' }).optional(),
    contraindicated: bool('Non-surgical management contraindicated'),
  }).meta({ title: 'Conservative care' }).optional(),
  osteoporosisCare: z.array(z.enum(OSTEOPOROSIS_CARE)).max(10).meta({ title: 'Osteoporosis continuum of care' }).optional(),
  findings: z.strictObject({
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
    radiculopathyHerniatedDisc: bool('Radiculopathy from herniated disc'),
    radiculopathyOrFacetDisease: bool('Radiculopathy or facet disease'),
    triggerPoints: bool('Trigger points'),
    otherPainGenerators: bool('Other pain generators at the level'),
    painfulMetastasesElsewhere: bool('Painful metastases outside the spine'),
    osteoblasticOrPrimaryBoneTumor: bool('Osteoblastic or primary bone tumour'),
    solitaryPlasmacytoma: bool('Solitary plasmacytoma'),
  }).meta({ title: 'Findings' }).optional(),
});

/** A case as written (CLI file, permalink, form). */
export type Case = z.input<typeof caseSchema>;
export type Therapy = z.output<typeof therapySchema>;
export type TherapyKind = (typeof THERAPY_KINDS)[number];

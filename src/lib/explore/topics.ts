/**
 * The topic a changed field belongs to, for naming differences. Topic names follow issue #13's vocabulary.
 * Stand-in until the controlled vocabulary (src/lib/criteria/topics.ts, attached to the case schema) lands:
 * switch `topicOf` to it then; nothing else in the explorer knows the mapping. The field key and its values
 * are both needed, because one fact can be about several topics (the levels: which ones, how many, sacral;
 * the etiology: a tumour, a hemangioma, trauma).
 */
import { isLevel, levelIndex, type Level } from '../criteria/levels.ts';

export const TOPICS = [
  'treated levels', 'number of levels', 'fracture age / acuity', 'pain severity and course', 'function / daily living',
  'imaging', 'conservative care', 'osteoporosis continuum of care', 'technique / device', 'sacroplasty and coccygeoplasty',
  'malignancy', 'hemangioma and other lesions', 'trauma and mechanism', 'prophylactic use', 'contraindications',
  'line of business', 'age', 'date / version',
] as const;
export type Topic = (typeof TOPICS)[number];

const BY_FACT: Record<string, Topic> = {
  dateOfService: 'date / version',
  coverage: 'line of business',
  ageYears: 'age',
  'request.technique': 'technique / device',
  'request.cementFdaApproved': 'technique / device',
  'request.purpose': 'prophylactic use',
  'diagnosis.hemangiomaAggressive': 'hemangioma and other lesions',
  'diagnosis.lowEnergyMechanism': 'trauma and mechanism',
  'diagnosis.traumaticEvent': 'trauma and mechanism',
  'diagnosis.fractureAgeWeeks': 'fracture age / acuity',
  'diagnosis.stableAndImproving': 'pain severity and course',
  'diagnosis.symptomatic': 'pain severity and course',
  'diagnosis.heightLossPercent': 'imaging',
  'diagnosis.heightLossProgressing': 'imaging',
  'diagnosis.newKyphoticDeformity': 'imaging',
  'diagnosis.vertebraPlana': 'imaging',
  'diagnosis.kyphosisReducingPulmonaryFunction': 'function / daily living',
  'symptoms.painPreventsAmbulationOrTransfers': 'function / daily living',
  'symptoms.adlImpaired': 'function / daily living',
  'symptoms.adlImpairmentDocumented': 'function / daily living',
  'symptoms.severeFunctionalImpact': 'function / daily living',
  'symptoms.incapacitated': 'function / daily living',
  osteoporosisCare: 'osteoporosis continuum of care',
  'findings.painfulMetastasesElsewhere': 'malignancy',
  'findings.osteoblasticOrPrimaryBoneTumor': 'malignancy',
  'findings.solitaryPlasmacytoma': 'malignancy',
  'findings.epiduralTumorExtension': 'malignancy',
};

const BY_PREFIX: Array<[string, Topic]> = [
  ['diagnosis.imaging.', 'imaging'],
  ['symptoms.', 'pain severity and course'],
  ['conservativeCare.', 'conservative care'],
  ['findings.', 'contraindications'],
];

const ETIOLOGY: Record<string, Topic> = {
  'osteolytic-metastasis': 'malignancy', 'multiple-myeloma': 'malignancy', 'primary-bone-malignancy': 'malignancy',
  hemangioma: 'hemangioma and other lesions', 'eosinophilic-granuloma': 'hemangioma and other lesions', osteonecrosis: 'hemangioma and other lesions',
  'high-energy-trauma': 'trauma and mechanism', 'sacral-insufficiency': 'sacroplasty and coccygeoplasty', none: 'prophylactic use',
};

const SACRUM = levelIndex('S1');
const levelList = (v: unknown): Level[] => (Array.isArray(v) ? v.filter((l): l is Level => isLevel(String(l))) : []);

/** The topic of one change (field key as in a witness: `symptoms.painNrs`, `conservativeCare.therapies[orthosis]`). */
export function topicOf(field: string, from: unknown, to: unknown): Topic {
  if (field === 'request.levels') {
    const [a, b] = [levelList(from), levelList(to)];
    if ([...a, ...b].some((l) => levelIndex(l) >= SACRUM)) return 'sacroplasty and coccygeoplasty';
    return a.length !== b.length ? 'number of levels' : 'treated levels';
  }
  if (field === 'diagnosis.etiology') return ETIOLOGY[String(to)] ?? ETIOLOGY[String(from)] ?? 'osteoporosis continuum of care';
  return BY_FACT[field] ?? BY_PREFIX.find(([p]) => field.startsWith(p))?.[1] ?? 'contraindications';
}

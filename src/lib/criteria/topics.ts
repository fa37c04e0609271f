/**
 * The criteria topics: a small controlled vocabulary, declared once. Every case fact names its topic in the case
 * schema's metadata (case-schema.ts), enum facts may send single values elsewhere (`etiology: hemangioma` is
 * about hemangioma), and a node's topics follow from what it reads; an author may add more with `topics:`.
 * The /criteria/ matrix has one row per topic, in this order.
 */
import type { ModelNode } from './model.ts';

export const TOPICS = [
  { id: 'level-range', name: 'Treated levels', description: 'Which spinal levels may be treated, and which are excluded.' },
  { id: 'level-count', name: 'Number of levels', description: 'How many levels may be treated on one date of service.' },
  { id: 'fracture-age', name: 'Fracture age and acuity', description: 'Time since symptom onset: acute, subacute or chronic fractures.' },
  { id: 'fracture-type', name: 'Fracture type', description: 'Which fractures qualify: osteoporotic, steroid-induced, osteonecrotic, and whether the fracture is symptomatic.' },
  { id: 'pain', name: 'Pain severity and course', description: 'Pain scores, hospitalization, loss of ambulation, and whether pain is worsening or improving.' },
  { id: 'function', name: 'Function and daily living', description: 'Limits on daily activities and how they must be documented.' },
  { id: 'imaging', name: 'Imaging', description: 'Which imaging is required and what it must show.' },
  { id: 'deformity', name: 'Height loss and deformity', description: 'Vertebral height loss, kyphosis, vertebra plana and fracture stability on imaging.' },
  { id: 'conservative-care', name: 'Conservative care', description: 'Non-surgical treatment that must have been tried first, and for how long.' },
  { id: 'osteoporosis-care', name: 'Osteoporosis continuum of care', description: 'Bone-density evaluation, education and osteoporosis treatment programmes.' },
  { id: 'technique', name: 'Technique and device', description: 'Vertebroplasty, balloon kyphoplasty and other devices; cement approval.' },
  { id: 'sacroplasty', name: 'Sacroplasty and coccygeoplasty', description: 'Augmentation of the sacrum or coccyx, and sacral insufficiency fractures.' },
  { id: 'malignancy', name: 'Malignancy', description: 'Metastases, multiple myeloma, plasmacytoma and primary bone tumours.' },
  { id: 'hemangioma', name: 'Hemangioma and other lesions', description: 'Vertebral hemangioma, eosinophilic granuloma and aggressive lesion features.' },
  { id: 'trauma', name: 'Trauma and mechanism', description: 'High-energy trauma, a distinct traumatic event, and low-energy mechanisms.' },
  { id: 'prophylaxis', name: 'Prophylactic use', description: 'Augmentation to prevent fractures, for chronic pain, or to support a fusion.' },
  { id: 'pain-source', name: 'Other causes of the pain', description: 'Whether the pain comes from the fracture, or from radiculopathy, facets, trigger points or other generators.' },
  { id: 'contraindications', name: 'Contraindications', description: 'Infection, bleeding risk, allergy, neurological compromise, instability and other reasons not to proceed.' },
  { id: 'line-of-business', name: 'Line of business', description: 'Commercial, Medicare or Medicaid coverage.' },
  { id: 'age', name: 'Age', description: 'The patient\'s age.' },
  { id: 'date-version', name: 'Date and version', description: 'The date of service, and which version of the policy is in effect on it.' },
] as const satisfies ReadonlyArray<{ id: string; name: string; description: string }>;

export type TopicId = (typeof TOPICS)[number]['id'];
export type Topic = (typeof TOPICS)[number];

export const TOPIC_IDS: readonly TopicId[] = TOPICS.map((t) => t.id);

export function isTopicId(id: string): id is TopicId {
  return (TOPIC_IDS as readonly string[]).includes(id);
}

export function topicById(id: TopicId): Topic {
  return TOPICS.find((t) => t.id === id)!;
}

/** What the case schema's metadata says about a fact's topic (read back by schema-introspect.ts). */
export type FactTopics = {
  topic: TopicId;
  /** Enum values that belong to another topic than the fact's (`hemangioma` → hemangioma). */
  valueTopics?: Partial<Record<string, TopicId>>;
};

/** Levels a `levels` node treats as sacroplasty / coccygeoplasty rather than a spinal range. */
const SACRAL = /^(S[1-5]|Co)$/;

/**
 * The topics a node's own condition is about. Combinators have none of their own (their leaves carry them);
 * `levels` nodes split by the levels they name: sacral/coccygeal levels are sacroplasty, the rest the range.
 */
export function derivedTopics(node: ModelNode, factTopics: (path: string) => FactTopics | undefined): TopicId[] {
  const out = new Set<TopicId>();
  switch (node.kind) {
    case 'fact': {
      const t = factTopics(node.fact);
      if (!t) break;
      const values = Array.isArray(node.value) ? node.value : [node.value];
      for (const v of values) out.add(t.valueTopics?.[String(v)] ?? t.topic);
      break;
    }
    case 'levels':
      if (node.set.some((l) => SACRAL.test(l))) out.add('sacroplasty');
      if (node.set.some((l) => !SACRAL.test(l))) out.add('level-range');
      break;
    case 'level-count':
      out.add('level-count');
      break;
    case 'therapies':
      out.add('conservative-care');
      break;
    default:
      break;
  }
  return [...out];
}

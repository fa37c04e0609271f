/**
 * The facts a criterion may read, derived from the case schema (never listed by hand): path, label, value
 * type. The validator, the renderer's wording, the comparison form and the case generators all use this.
 */
import { caseSchema } from './case-schema.ts';
import { LEVELS } from './levels.ts';
import { describeSchema, type Described } from './schema-introspect.ts';
import type { FactTopics } from './topics.ts';

/** A list of enum values is the levels list when its values are the vertebral levels, in spine order. */
const isLevelList = (values: readonly string[]) => values.length === LEVELS.length && values.every((v, i) => v === LEVELS[i]);

export type FactShape =
  | { type: 'number'; min: number; max: number; unit: string }
  | { type: 'boolean' }
  | { type: 'enum'; values: readonly string[] }
  /** a list of enum values, read with `has` (osteoporosisCare) */
  | { type: 'set'; values: readonly string[] }
  /** a list of vertebral levels (request.levels): read by `levels` and `level-count` nodes */
  | { type: 'levels'; values: readonly string[] }
  /** a list of objects (conservativeCare.therapies), its item fields described: read by `therapies` nodes */
  | { type: 'therapies'; item: Record<string, Described> }
  | { type: 'string'; maxLength: number; format: 'date' | null };

export type Fact = FactShape & {
  /** dotted path as written in criteria: `diagnosis.imaging.acuteFindings` */
  path: string;
  segments: readonly string[];
  title: string;
  /** top-level group the fact belongs to (`diagnosis`), or '' for top-level facts */
  group: string;
} & Partial<FactTopics>;

/** The case schema as a plain tree (titles, types, ranges): what facts and the form are built from. */
export const CASE_SHAPE = describeSchema(caseSchema) as Extract<Described, { type: 'object' }>;

function shapeOf(d: Described, path: string): FactShape {
  switch (d.type) {
    case 'number': return { type: 'number', min: d.min, max: d.max, unit: d.unit };
    case 'boolean': return { type: 'boolean' };
    case 'enum': return { type: 'enum', values: d.values };
    case 'array':
      if (d.element.type === 'object') return { type: 'therapies', item: d.element.shape };
      if (d.element.type !== 'enum') throw new Error(`${path}: a list of ${d.element.type} is not a fact type`);
      return isLevelList(d.element.values) ? { type: 'levels', values: d.element.values } : { type: 'set', values: d.element.values };
    case 'string': return { type: 'string', maxLength: d.maxLength, format: d.format };
    case 'object': throw new Error(`${path} is an object, not a fact`);
  }
}

function collect(d: Described, segments: string[], out: Fact[]): void {
  if (d.type === 'object') {
    for (const [key, child] of Object.entries(d.shape)) collect(child, [...segments, key], out);
    return;
  }
  const path = segments.join('.');
  out.push({
    ...shapeOf(d, path), path, segments, title: d.title || path, group: segments.length > 1 ? segments[0]! : '',
    ...(d.topic && { topic: d.topic }), ...(d.valueTopics && { valueTopics: d.valueTopics }),
  });
}

export const FACTS: readonly Fact[] = (() => {
  const out: Fact[] = [];
  collect(CASE_SHAPE, [], out);
  return out;
})();

export const FACTS_BY_PATH: ReadonlyMap<string, Fact> = new Map(FACTS.map((f) => [f.path, f]));

/** The described schema at an object path (`diagnosis.imaging`), for group titles. */
export function describedAt(segments: readonly string[]): Described | undefined {
  let d: Described | undefined = CASE_SHAPE;
  for (const s of segments) d = d?.type === 'object' ? d.shape[s] : undefined;
  return d;
}

/** Title of a group (`diagnosis` → "Diagnosis", `diagnosis.imaging` → "Imaging"). */
export function groupTitle(path: string): string {
  return describedAt(path.split('.'))?.title ?? path;
}

/** Reads a fact from a case; `undefined` means unknown. */
export function readFact(c: unknown, segments: readonly string[]): unknown {
  let v: unknown = c;
  for (const s of segments) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[s];
  }
  return v;
}

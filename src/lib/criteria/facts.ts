/**
 * The facts a criterion may read, derived from the case schema (never listed by hand): path, label, value
 * type. The validator, the renderer's wording, the comparison form and the case generators all use this.
 */
import { z } from 'zod';
import { caseSchema } from './case-schema.ts';

export type FactShape =
  | { type: 'number'; min: number; max: number; unit: string }
  | { type: 'boolean' }
  | { type: 'enum'; values: readonly string[] }
  /** a list of enum values, read with `has` (osteoporosisCare) */
  | { type: 'set'; values: readonly string[] }
  /** request.levels: read by `levels` and `level-count` nodes */
  | { type: 'levels'; values: readonly string[] }
  /** conservativeCare.therapies: read by `therapies` nodes */
  | { type: 'therapies' }
  | { type: 'string' };

export type Fact = FactShape & {
  /** dotted path as written in criteria: `diagnosis.imaging.acuteFindings` */
  path: string;
  segments: readonly string[];
  title: string;
  /** top-level group the fact belongs to (`diagnosis`), or '' for top-level facts */
  group: string;
};

type AnySchema = z.ZodType;

function titleOf(schema: AnySchema, fallback: string): string {
  const meta = schema.meta() as { title?: string } | undefined;
  return meta?.title ?? fallback;
}

function unwrap(schema: AnySchema): AnySchema {
  return schema instanceof z.ZodOptional ? unwrap(schema.unwrap() as AnySchema) : schema;
}

function shapeOf(schema: AnySchema, path: string): FactShape {
  if (schema instanceof z.ZodNumber) {
    const meta = schema.meta() as { unit?: string } | undefined;
    return { type: 'number', min: schema.minValue ?? -Infinity, max: schema.maxValue ?? Infinity, unit: meta?.unit ?? '' };
  }
  if (schema instanceof z.ZodBoolean) return { type: 'boolean' };
  if (schema instanceof z.ZodEnum) return { type: 'enum', values: schema.options as string[] };
  if (schema instanceof z.ZodArray) {
    const element = unwrap(schema.element as AnySchema);
    if (element instanceof z.ZodEnum) {
      const values = element.options as string[];
      return path === 'request.levels' ? { type: 'levels', values } : { type: 'set', values };
    }
    return { type: 'therapies' };
  }
  return { type: 'string' };
}

function collect(schema: AnySchema, segments: string[], out: Fact[]): void {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    for (const [key, child] of Object.entries(inner.shape as Record<string, AnySchema>)) collect(child, [...segments, key], out);
    return;
  }
  const path = segments.join('.');
  out.push({ ...shapeOf(inner, path), path, segments, title: titleOf(inner, path), group: segments.length > 1 ? segments[0]! : '' });
}

export const FACTS: readonly Fact[] = (() => {
  const out: Fact[] = [];
  collect(caseSchema, [], out);
  return out;
})();

export const FACTS_BY_PATH: ReadonlyMap<string, Fact> = new Map(FACTS.map((f) => [f.path, f]));

/** Title of a top-level group (`diagnosis` → "Diagnosis"). */
export function groupTitle(group: string): string {
  const schema = (caseSchema.shape as Record<string, AnySchema>)[group];
  return schema ? titleOf(unwrap(schema), group) : group;
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

/**
 * Reads a zod schema (mini or classic: both share zod's core definitions) into a plain descriptor tree, so the
 * facts list and the comparison form are derived from the case schema without reaching into zod twice.
 */
import { globalRegistry } from 'zod/mini';
import type { FactTopics } from './topics.ts';

type Def = { type: string; innerType?: Core; shape?: Record<string, Core>; entries?: Record<string, string>; element?: Core; checks?: Core[] };
type Core = { _zod: { def: Def & { check?: string; value?: number; maximum?: number } } };

/** Every descriptor carries its criteria topic (topics.ts): its own, or the nearest enclosing group's. */
export type Described = Partial<FactTopics> & (
  | { type: 'object'; title: string; shape: Record<string, Described> }
  | { type: 'number'; title: string; min: number; max: number; unit: string }
  | { type: 'boolean'; title: string }
  | { type: 'enum'; title: string; values: string[] }
  | { type: 'array'; title: string; element: Described; maxItems: number }
  | { type: 'string'; title: string; maxLength: number; format: 'date' | null });

type Meta = { title?: string; unit?: string; format?: 'date' } & Partial<FactTopics>;

function unwrapOptional(schema: Core): Core {
  return schema._zod.def.type === 'optional' ? unwrapOptional(schema._zod.def.innerType!) : schema;
}

/** Bounds from the schema's checks (`minimum`, `maximum`, `maxLength`). */
function bounds(schema: Core) {
  const out = { min: -Infinity, max: Infinity, maxLength: Infinity };
  for (const c of schema._zod.def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'greater_than') out.min = d.value!;
    else if (d.check === 'less_than') out.max = d.value!;
    else if (d.check === 'max_length') out.maxLength = d.maximum!;
  }
  return out;
}

export function describeSchema(optionalOrNot: unknown, fallbackTitle = '', inherited?: FactTopics['topic']): Described {
  const schema = unwrapOptional(optionalOrNot as Core);
  const meta = (globalRegistry.get(schema as never) ?? {}) as Meta;
  const topic = meta.topic ?? inherited;
  return { ...(topic && { topic }), ...(meta.valueTopics && { valueTopics: meta.valueTopics }), ...describeType(schema, meta, fallbackTitle, topic) };
}

function describeType(schema: Core, meta: Meta, fallbackTitle: string, topic: FactTopics['topic'] | undefined): Described {
  const title = meta.title ?? fallbackTitle;
  const def = schema._zod.def;
  switch (def.type) {
    case 'object':
      return { type: 'object', title, shape: Object.fromEntries(Object.entries(def.shape!).map(([k, v]) => [k, describeSchema(v, k, topic)])) };
    case 'number': {
      const b = bounds(schema);
      return { type: 'number', title, min: b.min, max: b.max, unit: meta.unit ?? '' };
    }
    case 'boolean':
      return { type: 'boolean', title };
    case 'enum':
      return { type: 'enum', title, values: Object.values(def.entries!) };
    case 'array':
      return { type: 'array', title, element: describeSchema(def.element, '', topic), maxItems: bounds(schema).maxLength };
    default:
      return { type: 'string', title, maxLength: bounds(schema).maxLength, format: meta.format ?? null };
  }
}

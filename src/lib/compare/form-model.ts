/**
 * The comparison form, derived from the case schema (never listed by hand): groups in the case format's
 * order, each field's control, label, choices and range. Adding a field to `caseSchema` adds it here.
 * Every field can be left unknown; the control for a yes/no fact is tri-state (unknown / yes / no).
 */
import { therapySchema } from '../criteria/case-schema.ts';
import { FACTS, groupTitle, type Fact } from '../criteria/facts.ts';
import { describeSchema, type Described } from '../criteria/schema-introspect.ts';
import { humanize } from '../render/words.ts';

export type Choice = { value: string; label: string };
export type NumberRange = { min: number; max: number; unit: string };

type FieldBase = {
  /** Case path as criteria write it: `diagnosis.imaging.acuteFindings`. */
  path: string;
  segments: readonly string[];
  /** DOM id of the field's first control: `field-diagnosis-imaging-acuteFindings`. */
  id: string;
  title: string;
};

export type FormField = FieldBase & (
  | { kind: 'boolean'; choices: Choice[] }
  | { kind: 'enum'; choices: Choice[] }
  | ({ kind: 'number' } & NumberRange)
  | { kind: 'date' }
  | { kind: 'text'; maxLength: number }
  /** A list of enum values (request.levels, osteoporosisCare): unknown, or the ticked items (none = []). */
  | { kind: 'levels'; choices: Choice[] }
  | { kind: 'set'; choices: Choice[] }
  /** conservativeCare.therapies: unknown, or rows of { kind, weeks, outcome }. */
  | { kind: 'therapies'; therapy: { kinds: Choice[]; weeks: NumberRange; outcomes: Choice[] } }
);

export type FormGroup = {
  kind: 'group';
  /** `request`, `diagnosis.imaging`; '' for the case's top-level facts. */
  path: string;
  id: string;
  title: string;
  /** Fields and nested groups, in the schema's order. */
  items: FormItem[];
};

export type FormItem = FormField | FormGroup;

/** Tri-state yes/no: the value '' is unknown, never "no". */
export const BOOLEAN_CHOICES: Choice[] = [
  { value: '', label: 'unknown' },
  { value: 'true', label: 'yes' },
  { value: 'false', label: 'no' },
];

export function fieldId(path: string): string {
  return `field-${path.replace(/\./g, '-')}`;
}

const choices = (values: readonly string[]): Choice[] => values.map((value) => ({ value, label: humanize(value) }));

/** One therapy row's controls, from the therapy schema. */
const THERAPY = describeSchema(therapySchema) as Extract<Described, { type: 'object' }>;
const therapyPart = <T extends Described['type']>(key: string, type: T) => {
  const d = THERAPY.shape[key];
  if (d?.type !== type) throw new Error(`therapy.${key} is not ${type}`);
  return d as Extract<Described, { type: T }>;
};

function fieldOf(fact: Fact): FormField {
  const base = { path: fact.path, segments: fact.segments, id: fieldId(fact.path), title: fact.title };
  switch (fact.type) {
    case 'boolean': return { ...base, kind: 'boolean', choices: BOOLEAN_CHOICES };
    case 'enum': return { ...base, kind: 'enum', choices: [{ value: '', label: 'unknown' }, ...choices(fact.values)] };
    case 'number': return { ...base, kind: 'number', min: fact.min, max: fact.max, unit: fact.unit };
    case 'levels': return { ...base, kind: 'levels', choices: fact.values.map((value) => ({ value, label: value })) };
    case 'set': return { ...base, kind: 'set', choices: choices(fact.values) };
    case 'therapies': {
      const weeks = therapyPart('weeks', 'number');
      return {
        ...base,
        kind: 'therapies',
        therapy: {
          kinds: choices(therapyPart('kind', 'enum').values),
          weeks: { min: weeks.min, max: weeks.max, unit: weeks.unit },
          outcomes: [{ value: '', label: 'unknown' }, ...choices(therapyPart('outcome', 'enum').values)],
        },
      };
    }
    case 'string':
      if (fact.format === 'date') return { ...base, kind: 'date' };
      return { ...base, kind: 'text', maxLength: Number.isFinite(fact.maxLength) ? fact.maxLength : 1000 };
  }
}

const titleAt = (segments: readonly string[]): string => groupTitle(segments.join('.'));

/**
 * Groups as the case format has them: the top-level facts ("Case"), then one group per object (`request`,
 * `diagnosis` with `imaging` inside, …); a top-level list (`osteoporosisCare`) is a group of its own.
 */
export function buildForm(facts: readonly Fact[] = FACTS): FormGroup[] {
  const top: FormGroup[] = [];
  const byPath = new Map<string, FormGroup>();
  const group = (segments: readonly string[], title: string): FormGroup => {
    const path = segments.join('.');
    let g = byPath.get(path);
    if (!g) {
      g = { kind: 'group', path, id: `group-${path.replace(/\./g, '-') || 'case'}`, title, items: [] };
      byPath.set(path, g);
      if (segments.length <= 1) top.push(g);
      else group(segments.slice(0, -1), titleAt(segments.slice(0, -1))).items.push(g);
    }
    return g;
  };
  for (const fact of facts) {
    const field = fieldOf(fact);
    const container = fact.segments.slice(0, -1);
    if (container.length) group(container, titleAt(container)).items.push(field);
    else if (field.kind === 'levels' || field.kind === 'set' || field.kind === 'therapies') group(fact.segments, field.title).items.push(field);
    else group([], 'Case').items.push(field);
  }
  return top;
}

export const FORM: readonly FormGroup[] = buildForm();

/** Every field of the form, in order. */
export function formFields(items: readonly FormItem[] = FORM): FormField[] {
  return items.flatMap((item) => (item.kind === 'group' ? formFields(item.items) : [item]));
}

export const FIELDS_BY_PATH: ReadonlyMap<string, FormField> = new Map(formFields().map((f) => [f.path, f]));

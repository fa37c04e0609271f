/** The comparison form comes from the case schema: every fact once, in order, with tri-state controls. */
import { describe, expect, it } from 'vitest';
import { CASE_SHAPE, FACTS, groupTitle } from '../../src/lib/criteria/facts.ts';
import { BOOLEAN_CHOICES, FORM, fieldId, formFields, type FormGroup } from '../../src/lib/compare/form-model.ts';

const fields = formFields();

describe('form model', () => {
  it('has one field per fact of the case schema, in the schema order', () => {
    expect(fields.map((f) => f.path)).toEqual(FACTS.map((f) => f.path));
    expect(fields.map((f) => f.title)).toEqual(FACTS.map((f) => f.title));
  });

  it('gives every field a unique id derived from its path', () => {
    expect(new Set(fields.map((f) => f.id)).size).toBe(fields.length);
    for (const f of fields) expect(f.id).toBe(`field-${f.segments.join('-')}`);
    expect(fieldId('request.levels')).toBe('field-request-levels');
  });

  it('groups as the case format does: top-level facts, then one group per object, nested objects inside', () => {
    const objects = Object.keys(CASE_SHAPE.shape).filter((k) => FACTS.some((f) => f.segments.length > 1 && f.segments[0] === k));
    const topGroups = FORM.map((g) => g.path);
    for (const k of objects) expect(topGroups).toContain(k);
    for (const g of FORM.filter((x) => objects.includes(x.path))) expect(g.title).toBe(groupTitle(g.path));
    const diagnosis = FORM.find((g) => g.path === 'diagnosis')!;
    const imaging = diagnosis.items.find((i): i is FormGroup => i.kind === 'group');
    expect(imaging?.path).toBe('diagnosis.imaging');
    expect(formFields([imaging!]).every((f) => f.path.startsWith('diagnosis.imaging.'))).toBe(true);
    // Top-level scalars share the first group; a top-level list is a group of its own.
    expect(formFields([FORM[0]!]).every((f) => f.segments.length === 1)).toBe(true);
    const care = FORM.find((g) => g.path === 'osteoporosisCare');
    expect(care && formFields([care]).map((f) => f.path)).toEqual(['osteoporosisCare']);
  });

  it('offers unknown first for every yes/no and enum, never a bare checkbox', () => {
    expect(BOOLEAN_CHOICES[0]).toEqual({ value: '', label: 'unknown' });
    for (const f of fields) {
      const fact = FACTS.find((x) => x.path === f.path)!;
      if (fact.type === 'boolean') expect(f.kind === 'boolean' && f.choices.map((c) => c.label)).toEqual(['unknown', 'yes', 'no']);
      if (fact.type === 'enum') {
        expect(f.kind).toBe('enum');
        if (f.kind === 'enum') expect(f.choices.map((c) => c.value)).toEqual(['', ...fact.values]);
      }
    }
  });

  it('takes ranges, units, lists and dates from the schema', () => {
    for (const f of fields) {
      const fact = FACTS.find((x) => x.path === f.path)!;
      if (fact.type === 'number') expect(f).toMatchObject({ kind: 'number', min: fact.min, max: fact.max, unit: fact.unit });
      if (fact.type === 'levels' || fact.type === 'set') expect(f.kind === fact.type && f.choices.map((c) => c.value)).toEqual(fact.values);
    }
    const byPath = new Map(fields.map((f) => [f.path, f]));
    expect(byPath.get('dateOfService')?.kind).toBe('date');
    const id = CASE_SHAPE.shape.id!;
    expect(id.type === 'string' && id.maxLength).toBe(200);
    expect(byPath.get('id')).toMatchObject({ kind: 'text', maxLength: 200 });
    const therapies = byPath.get('conservativeCare.therapies');
    expect(therapies?.kind).toBe('therapies');
    if (therapies?.kind === 'therapies') expect(therapies.therapy.outcomes[0]).toEqual({ value: '', label: 'unknown' });
  });
});

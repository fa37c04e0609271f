/** Case ↔ form state: unknown stays unknown, lists keep "unknown" and "none" apart, every case round-trips. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseFromState, emptyState, fieldFor, knownCount, readCase, stateFromCase, type ListState, type TherapiesState } from '../../src/lib/compare/case-state.ts';
import { formFields } from '../../src/lib/compare/form-model.ts';
import { caseSchema } from '../../src/lib/criteria/case-schema.ts';
import { loadModels } from '../../src/lib/criteria/load.ts';
import { partialCase } from '../fixtures/case-arbitrary.ts';
import { sharedCases } from '../fixtures/shared-cases.ts';

/** Objects with nothing known inside say nothing: drop them (the form writes no empty groups). */
function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(prune);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const p = prune(x);
    if (p !== undefined && !(p !== null && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0)) out[k] = p;
  }
  return out;
}

describe('case ↔ form state', () => {
  it('an untouched form is the empty case: every field unknown', () => {
    const state = emptyState();
    expect(caseFromState(state)).toEqual({});
    expect(knownCount(state, formFields())).toBe(0);
    expect(readCase(state)).toEqual({ ok: true, case: {} });
  });

  it.each(sharedCases().map((c) => [c.name, c.case] as const))('round-trips the public case %s', (_, c) => {
    expect(readCase(stateFromCase(c))).toEqual({ ok: true, case: c });
  });

  it('round-trips generated partial cases', () => {
    const { models } = loadModels();
    fc.assert(fc.property(partialCase(models), (raw) => {
      const c = caseSchema.parse(raw);
      const back = readCase(stateFromCase(c));
      expect(back.ok && back.case).toEqual(prune(c));
    }), { seed: 20260404, numRuns: 200 });
  }, 60_000);

  it('writes no as false and leaves unknown out', () => {
    const state = emptyState();
    state['findings.pregnant'] = 'false';
    state['findings.myelopathy'] = '';
    state['symptoms.painNrs'] = '0';
    expect(caseFromState(state)).toEqual({ findings: { pregnant: false }, symptoms: { painNrs: 0 } });
  });

  it('keeps a list unknown apart from a list given as none', () => {
    const state = emptyState();
    expect(caseFromState(state)).not.toHaveProperty('request');
    state['request.levels'] = { known: true, items: [] } satisfies ListState;
    state['osteoporosisCare'] = { known: true, items: [] } satisfies ListState;
    state['conservativeCare.therapies'] = { known: true, rows: [] } satisfies TherapiesState;
    expect(caseFromState(state)).toEqual({ request: { levels: [] }, osteoporosisCare: [], conservativeCare: { therapies: [] } });
    // Items ticked while the list is still unknown do not count: the list's own control says whether it is given.
    state['request.levels'] = { known: false, items: ['T2'] };
    expect(caseFromState(state)).not.toHaveProperty('request');
  });

  it('keeps a list as given: its order and repeated entries (each entry is one level treated)', () => {
    const c = { request: { levels: ['L1', 'T2', 'L1'] as const } };
    const state = stateFromCase(c as never);
    expect(state['request.levels']).toEqual({ known: true, items: ['L1', 'T2', 'L1'] });
    expect(caseFromState(state)).toEqual(c);
  });

  it('writes therapy rows with unknown weeks or outcome left out', () => {
    const state = emptyState();
    state['conservativeCare.therapies'] = { known: true, rows: [{ kind: 'orthosis', weeks: '', outcome: '' }, { kind: 'physical-therapy', weeks: '6', outcome: 'failed' }] };
    expect(readCase(state)).toEqual({ ok: true, case: { conservativeCare: { therapies: [{ kind: 'orthosis' }, { kind: 'physical-therapy', weeks: 6, outcome: 'failed' }] } } });
  });

  it('refuses values outside the schema with the field path', () => {
    const state = emptyState();
    state['symptoms.painNrs'] = '15';
    state['ageYears'] = 'not a number';
    state['conservativeCare.therapies'] = { known: true, rows: [{ kind: 'orthosis', weeks: '-1', outcome: '' }] };
    const r = readCase(state);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path).sort()).toEqual(['ageYears', 'conservativeCare.therapies[0].weeks', 'symptoms.painNrs']);
    expect(r.problems.find((p) => p.path === 'symptoms.painNrs')?.message).toMatch(/^Unexpected `15`, expected at most 10/);
  });

  it('finds the form field a problem or a missing fact belongs to', () => {
    expect(fieldFor('request.levels[2]')?.path).toBe('request.levels');
    expect(fieldFor('conservativeCare.therapies[0].weeks')?.path).toBe('conservativeCare.therapies');
    expect(fieldFor('diagnosis.imaging.acuteFindings')?.id).toBe('field-diagnosis-imaging-acuteFindings');
    expect(fieldFor('nothing.here')).toBeUndefined();
  });
});

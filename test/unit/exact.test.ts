/**
 * Exact decisions (issue 19) on the real policies and on small inline ones: a fact whose every answer gives
 * the same result is not missing, and the result is decided without it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { missingField, settlesWords } from '../../src/lib/compare/missing-words.ts';
import type { CompiledPolicy } from '../../src/lib/criteria/compile.ts';
import { numberChoices } from '../../src/lib/criteria/completions.ts';
import { decide } from '../../src/lib/criteria/decide.ts';
import { mergeCase } from '../../src/lib/criteria/examples.ts';
import { loadCompiled } from '../../src/lib/criteria/load.ts';
import { readPublicExamples } from '../../src/lib/criteria/public-cases-fs.ts';
import { inlinePolicy } from '../fixtures/inline-policy.ts';

let policies: CompiledPolicy[];
const payer = (id: string) => policies.find((p) => p.model.payer === id)!;
beforeAll(async () => {
  ({ policies } = await loadCompiled());
}, 120_000); // compiling every policy: slow on a busy machine

/** The public example with a hospitalized, NRS 9, two-week fracture: made subacute, with failed conservative care. */
function issueCase(): any {
  const base = readPublicExamples().find((e) => e.name === 'acute-hospitalized-2wk')!.case;
  const c = mergeCase(base, {
    diagnosis: { fractureAgeWeeks: 8 },
    symptoms: { painNrs: 9, painTrend: 'worsening' },
    conservativeCare: { therapies: [{ kind: 'prescription-analgesic', weeks: 8, outcome: 'failed' }, { kind: 'physical-therapy', weeks: 6, outcome: 'failed' }] },
  }) as any;
  delete c.symptoms.hospitalizedForPain;
  return c;
}

describe('the issue\'s case: NRS 9, worsening pain, failed conservative care, hospitalization left blank', () => {
  it.each(['cohere', 'kaiser-wa'])('%s approves without asking whether the patient was hospitalized', (id) => {
    const r = decide(payer(id), issueCase());
    expect([r.decision, r.missing, r.conservative]).toEqual(['approve', [], undefined]);
    // Either answer approves: the fact cannot matter.
    for (const hospitalizedForPain of [true, false]) {
      expect(decide(payer(id), mergeCase(issueCase(), { symptoms: { hospitalizedForPain } })).decision).toBe('approve');
    }
  });
  it('its trace still shows the hospitalization criterion as unknown (Kleene values are unchanged)', () => {
    const r = decide(payer('cohere'), issueCase(), { trace: true });
    const read = r.trace!.filter((t) => t.facts && 'symptoms.hospitalizedForPain' in t.facts);
    expect(read.map((t) => t.value)).toContain('unknown');
  });
});

describe('missing names a listed therapy\'s unknown field', () => {
  const withTherapies = (therapies: object[]) => mergeCase(issueCase(), { symptoms: { hospitalizedForPain: false }, conservativeCare: { therapies } });
  it('weeks unknown on the second therapy → conservativeCare.therapies[1].weeks, with the answers that decide', () => {
    const r = decide(payer('cohere'), withTherapies([{ kind: 'bed-rest', weeks: 2, outcome: 'failed' }, { kind: 'physical-therapy', outcome: 'failed' }]));
    expect(r.decision).toBe('needs-information');
    expect(r.missing).toEqual(['conservativeCare.therapies[1].weeks']);
    expect(r.settles?.['conservativeCare.therapies[1].weeks']).toEqual([
      { answer: '≤ 4', decision: 'deny', category: 'not-medically-necessary' },
      { answer: '> 4', decision: 'approve' },
    ]);
  });
  it('outcome unknown → conservativeCare.therapies[0].outcome', () => {
    const r = decide(payer('cohere'), withTherapies([{ kind: 'physical-therapy', weeks: 8 }]));
    expect(r.missing).toEqual(['conservativeCare.therapies[0].outcome']);
    expect(r.settles?.['conservativeCare.therapies[0].outcome']?.map((a) => [a.answer, a.decision])).toEqual([['failed', 'approve'], ['improved', 'deny']]);
  });
  it('an unknown field of a therapy that cannot count is not missing', () => {
    const r = decide(payer('cohere'), withTherapies([{ kind: 'physical-therapy', weeks: 8, outcome: 'failed' }, { kind: 'orthosis' }]));
    expect([r.decision, r.missing]).toEqual(['approve', []]);
  });
});

describe('inline policies', () => {
  const EITHER = `
id: ind
role: indication
title: Pain
source: "I"
tree:
  id: ind-any
  kind: any
  label: Either pathway
  of:
    - id: in-hospital
      kind: all
      label: Hospitalized with NRS 8+
      of:
        - { id: hosp, kind: fact, label: Hospitalized, fact: symptoms.hospitalizedForPain, op: eq, value: true }
        - { id: nrs8, kind: fact, label: NRS 8+, fact: symptoms.painNrs, op: ge, value: 8 }
    - id: outpatient
      kind: all
      label: Not hospitalized with NRS 5+
      of:
        - { id: not-hosp, kind: fact, label: Not hospitalized, fact: symptoms.hospitalizedForPain, op: eq, value: false }
        - { id: nrs5, kind: fact, label: NRS 5+, fact: symptoms.painNrs, op: ge, value: 5 }`;
  let either: CompiledPolicy;
  beforeAll(async () => {
    either = await inlinePolicy([EITHER]);
  }, 60_000);
  const at = (symptoms: object) => decide(either, { dateOfService: '2026-01-01', symptoms });

  it('X or not X: decided when both branches hold', () => {
    expect(at({ painNrs: 9 }).decision).toBe('approve');
    expect(at({ painNrs: 2 }).decision).toBe('deny');
  });
  it('between the thresholds the fact matters, and its answers say how', () => {
    const r = at({ painNrs: 6 });
    expect([r.decision, r.missing]).toEqual(['needs-information', ['symptoms.hospitalizedForPain']]);
    expect(r.settles).toEqual({ 'symptoms.hospitalizedForPain': [{ answer: 'yes', decision: 'deny', category: 'not-medically-necessary' }, { answer: 'no', decision: 'approve' }] });
  });
  it('both unknown: each named, pain with the ranges that decide on their own', () => {
    const r = at({});
    expect(r.missing.sort()).toEqual(['symptoms.hospitalizedForPain', 'symptoms.painNrs']);
    expect(r.settles?.['symptoms.painNrs']).toEqual([{ answer: '< 5', decision: 'deny', category: 'not-medically-necessary' }, { answer: '≥ 8', decision: 'approve' }]);
  });
});

describe('number answers', () => {
  it('one value per interval between and at the thresholds, inside the schema range', () => {
    expect(numberChoices(0, 10, [8, 5, 5]).map((c) => [c.value, c.words])).toEqual([
      [0, '< 5'], [5, '5'], [6.5, '> 5 and < 8'], [8, '8'], [10, '> 8'],
    ]);
    expect(numberChoices(0, 10, [0, 12]).map((c) => c.value)).toEqual([0]);
  });
});

describe('missing facts in the comparison card\'s words', () => {
  it('a listed therapy\'s field belongs to the therapies field, said with its place in the list', () => {
    const { field, title } = missingField('conservativeCare.therapies[1].weeks');
    expect([field?.path, title]).toEqual(['conservativeCare.therapies', 'Therapies tried: weeks of therapy 2']);
    expect(missingField('symptoms.painNrs').title).toBe('Pain (NRS/VAS)');
  });
  it('the deciding answers in words; nothing when none decides alone', () => {
    expect(settlesWords([{ answer: '≥ 8', decision: 'approve' }, { answer: '< 5', decision: 'deny', category: 'not-medically-necessary' }]))
      .toBe('≥ 8: approve; < 5: deny (not medically necessary)');
    expect(settlesWords(undefined)).toBe('');
  });
});

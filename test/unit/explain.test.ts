/**
 * Explanations on fixture policies: the nearest pathway and what it lacks, the sentence of why for each kind of
 * decision (reasons only from what decides), candidate answers, and ask next (its answers decide what it says).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledPolicy } from '../../src/lib/criteria/compile.ts';
import { decide } from '../../src/lib/criteria/decide.ts';
import { loadCompiled } from '../../src/lib/criteria/load.ts';
import { answerBasis, candidates, numberCandidates, rangeWords, withAnswer } from '../../src/lib/explain/answers.ts';
import { answersToDecide, askNext, withAnswers } from '../../src/lib/explain/ask-next.ts';
import { explainComparison } from '../../src/lib/explain/explain-comparison.ts';
import { nearestPathway } from '../../src/lib/explain/nearest.ts';
import { topicOf } from '../../src/lib/explain/topic.ts';
import { answerWords, explain } from '../../src/lib/explain/why.ts';
import { withExplanations } from '../../src/lib/explain/with-explanations.ts';
import { factBlock, inlinePolicy } from '../fixtures/inline-policy.ts';
import { sharedCases } from '../fixtures/shared-cases.ts';

/** Two pathways: A (pain and a course of therapy), B (myeloma, symptomatic, imaging concordant). */
const PATHWAYS = `
id: indications
role: indication
title: Indications
source: "I"
tree:
  id: ind
  kind: any
  label: ANY of the following
  of:
    - id: path-a
      kind: all
      label: Painful fracture after conservative care, as evidenced by ALL of the following
      source: "I.A"
      of:
        - { id: a-pain, kind: fact, label: Pain 5 or more, fact: symptoms.painNrs, op: ge, value: 5 }
        - { id: a-care, kind: therapies, label: More than 4 weeks of failed care, kinds: [prescription-analgesic, physical-therapy], outcome: failed, weeks: { op: gt, value: 4 } }
        - { id: a-adl, kind: fact, label: ADL impaired, fact: symptoms.adlImpaired, op: eq, value: true }
    - id: path-b
      kind: all
      label: Painful myeloma
      source: "I.B"
      of:
        - { id: b-myeloma, kind: fact, label: Multiple myeloma, fact: diagnosis.etiology, op: eq, value: multiple-myeloma }
        - { id: b-symptomatic, kind: fact, label: Symptomatic, fact: diagnosis.symptomatic, op: eq, value: true }
        - { id: b-concordant, kind: fact, label: Concordant imaging, fact: diagnosis.imaging.concordant, op: eq, value: true }`;
const PREGNANT = factBlock('id: excl-preg\nrole: exclusion\noutcome: deny\ncategory: not-medically-necessary\ntitle: Pregnancy\nsource: "E3"', 'excl-preg-node', 'findings.pregnant', 'eq', 'true');
const AGE = factBlock('id: ind-age\nrole: indication\ntitle: Age\nsource: "I.C"', 'ind-age-node', 'ageYears', 'ge', '80');

const CASE = {
  dateOfService: '2026-01-01',
  ageYears: 70,
  diagnosis: { etiology: 'osteoporotic', symptomatic: true },
  symptoms: { painNrs: 8, adlImpaired: true },
  conservativeCare: { therapies: [{ kind: 'prescription-analgesic', weeks: 3, outcome: 'failed' }] },
  findings: { pregnant: false },
};
const DOTTED_PATH = /\b(?:request|diagnosis|symptoms|conservativeCare|findings|osteoporosisCare)\.[a-zA-Z]/;

let policy: CompiledPolicy;
let other: CompiledPolicy;
let withAge: CompiledPolicy;
beforeAll(async () => {
  policy = await inlinePolicy([PATHWAYS, PREGNANT]);
  const o = await inlinePolicy([AGE, PREGNANT]);
  other = { ...o, model: { ...o.model, payer: 'other' } };
  withAge = await inlinePolicy([PATHWAYS, AGE, PREGNANT]);
});

describe('nearest pathway', () => {
  it('is the alternative with the fewest unmet conditions, with the case\'s value against the threshold', () => {
    const r = decide(policy, CASE);
    expect(r.decision).toBe('deny');
    const nearest = nearestPathway(policy.model, policy.trace(CASE), r.policy.version, CASE)!;
    expect(nearest.pathway).toBe('Painful fracture after conservative care');
    expect(nearest.node).toBe('path-a');
    expect(nearest.source).toBe('I.A');
    expect(nearest.unmet.map((u) => u.node)).toEqual(['a-care']);
    expect(nearest.unmet[0]).toMatchObject({ value: '3 weeks of prescription analgesic (failed)', needs: 'more than 4 weeks (failed)', fields: ['conservativeCare.therapies'] });
    expect(nearest.unmet[0]!.text).toBe('Conservative care: 3 weeks of prescription analgesic (failed); needs more than 4 weeks (failed)');
  });

  it('moves to the other pathway when that one is closer', () => {
    const c = { ...CASE, diagnosis: { etiology: 'multiple-myeloma', symptomatic: true, imaging: { concordant: false } }, symptoms: { painNrs: 2, adlImpaired: false } };
    const nearest = nearestPathway(policy.model, policy.trace(c), '1', c)!;
    expect(nearest.node).toBe('path-b');
    expect(nearest.unmet.map((u) => u.text)).toEqual(['Imaging concordant with symptoms: no; needs yes']);
  });

  it('is null when a pathway is met', () => {
    const c = { ...CASE, conservativeCare: { therapies: [{ kind: 'physical-therapy', weeks: 6, outcome: 'failed' }] } };
    expect(decide(policy, c).decision).toBe('approve');
    expect(nearestPathway(policy.model, policy.trace(c), '1', c)).toBeNull();
  });
});

describe('why', () => {
  it('a denial on unmet indications names the nearest pathway, and cites only it', () => {
    const e = explain(policy, CASE, decide(policy, CASE));
    expect(e.why).toBe('No indication is met. Nearest: Painful fracture after conservative care: Conservative care: 3 weeks of prescription analgesic (failed); needs more than 4 weeks (failed) (I.A).');
    expect(e.reasons.map((r) => r.node)).toEqual(['a-care']);
  });

  it('a denial by an exclusion names the exclusion and cites only its block', () => {
    const c = { ...CASE, findings: { pregnant: true } };
    const e = explain(policy, c, decide(policy, c));
    expect(e.why).toBe('Excluded: excl-preg-node (Pregnancy: yes) (E3).');
    expect(new Set(e.reasons.map((r) => r.block))).toEqual(new Set(['excl-preg']));
  });

  it('an approval names the pathway met and the facts that met it, each once', () => {
    const c = { ...CASE, conservativeCare: { therapies: [{ kind: 'physical-therapy', weeks: 6, outcome: 'failed' }] } };
    const e = explain(policy, c, decide(policy, c));
    expect(e.why).toMatch(/^Meets Painful fracture after conservative care: Pain \(NRS\/VAS\): 8\/10; Conservative care: 6 weeks of physical therapy \(failed\); Pain limits daily activities: yes \(I\.A\)\.$/);
    expect(e.reasons.map((r) => r.node)).toEqual(['a-pain', 'a-care', 'a-adl']);
  });

  it('an open result says what is settled and the answers that would decide it', () => {
    const c = { ...CASE, ageYears: undefined };
    const r = decide(withAge, c);
    expect(r.decision).toBe('needs-information');
    const deciding = answersToDecide(withAge, c, answerBasis([withAge.model]), r);
    expect(deciding?.answers).toEqual([{ field: 'ageYears', value: 0, words: 'under 80 years' }]);
    const e = explain(withAge, c, r, deciding);
    expect(e.why).toBe('Painful fracture after conservative care is not met: Conservative care: 3 weeks of prescription analgesic (failed); needs more than 4 weeks (failed) (I.A). Answering Age: under 80 years would decide it (deny).');
    expect(e.reasons.map((x) => x.node)).toEqual(['a-care']);
  });

  it('an answer that is a date reads as a date', () => {
    expect(answerWords({ field: 'dateOfService', value: '2025-06-30' })).toBe('Date of service: 2025-06-30');
    expect(answerWords({ field: 'request.purpose', value: 'treat-fracture-or-lesion' })).toBe('Purpose: treat fracture or lesion');
  });

  it('never shows a field path, on every shared case with every real policy', async () => {
    const { policies } = await loadCompiled();
    const basis = answerBasis(policies.map((p) => p.model));
    for (const shared of sharedCases()) {
      const results = policies.map((p) => decide(p, shared.case));
      const e = explainComparison(policies, shared.case, results, basis);
      for (const x of e.explanations) {
        expect(x.why, shared.name).not.toMatch(DOTTED_PATH);
        for (const r of x.reasons) expect(r.text, shared.name).not.toMatch(DOTTED_PATH);
        expect(new Set(x.reasons.map((r) => r.text)).size, `${shared.name}: reasons said once`).toBe(x.reasons.length);
      }
      for (const s of e.speech) expect(s).not.toMatch(DOTTED_PATH);
    }
  }, 120_000);
});

describe('candidate answers', () => {
  it('one number per interval between thresholds, and each threshold', () => {
    expect(numberCandidates([4, 6, 4], 0, 10)).toEqual([0, 4, 5, 6, 10]);
    expect(numberCandidates([], 0, 130)).toEqual([0]);
  });
  it('every choice of yes/no and list fields; none for free text', () => {
    const basis = answerBasis([policy.model]);
    expect(candidates('findings.pregnant', {}, basis)).toEqual([true, false]);
    expect(candidates('symptoms.painNrs', {}, basis)).toEqual([0, 5, 10]);
    expect(candidates('id', {}, basis)).toBeNull();
  });
  it('say a number as the interval it stands for', () => {
    expect(rangeWords(0, [80], 'years')).toBe('under 80 years');
    expect(rangeWords(5, [4, 6], 'weeks')).toBe('between 4 and 6 weeks');
    expect(rangeWords(10, [4, 6], '/10')).toBe('over 6/10');
    expect(rangeWords(6, [4, 6], '/10')).toBe('6/10');
  });
  it('sets a field without touching the case it came from', () => {
    const c = { symptoms: { painNrs: 3 } };
    expect(withAnswer(c, 'symptoms.adlImpaired', true)).toEqual({ symptoms: { painNrs: 3, adlImpaired: true } });
    expect(c).toEqual({ symptoms: { painNrs: 3 } });
    const t = { conservativeCare: { therapies: [{ kind: 'orthosis' }] } };
    expect(withAnswer(t, 'conservativeCare.therapies[0].weeks', 5)).toEqual({ conservativeCare: { therapies: [{ kind: 'orthosis', weeks: 5 }] } });
  });
});

describe('ask next', () => {
  it('finds answers that decide an open payer, and they do decide it', () => {
    const c = { dateOfService: '2026-01-01', symptoms: { painNrs: 8 } };
    const basis = answerBasis([policy.model]);
    const d = answersToDecide(policy, c, basis)!;
    expect(d.answers.length).toBeGreaterThan(0);
    expect(d.answers.length).toBeLessThanOrEqual(5);
    expect(decide(policy, withAnswers(c, d.answers)).decision).toBe(d.decision);
  });

  it('ranks answers across payers, decides what it says, and never suggests firing an exclusion', () => {
    const c = { dateOfService: '2026-01-01', symptoms: { painNrs: 8, adlImpaired: true } };
    const policies = [policy, other];
    const results = policies.map((p) => decide(p, c));
    expect(results.map((r) => r.decision)).toEqual(['needs-information', 'needs-information']);
    const ask = askNext(policies, c, results, answerBasis(policies.map((p) => p.model)));
    expect(ask.open).toEqual(['inline', 'other']);
    expect(ask.fields.length).toBeGreaterThan(0);
    expect(ask.fields.length).toBeLessThanOrEqual(5);
    expect(ask.fields.some((f) => f.field === 'findings.pregnant' && f.value === true)).toBe(false);
    const answered = withAnswers(c, ask.fields);
    for (const p of policies) expect(decide(p, answered).decision).not.toBe('needs-information');
  });

  it('says nothing to ask when every payer has decided', () => {
    const results = [decide(policy, CASE)];
    expect(askNext([policy], CASE, results, answerBasis([policy.model]))).toMatchObject({ fields: [], decides: [], open: [] });
  });
});

describe('results as the CLI prints them', () => {
  it('gain why, nearest and askNext; the rest is decide()\'s result unchanged', () => {
    const results = [decide(policy, CASE)];
    const [x] = withExplanations([policy], CASE, results);
    expect(x).toMatchObject({ ...results[0], why: expect.stringMatching(/^No indication is met/), nearest: { node: 'path-a' }, askNext: { answers: [], decision: 'deny' } });
  });
});

describe('topics', () => {
  it('are the form\'s words', () => {
    expect(topicOf('conservativeCare.therapies')).toBe('conservative care');
    expect(topicOf('conservativeCare.therapies[0].weeks')).toBe('conservative care');
    expect(topicOf('diagnosis.fractureAgeWeeks')).toBe('fracture age and acuity');
  });
});

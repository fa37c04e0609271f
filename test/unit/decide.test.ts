/** The decision layer (docs/block-format.md, "How blocks combine into a decision") on small inline policies. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledPolicy } from '../../src/lib/criteria/compile.ts';
import { decide } from '../../src/lib/criteria/decide.ts';
import { mergeCase } from '../../src/lib/criteria/examples.ts';
import { factBlock, inlinePolicy } from '../fixtures/inline-policy.ts';

/** A case with one field (dotted path) removed: that fact becomes unknown. */
function without(c: unknown, ...paths: string[]): any {
  const out = structuredClone(c) as any;
  for (const path of paths) {
    const keys = path.split('.');
    const parent = keys.slice(0, -1).reduce((o, k) => o?.[k], out);
    if (parent) delete parent[keys.at(-1)!];
  }
  return out;
}
const withFacts = (c: unknown, patch: unknown): any => mergeCase(c, patch);
const outcome = (p: CompiledPolicy, c: unknown) => {
  const r = decide(p, c);
  return r.category ? `${r.decision} ${r.category}` : r.decision;
};

const INDICATION = `
id: indications
role: indication
title: Indications
source: "I"
tree:
  id: ind
  kind: all
  label: All of
  of:
    - { id: ind-pain, kind: fact, label: Pain 5+, fact: symptoms.painNrs, op: ge, value: 5 }
    - id: ind-function
      kind: any
      label: Any of
      of:
        - { id: ind-adl, kind: fact, label: ADL impaired, fact: symptoms.adlImpaired, op: eq, value: true }
        - { id: ind-incap, kind: fact, label: Incapacitated, fact: symptoms.incapacitated, op: eq, value: true }`;

const SCOPE = factBlock('id: scope\nrole: scope\ntitle: Scope\nsource: "S"', 'scope-purpose', 'request.purpose', 'eq', 'treat-fracture-or-lesion');
const STENTING = factBlock('id: excl-stent\nrole: exclusion\noutcome: deny\ncategory: not-covered\ntitle: Stenting\nsource: "E1"', 'excl-stent-node', 'request.technique', 'eq', 'vertebral-body-stenting');
const UPPER = `id: excl-upper\nrole: exclusion\noutcome: deny\ncategory: investigational\ntitle: Upper thoracic\nsource: "E2"\ntree:\n  id: excl-upper-node\n  kind: levels\n  label: T1-T4\n  quantifier: some\n  within: T1-T4`;
const PREGNANT = factBlock('id: excl-preg\nrole: exclusion\noutcome: deny\ncategory: not-medically-necessary\ntitle: Pregnancy\nsource: "E3"', 'excl-preg-node', 'findings.pregnant', 'eq', 'true');
const ANTICOAG = factBlock('id: excl-anticoag\nrole: exclusion\noutcome: individual-review\ntitle: Anticoagulation\nsource: "E4"', 'excl-anticoag-node', 'findings.anticoagulationTherapy', 'eq', 'true');

const BASE = {
  dateOfService: '2026-01-01',
  request: { purpose: 'treat-fracture-or-lesion', technique: 'balloon-kyphoplasty', levels: ['L3'] },
  symptoms: { painNrs: 7, adlImpaired: true, incapacitated: false },
  findings: { pregnant: false, anticoagulationTherapy: false },
};

let policy: CompiledPolicy;
beforeAll(async () => {
  policy = await inlinePolicy([SCOPE, INDICATION, STENTING, UPPER, PREGNANT, ANTICOAG], { unmetCategory: 'investigational' });
});

describe('precedence', () => {
  it('every block as hoped → approve', () => expect(outcome(policy, BASE)).toBe('approve'));
  it('a met deny-exclusion → deny with its category', () => {
    expect(outcome(policy, withFacts(BASE, { findings: { pregnant: true } }))).toBe('deny not-medically-necessary');
    expect(outcome(policy, withFacts(BASE, { request: { levels: ['T2', 'L3'] } }))).toBe('deny investigational');
  });
  it('several deny-exclusions: not-covered > investigational > not-medically-necessary', () => {
    const all = withFacts(BASE, { request: { technique: 'vertebral-body-stenting', levels: ['T2'] }, findings: { pregnant: true } });
    expect(outcome(policy, all)).toBe('deny not-covered');
    expect(outcome(policy, withFacts(all, { request: { technique: 'kiva' } }))).toBe('deny investigational');
    expect(outcome(policy, withFacts(all, { request: { levels: ['L3'] }, findings: { pregnant: true } }))).toBe('deny not-covered');
  });
  it('a scope not met → individual-review', () => {
    expect(outcome(policy, withFacts(BASE, { request: { purpose: 'prophylaxis-chronic-pain' } }))).toBe('individual-review');
  });
  it('a deny-exclusion beats the scope', () => {
    expect(outcome(policy, withFacts(BASE, { request: { purpose: 'prophylaxis-chronic-pain' }, findings: { pregnant: true } }))).toBe('deny not-medically-necessary');
  });
  it('the scope beats the indications', () => {
    expect(outcome(policy, withFacts(BASE, { request: { purpose: 'prophylaxis-chronic-pain' }, symptoms: { painNrs: 2 } }))).toBe('individual-review');
  });
  it('no indication met → deny with the policy\'s unmetCategory', () => {
    expect(outcome(policy, withFacts(BASE, { symptoms: { painNrs: 2 } }))).toBe('deny investigational');
  });
  it('a deny-exclusion beats an unmet indication with its own category', () => {
    expect(outcome(policy, withFacts(BASE, { symptoms: { painNrs: 2 }, findings: { pregnant: true } }))).toBe('deny not-medically-necessary');
  });
  it('a review-exclusion counts only when the indications are met', () => {
    expect(outcome(policy, withFacts(BASE, { findings: { anticoagulationTherapy: true } }))).toBe('individual-review');
    expect(outcome(policy, withFacts(BASE, { symptoms: { painNrs: 2 }, findings: { anticoagulationTherapy: true } }))).toBe('deny investigational');
    expect(outcome(policy, withFacts(BASE, { findings: { anticoagulationTherapy: true, pregnant: true } }))).toBe('deny not-medically-necessary');
  });
  it('a scope with outcome deny denies with its category', async () => {
    const denyScope = factBlock('id: scope\nrole: scope\noutcome: deny\ncategory: not-covered\ntitle: Scope\nsource: "S"', 'scope-purpose', 'request.purpose', 'eq', 'treat-fracture-or-lesion');
    const p = await inlinePolicy([denyScope, INDICATION]);
    expect(outcome(p, withFacts(BASE, { request: { purpose: 'prophylaxis-for-fusion' } }))).toBe('deny not-covered');
    expect(outcome(p, BASE)).toBe('approve');
  });
  it('one met indication of several is enough', async () => {
    const other = factBlock('id: ind-2\nrole: indication\ntitle: Myeloma\nsource: "I2"', 'ind-myeloma', 'diagnosis.etiology', 'eq', 'multiple-myeloma');
    const p = await inlinePolicy([INDICATION, other]);
    expect(outcome(p, withFacts(BASE, { symptoms: { painNrs: 2 }, diagnosis: { etiology: 'multiple-myeloma' } }))).toBe('approve');
    expect(outcome(p, withFacts(BASE, { symptoms: { painNrs: 2 }, diagnosis: { etiology: 'osteoporotic' } }))).toBe('deny not-medically-necessary');
  });
});

describe('unknowns', () => {
  it('an unknown that matters → needs-information naming exactly that fact', () => {
    const r = decide(policy, without(BASE, 'symptoms.painNrs'));
    expect(r.decision).toBe('needs-information');
    expect(r.missing).toEqual(['symptoms.painNrs']);
    expect(decide(policy, without(BASE, 'findings.pregnant')).missing).toEqual(['findings.pregnant']);
    expect(decide(policy, without(BASE, 'request.levels')).missing).toEqual(['request.levels']);
  });
  it('names only the unknown leaves that carry the value, not the known ones beside them', () => {
    const r = decide(policy, without(withFacts(BASE, { symptoms: { adlImpaired: false } }), 'symptoms.incapacitated'));
    expect(r.decision).toBe('needs-information');
    expect(r.missing).toEqual(['symptoms.incapacitated']);
  });
  it('an unknown beside a met alternative settles nothing: decided', () => {
    expect(outcome(policy, without(BASE, 'symptoms.incapacitated'))).toBe('approve');
  });
  it('a met deny-exclusion decides even with other facts unknown', () => {
    // Only the exclusions that could outrank it (technique, levels) are known.
    const c = { dateOfService: '2026-01-01', request: { technique: 'kiva', levels: ['L3'] }, findings: { pregnant: true } };
    const r = decide(policy, c);
    expect(`${r.decision} ${r.category}`).toBe('deny not-medically-necessary');
    expect(r.missing).toEqual([]);
  });
  it('a known unmet indication decides although a review-exclusion is unknown', () => {
    const r = decide(policy, without(withFacts(BASE, { symptoms: { painNrs: 2 } }), 'findings.anticoagulationTherapy'));
    expect(`${r.decision} ${r.category}`).toBe('deny investigational');
  });
  it('does not name unknowns that cannot change the decision (non-pivotal blocks)', () => {
    // scope unknown: out of scope → review, in scope → deny (indication known unmet); the review-exclusion
    // is unknown too, but no resolution of it changes anything.
    const c = without(withFacts(BASE, { symptoms: { painNrs: 2 } }), 'request.purpose', 'findings.anticoagulationTherapy');
    const r = decide(policy, c);
    expect(r.decision).toBe('needs-information');
    expect(r.missing).toEqual(['request.purpose']);
  });
  it('names every fact behind several pivotal unknowns', () => {
    const r = decide(policy, without(BASE, 'request.purpose', 'symptoms.painNrs'));
    expect(r.decision).toBe('needs-information');
    expect([...r.missing].sort()).toEqual(['request.purpose', 'symptoms.painNrs']);
  });
  it('an empty case needs information and names what it reads', () => {
    const r = decide(policy, { dateOfService: '2026-01-01' });
    expect(r.decision).toBe('needs-information');
    expect(r.missing).toEqual(expect.arrayContaining(['request.purpose', 'symptoms.painNrs', 'findings.pregnant']));
  });
  it('every resolution denies but the category is open → deny without a category, naming what settles it', () => {
    // Known: indication unmet (deny, unmetCategory investigational). Unknown: the not-covered exclusion.
    const partial = without(withFacts(BASE, { symptoms: { painNrs: 2 } }), 'request.technique');
    const r = decide(policy, partial);
    expect([r.decision, r.category]).toEqual(['deny', undefined]);
    expect(r.missing).toEqual(['request.technique']);
    expect(outcome(policy, withFacts(partial, { request: { technique: 'vertebral-body-stenting' } }))).toBe('deny not-covered');
    expect(outcome(policy, withFacts(partial, { request: { technique: 'kiva' } }))).toBe('deny investigational');
  });
});

describe('versions and the date of service', () => {
  const versions = [
    '  - version: "1"', '    effective: 2025-01-01', '    until: 2026-01-01',
    '  - version: "2"', '    effective: 2026-01-01', '    nextReview: 2026-06-01',
  ].join('\n');
  const pain = factBlock('id: ind\nrole: indication\ntitle: Pain\nsource: "I"', 'ind-pain', 'symptoms.painNrs', 'ge', '5');
  const v2Only = `${factBlock('id: excl\nrole: exclusion\noutcome: deny\ncategory: investigational\ntitle: Pregnancy\nsource: "E"', 'excl-preg', 'findings.pregnant', 'eq', 'true')}\nversions: ["2"]`;
  const CASE = { symptoms: { painNrs: 7 }, findings: { pregnant: true } };
  let p: CompiledPolicy;
  beforeAll(async () => {
    p = await inlinePolicy([pain, v2Only], { versions });
  });

  it('before the first effective date → not-in-effect, no version', () => {
    const r = decide(p, { ...CASE, dateOfService: '2024-12-31' });
    expect(r.decision).toBe('not-in-effect');
    expect(r.policy.version).toBeNull();
  });
  it('the effective date is the first day in effect', () => {
    const r = decide(p, { ...CASE, dateOfService: '2025-01-01' });
    expect([r.decision, r.policy.version]).toEqual(['approve', '1']);
  });
  it('`until` is the first day no longer in effect; blocks apply only to their versions', () => {
    expect(decide(p, { ...CASE, dateOfService: '2025-12-31' }).policy.version).toBe('1');
    const r = decide(p, { ...CASE, dateOfService: '2026-01-01' });
    expect([r.decision, r.category, r.policy.version]).toEqual(['deny', 'investigational', '2']);
  });
  it('a review date does not end a version', () => {
    expect(decide(p, { ...CASE, dateOfService: '2030-01-01' }).policy.version).toBe('2');
  });
  it('after the last version\'s `until` → not-in-effect', async () => {
    const ended = await inlinePolicy([pain], { versions: '  - version: "1"\n    effective: 2025-01-01\n    until: 2026-01-01' });
    expect(decide(ended, { ...CASE, dateOfService: '2025-12-31' }).decision).toBe('approve');
    expect(decide(ended, { ...CASE, dateOfService: '2026-01-01' }).decision).toBe('not-in-effect');
  });
  it('no date of service → needs-information naming dateOfService', () => {
    const r = decide(p, { symptoms: { painNrs: 7 }, findings: { pregnant: false } });
    expect(r.decision).toBe('needs-information');
    expect(r.missing).toEqual(['dateOfService']);
  });
  it('no date of service, even when every version would agree', () => {
    expect(decide(p, { symptoms: { painNrs: 2 }, findings: { pregnant: false } }).decision).toBe('needs-information');
  });
  it('no date of service and another unknown → both named', () => {
    const r = decide(p, { findings: { pregnant: false } });
    expect([...r.missing].sort()).toEqual(['dateOfService', 'symptoms.painNrs']);
  });
});

/**
 * Leaf semantics through the decision layer: a policy whose only block is an indication with this one node
 * approves when the node is met, denies when it is not, and needs information when it is unknown.
 */
const VERDICT = { approve: 'met', deny: 'not-met', 'needs-information': 'unknown' } as Record<string, string>;
async function leaf(node: string) {
  const p = await inlinePolicy([`id: only\nrole: indication\ntitle: Only\nsource: "I"\ntree:\n  id: only-node\n  label: The criterion\n  ${node.trim().replace(/\n/g, '\n  ')}`]);
  return (c: object) => VERDICT[decide(p, { dateOfService: '2026-01-01', ...c }).decision];
}
const therapies = (...list: object[]) => ({ conservativeCare: { therapies: list } });

describe('therapies', () => {
  let two: (c: object) => string | undefined;
  beforeAll(async () => {
    two = await leaf('kind: therapies\nkinds: [physical-therapy, orthosis, prescription-analgesic]\noutcome: failed\nweeks: { op: ge, value: 6 }\natLeast: 2');
  });
  const pt = { kind: 'physical-therapy', weeks: 8, outcome: 'failed' };
  it('counts distinct kinds, not therapies', () => {
    expect(two(therapies(pt, { ...pt, weeks: 12 }))).toBe('not-met');
    expect(two(therapies(pt, { kind: 'orthosis', weeks: 6, outcome: 'failed' }))).toBe('met');
  });
  it('applies the weeks comparison (boundary included for ge)', () => {
    expect(two(therapies(pt, { kind: 'orthosis', weeks: 5.9, outcome: 'failed' }))).toBe('not-met');
  });
  it('applies the outcome', () => {
    expect(two(therapies(pt, { kind: 'orthosis', weeks: 10, outcome: 'improved' }))).toBe('not-met');
  });
  it('ignores kinds not listed', () => {
    expect(two(therapies(pt, { kind: 'bed-rest', weeks: 10, outcome: 'failed' }))).toBe('not-met');
  });
  it('unknown weeks or outcome of a therapy that could count → unknown', () => {
    expect(two(therapies(pt, { kind: 'orthosis', outcome: 'failed' }))).toBe('unknown');
    expect(two(therapies(pt, { kind: 'orthosis', weeks: 8 }))).toBe('unknown');
  });
  it('one qualifying therapy of a kind is enough, whatever the others of that kind', () => {
    expect(two(therapies({ kind: 'orthosis' }, { kind: 'orthosis', weeks: 9, outcome: 'failed' }, pt))).toBe('met');
  });
  it('a given list is complete; an absent list is unknown', () => {
    expect(two(therapies())).toBe('not-met');
    expect(two({ conservativeCare: { contraindicated: true } })).toBe('unknown');
    expect(two({})).toBe('unknown');
  });
  it('defaults: every kind, any outcome, at least one', async () => {
    const any = await leaf('kind: therapies');
    expect(any(therapies({ kind: 'bed-rest' }))).toBe('met');
    expect(any(therapies())).toBe('not-met');
  });
  it('weeks with lt', async () => {
    const short = await leaf('kind: therapies\nkinds: [orthosis]\nweeks: { op: lt, value: 4 }');
    expect(short(therapies({ kind: 'orthosis', weeks: 3 }))).toBe('met');
    expect(short(therapies({ kind: 'orthosis', weeks: 4 }))).toBe('not-met');
  });
});

describe('levels and level-count', () => {
  const lv = (levels: string[]) => ({ request: { levels } });
  it('every / some / none against a range list', async () => {
    const every = await leaf('kind: levels\nquantifier: every\nwithin: T5-L5');
    const some = await leaf('kind: levels\nquantifier: some\nwithin: T1-T4');
    const none = await leaf('kind: levels\nquantifier: none\nwithin: "S1-S5, Co"');
    expect([every(lv(['T5', 'L5'])), every(lv(['T4', 'L1'])), every({})]).toEqual(['met', 'not-met', 'unknown']);
    expect([some(lv(['T4', 'L1'])), some(lv(['T5', 'L1'])), some({})]).toEqual(['met', 'not-met', 'unknown']);
    expect([none(lv(['L5'])), none(lv(['L5', 'Co'])), none({})]).toEqual(['met', 'not-met', 'unknown']);
  });
  it('level-count compares the number of treated levels', async () => {
    const upTo3 = await leaf('kind: level-count\nop: le\nvalue: 3');
    expect([upTo3(lv(['L1', 'L2', 'L3'])), upTo3(lv(['T12', 'L1', 'L2', 'L3'])), upTo3({})]).toEqual(['met', 'not-met', 'unknown']);
  });
});

describe('fact operators', () => {
  const care = (list: string[]) => ({ osteoporosisCare: list });
  it('has: program-enrolled implies program-referral, not the reverse', async () => {
    const referral = await leaf('kind: fact\nfact: osteoporosisCare\nop: has\nvalue: program-referral');
    const enrolled = await leaf('kind: fact\nfact: osteoporosisCare\nop: has\nvalue: program-enrolled');
    expect([referral(care(['program-enrolled'])), referral(care(['program-referral'])), referral(care(['bmd-referral'])), referral(care([])), referral({})])
      .toEqual(['met', 'met', 'not-met', 'not-met', 'unknown']);
    expect([enrolled(care(['program-referral'])), enrolled(care(['program-enrolled']))]).toEqual(['not-met', 'met']);
  });
  it('ne, in and not-in are unknown when the fact is absent', async () => {
    const ne = await leaf('kind: fact\nfact: request.technique\nop: ne\nvalue: vertebroplasty');
    const notIn = await leaf('kind: fact\nfact: diagnosis.etiology\nop: not-in\nvalue: [hemangioma, none]');
    expect([ne({ request: { technique: 'kiva' } }), ne({ request: { technique: 'vertebroplasty' } }), ne({})]).toEqual(['met', 'not-met', 'unknown']);
    expect([notIn({ diagnosis: { etiology: 'osteoporotic' } }), notIn({ diagnosis: { etiology: 'none' } }), notIn({})]).toEqual(['met', 'not-met', 'unknown']);
  });
  it('false and 0 are answers, not unknowns', async () => {
    const notPregnant = await leaf('kind: fact\nfact: findings.pregnant\nop: eq\nvalue: false');
    const painFree = await leaf('kind: fact\nfact: symptoms.painNrs\nop: lt\nvalue: 1');
    expect([notPregnant({ findings: { pregnant: false } }), notPregnant({ findings: {} })]).toEqual(['met', 'unknown']);
    expect([painFree({ symptoms: { painNrs: 0 } }), painFree({ symptoms: {} })]).toEqual(['met', 'unknown']);
  });
  it('not of an unknown is unknown', async () => {
    const notPregnant = await leaf('kind: not\nof: { id: preg, kind: fact, label: Pregnant, fact: findings.pregnant, value: true }');
    expect([notPregnant({ findings: { pregnant: false } }), notPregnant({ findings: { pregnant: true } }), notPregnant({})]).toEqual(['met', 'not-met', 'unknown']);
  });
});

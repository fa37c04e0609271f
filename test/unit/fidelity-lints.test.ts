/**
 * The two fidelity checks of `npm run check`: reachability (every ANY alternative and every pathway decides some
 * case) and threshold pinning (every threshold moved by one step fails some example). Fixture policies show
 * each finding and its fix; the five shipped policies must be clean.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/lib/criteria/decide.ts';
import { reachabilityMessages, unreachable } from '../../src/lib/criteria/lint-reachability.ts';
import { importCompiled, loadCompiled, loadModel } from '../../src/lib/criteria/load.ts';
import { formatMessage } from '../../src/lib/criteria/messages.ts';
import { mutations, pinningMessages, rangeSteps, steps, unpinned } from '../../src/lib/criteria/pinning.ts';
import { readPublicExamples } from '../../src/lib/criteria/public-cases-fs.ts';
import { parseMdx } from '../../src/lib/criteria/parse.ts';
import { validate } from '../../src/lib/criteria/validate.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/lint');
const publicExamples = readPublicExamples();

async function compiledFrom(file: string, text = readFileSync(file, 'utf8')) {
  const { model, messages } = validate(parseMdx(file, text));
  if (!model) throw new Error(messages.map(formatMessage).join('\n'));
  return { policy: await importCompiled(model), text };
}

// Compiling and searching take seconds on a busy machine: generous timeouts, no timing assertions.
const SLOW = 60_000;

describe('reachability', () => {
  const file = join(FIXTURES, 'unreachable/input.mdx');

  it('reports the painless aggressive hemangioma branch that the pain exclusion always denies, at file:line:column', async () => {
    const { policy, text } = await compiledFrom(file);
    const messages = reachabilityMessages(policy, text);
    expect(messages).toHaveLength(1);
    const [m] = messages;
    const line = text.split('\n').findIndex((l) => l.includes('- id: ind-aggressive')) + 1;
    expect(m).toMatchObject({ ruleId: 'unreachable', severity: 'error', place: { line, column: 11 } });
    expect(m!.reason).toContain('alternative `ind-aggressive` that no case is approved through');
  }, SLOW);

  it('the painful alternative is reachable: a case found through it is approved by the compiled evaluator', async () => {
    const { policy } = await compiledFrom(file);
    const found = unreachable(policy).map((u) => policy.model.nodes[u.node]!.id);
    expect(found).not.toContain('ind-painful');
    // The same policy, by hand: a painful hemangioma whose pain is from the lesion is approved.
    const painful = { dateOfService: '2026-01-01', diagnosis: { etiology: 'hemangioma', symptomatic: true }, symptoms: { painFromFracture: true }, findings: { accessSiteInfection: false, septicemia: false } };
    expect(decide(policy, painful).decision).toBe('approve');
  }, SLOW);

  it('an <Interpretation allow="unreachable"> note silences exactly the nodes it names; without it they are reported', async () => {
    const { text } = await compiledFrom(file);
    const withoutNote = text.replace(' allow="unreachable"', '');
    const { policy } = await compiledFrom(file, withoutNote);
    const ids = unreachable(policy).map((u) => policy.model.nodes[u.node]!.id).sort();
    expect(ids).toEqual(['excl-infection-site', 'excl-infection-trajectory', 'ind-aggressive']);
  }, SLOW);

  it('fixing the policy as Cohere was fixed (the exclusion spares aggressive hemangiomas) makes the branch reachable', async () => {
    const { text } = await compiledFrom(file);
    const fixed = text.replace(
      '  id: excl-pain-elsewhere\n  kind: fact\n  label: Back pain is not due to the lesion\n  fact: symptoms.painFromFracture\n  op: eq\n  value: false',
      [
        '  id: excl-pain-elsewhere',
        '  kind: all',
        '  label: Back pain is not due to the lesion, which is not an aggressive hemangioma',
        '  of:',
        '    - { id: excl-pain-fact, kind: fact, label: Back pain is not due to the lesion, fact: symptoms.painFromFracture, op: eq, value: false }',
        '    - id: excl-not-aggressive',
        '      kind: not',
        '      label: Not an aggressive lesion',
        '      of: { id: excl-aggressive, kind: fact, label: Aggressive, fact: diagnosis.hemangiomaAggressive, op: eq, value: true }',
      ].join('\n'),
    );
    expect(fixed).not.toBe(text);
    const { policy } = await compiledFrom(file, fixed);
    expect(unreachable(policy)).toEqual([]);
  }, SLOW);

  it('an unknown allow value is a validation error', () => {
    const text = readFileSync(file, 'utf8').replace('allow="unreachable"', 'allow="unreachabel"');
    const { messages } = validate(parseMdx(file, text));
    expect(messages.map((m) => m.ruleId)).toContain('note-allow');
    expect(messages.find((m) => m.ruleId === 'note-allow')!.reason).toContain('Unexpected allow `unreachabel`');
  });
});

describe('threshold pinning', () => {
  it('moves each kind of threshold one step either way', () => {
    expect(steps('ge', 8)).toEqual([{ op: 'ge', value: 7 }, { op: 'ge', value: 9 }]);
    expect(steps('gt', 4)).toEqual([{ op: 'ge', value: 4 }, { op: 'gt', value: 5 }]);
    expect(steps('lt', 6)).toEqual([{ op: 'lt', value: 5 }, { op: 'le', value: 6 }]);
    expect(rangeSteps('T5-L5')).toEqual(['T4-L5', 'T6-L5', 'T5-L4', 'T5-S1']);
    // A moved end that another part already covers names the same levels: not a different threshold.
    expect(rangeSteps('S1-S5, Co')).not.toContain('S1-Co, Co');
    expect(rangeSteps('C1-T4')).toEqual(['C2-T4', 'C1-T3', 'C1-T5']);
  }, SLOW);

  it('reports the level range no example pins, with a case telling the two apart, and not the pain threshold the examples pin', async () => {
    const file = join(FIXTURES, 'unpinned/input.mdx');
    const { policy, text } = await compiledFrom(file);
    const { messages, report } = await pinningMessages(policy, publicExamples, text);
    expect(report.mutations).toBe(6);
    const line = text.split('\n').findIndex((l) => l.trim() === 'within: T5-L5') + 1;
    expect(messages.map((m) => [m.place.line, m.ruleId])).toEqual(Array(4).fill([line, 'threshold-unpinned']));
    expect(messages[0]!.reason).toMatch(/^threshold `every level within T5-L5` at input\.mdx:\d+:\d+ is not pinned by any example: changed to `every level within T4-L5` every example still passes \(a case with levels \["T4"\] is deny/);
    expect(messages.some((m) => m.reason.includes('painNrs'))).toBe(false);
  }, SLOW);

  it('adding examples on both sides of the range silences it', async () => {
    const file = join(FIXTURES, 'unpinned/input.mdx');
    const example = (name: string, level: string, decision: string) => `\n\`\`\`example\nname: ${name}\nclause: "Policy › I"\ncase:\n  dateOfService: 2026-01-01\n  request: { levels: [${level}] }\n  symptoms: { painNrs: 9 }\nexpect:\n  decision: ${decision}\n\`\`\`\n`;
    const text = readFileSync(file, 'utf8') + example('t4-denied', 'T4', 'deny') + example('t5-approved', 'T5', 'approve') + example('l5-approved', 'L5', 'approve') + example('s1-denied', 'S1', 'deny');
    const { policy } = await compiledFrom(file, text);
    const report = await unpinned(policy, publicExamples);
    expect(report.unpinned).toEqual([]);
    expect(report.mutations).toBe(mutations(policy.model).length);
  }, SLOW);

  it('a mutation no case can tell apart (a sacral range end the coccyx clause already covers) is proven equivalent, not reported', async () => {
    const { policies } = await loadCompiled();
    const cigna = policies.find((p) => p.model.payer === 'cigna')!;
    const report = await unpinned(cigna, publicExamples);
    expect(report.unpinned).toEqual([]);
    expect(report.equivalent).toBeGreaterThan(0);
  }, 120_000);
});

describe('the five shipped policies', () => {
  it('have no unreachable alternative or pathway and no unpinned threshold', async () => {
    const { policies, messages } = await loadCompiled();
    expect(messages).toEqual([]);
    expect(policies.map((p) => p.model.payer).sort()).toEqual(['cigna', 'cohere', 'excellus', 'kaiser-wa', 'regence']);
    for (const policy of policies) {
      const text = readFileSync(policy.model.file, 'utf8');
      expect(reachabilityMessages(policy, text).map(formatMessage), policy.model.payer).toEqual([]);
      const { messages: pins, report } = await pinningMessages(policy, publicExamples, text);
      expect(pins.map(formatMessage), policy.model.payer).toEqual([]);
      expect(report.mutations, policy.model.payer).toBeGreaterThan(0);
    }
  }, 120_000);

  it('decide the misreadings of issue #12 as the texts say', async () => {
    const { policies } = await loadCompiled();
    const by = (id: string) => policies.find((p) => p.model.payer === id)!;
    const base = (name: string) => structuredClone(publicExamples.find((e) => e.name === name)!.case) as Record<string, any>;
    // A plasmacytoma elsewhere does not put an osteoporotic fracture on the malignant pathway.
    for (const payer of ['excellus', 'cigna']) {
      const c = base('subacute-osteoporotic-l3');
      c.findings.solitaryPlasmacytoma = true;
      c.conservativeCare.therapies = [];
      c.osteoporosisCare = [];
      expect(decide(by(payer), c).decision, payer).toBe('deny');
    }
    // Excellus: a Medicare osteoporotic request goes to the LCD (review) even with a contraindication.
    const medicare = base('subacute-osteoporotic-l3');
    medicare.coverage = 'medicare';
    medicare.findings.cementOrContrastAllergy = true;
    expect(decide(by('excellus'), medicare).decision).toBe('individual-review');
    // Kaiser: the non-Medicare device table does not apply to a Medicare member.
    const kiva = base('subacute-osteoporotic-l3');
    kiva.request.technique = 'kiva';
    expect(decide(by('kaiser-wa'), kiva)).toMatchObject({ decision: 'deny', category: 'not-covered' });
    kiva.coverage = 'medicare';
    expect(decide(by('kaiser-wa'), kiva).decision).toBe('approve');
    // Cohere: prophylaxis before a fusion reaches the scope rule without fracture facts; a painless aggressive
    // hemangioma is approved.
    const fusion = { dateOfService: '2026-11-21', coverage: 'commercial', request: { technique: 'vertebroplasty', levels: ['L1'], purpose: 'prophylaxis-for-fusion' } };
    expect(decide(by('cohere'), fusion)).toMatchObject({ decision: 'individual-review', missing: [] });
    const hemangioma = base('myeloma-t8');
    Object.assign(hemangioma.diagnosis, { etiology: 'hemangioma', symptomatic: false, hemangiomaAggressive: true });
    hemangioma.symptoms.painFromFracture = false;
    expect(decide(by('cohere'), hemangioma).decision).toBe('approve');
  }, 120_000);
});

describe('models keep their notes', () => {
  it('a note with allow keeps the list in the model', () => {
    const { model } = loadModel(join(FIXTURES, 'unreachable/input.mdx'));
    expect(model!.notes).toEqual([expect.objectContaining({ id: 'same-fact', allow: ['unreachable'], nodes: ['excl-infection-site', 'excl-infection-trajectory'] })]);
  });
});

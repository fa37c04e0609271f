/**
 * Examples inside a policy (```example blocks): evaluated against the policy, compared with what the author
 * expects, and reported by `npm run check` with the file and line of each example that fails.
 * Fixture: test/fixtures/lint/example-failed (two passing examples, three failing for different reasons).
 */
import { join, relative } from 'node:path';
import { checkCommand } from '../../src/lib/cli/check-command.ts';
import { run } from './cli-harness.ts';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/lib/criteria/check.ts';
import { exampleMessages, mergeCase, runExample, type ExampleRun } from '../../src/lib/criteria/examples.ts';
import { importCompiled, loadModel } from '../../src/lib/criteria/load.ts';
import { formatMessage } from '../../src/lib/criteria/messages.ts';
import { readPublicExamples } from '../../src/lib/criteria/public-cases-fs.ts';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'test/fixtures/lint/example-failed/input.mdx');
const FILE = relative(process.cwd(), FIXTURE);
const publicExamples = readPublicExamples();

async function runs(): Promise<Map<string, ExampleRun>> {
  const { model } = loadModel(FIXTURE);
  const policy = await importCompiled(model!);
  return new Map(model!.examples.map((e) => [e.name, runExample(policy, e, publicExamples)]));
}

describe('runExample', () => {
  it('passes when decision, category and missing fields are as expected', async () => {
    const r = await runs();
    expect(r.get('approve-pain-7')).toMatchObject({ pass: true, problems: [], result: { decision: 'approve' } });
    expect(r.get('pain-unknown')).toMatchObject({ pass: true, result: { decision: 'needs-information', missing: ['symptoms.painNrs'] } });
  });

  it('fails on a different decision, naming actual and expected', async () => {
    const run = (await runs()).get('approve-pain-4')!;
    expect(run.pass).toBe(false);
    expect(run.result?.decision).toBe('deny');
    expect(run.problems).toEqual(['decision deny, expected approve']);
  });

  it('fails on a different category even when the decision agrees', async () => {
    const run = (await runs()).get('pregnant-denied')!;
    expect(run).toMatchObject({ pass: false, result: { decision: 'deny', category: 'investigational' } });
    expect(run.problems).toEqual(['category investigational, expected not-medically-necessary']);
  });

  it('starts from a public example (`base`) and fails, listing the names, when there is none by that name', async () => {
    const r = await runs();
    expect(r.get('pregnant-denied')!.case?.request?.levels).toEqual(['L3']); // from subacute-osteoporotic-l3
    const missing = r.get('from-nowhere')!;
    expect(missing).toMatchObject({ pass: false, result: null });
    expect(missing.problems[0]).toMatch(/^Unexpected base `no-such-case`, expected a public example: .*subacute-osteoporotic-l3/);
  });

  it('fails when the case does not follow the case format, with the field at fault', async () => {
    const { model } = loadModel(FIXTURE);
    const policy = await importCompiled(model!);
    const run = runExample(policy, { ...model!.examples[0]!, case: { symptoms: { painNrs: 11 } } }, publicExamples);
    expect(run.pass).toBe(false);
    expect(run.problems.join('\n')).toContain('symptoms.painNrs');
  });

  it('merges `case` into `base`: objects key by key, lists and values replace', () => {
    const base = { request: { levels: ['L1', 'L2'], technique: 'vertebroplasty' }, symptoms: { painNrs: 7 } };
    expect(mergeCase(base, { request: { levels: ['T8'] }, findings: { pregnant: true } })).toEqual({
      request: { levels: ['T8'], technique: 'vertebroplasty' },
      symptoms: { painNrs: 7 },
      findings: { pregnant: true },
    });
    expect(base.request.levels).toEqual(['L1', 'L2']);
  });
});

describe('failing examples in npm run check', () => {
  it('name the file and the line of each failing example, and only those', async () => {
    const r = await runs();
    const lines = exampleMessages(FILE, [...r.values()]).map(formatMessage);
    expect(lines).toEqual([
      `${FILE}:74:1: Example \`approve-pain-4\` (Policy › I) failed: decision deny, expected approve (example-failed)`,
      `${FILE}:86:1: Example \`pregnant-denied\` (Policy › II) failed: category investigational, expected not-medically-necessary (example-failed)`,
      expect.stringMatching(new RegExp(`^${FILE}:109:1: Example \`from-nowhere\` \\(Policy › I\\) failed: Unexpected base`)),
    ]);
  });

  it('checkFiles counts every run and reports the failures as errors', async () => {
    const report = await checkFiles([FIXTURE], publicExamples);
    expect(report.runs.map((x) => x.pass)).toEqual([true, false, false, true, false]);
    expect(report.messages.filter((m) => m.ruleId === 'example-failed').map((m) => m.place.line)).toEqual([74, 86, 109]);
    expect(report.messages.every((m) => m.severity === 'error')).toBe(true);
  });

  it('check -- FILE exits 1 and prints each failing example with file:line', async () => {
    const { status, stdout } = await run(checkCommand, [FILE]);
    expect(status).toBe(1);
    expect(stdout).toContain(`${FILE}:74:1: Example \`approve-pain-4\``);
    expect(stdout).toMatch(/2\/5 examples as expected, 3 errors/);
  });
});

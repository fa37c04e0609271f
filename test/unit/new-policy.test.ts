/**
 * `npm run new-policy -- <payer-id>` scaffolds a policy that passes `npm run check` as written, refuses an
 * invalid id, and never overwrites. The command runs in-process into a temporary directory (--dir), never src/content.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newPolicyCommand } from '../../src/lib/cli/new-policy-command.ts';
import { run } from './cli-harness.ts';
import { payerIdProblem, scaffoldPolicy } from '../../src/lib/authoring/scaffold.ts';
import { checkFiles } from '../../src/lib/criteria/check.ts';
import { formatMessage } from '../../src/lib/criteria/messages.ts';
import { readPublicExamples } from '../../src/lib/criteria/public-cases-fs.ts';

const TMP = mkdtempSync(join(tmpdir(), 'new-policy-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const newPolicy = (...args: string[]) => run(newPolicyCommand, args);

describe('npm run new-policy', () => {
  it('writes <dir>/<payer-id>.mdx that passes check: no messages, its example as expected', async () => {
    const { status, stdout } = await newPolicy('acme-health', '--dir', TMP, '--name', 'Acme Health Plan');
    expect(status, stdout).toBe(0);
    const path = join(TMP, 'acme-health.mdx');
    expect(stdout).toContain('acme-health.mdx (passes npm run check)');
    const report = await checkFiles([path], readPublicExamples());
    expect(report.messages.map(formatMessage)).toEqual([]);
    const [model] = report.models;
    expect(model).toMatchObject({ payer: 'acme-health', meta: { payerName: 'Acme Health Plan' } });
    expect(model!.blocks.map((b) => b.role)).toEqual(['indication', 'exclusion']);
    expect(model!.codes.flatMap((c) => c.codes.map((x) => x.code))).toEqual(['22513', '22514']);
    expect(model!.notes.map((n) => n.id)).toEqual(['levels-reading']);
    // One approved example, then one on each side of every threshold (the pinning check finds nothing to add).
    expect(report.runs.map((r) => [r.example.name, r.pass])).toEqual(
      ['osteoporotic-l1-approved', 't5-approved', 't4-denied', 'l5-approved', 's1-denied', 'pain-5-approved', 'pain-4-denied', 'five-weeks-denied'].map((n) => [n, true]),
    );
  }, 60_000);

  it('refuses to overwrite an existing file (exit 1), leaving it as it was', async () => {
    const path = join(TMP, 'kept.mdx');
    writeFileSync(path, 'the author\'s work');
    const { status, stderr } = await newPolicy('kept', '--dir', TMP);
    expect(status).toBe(1);
    expect(stderr).toContain('Unexpected existing file');
    expect(readFileSync(path, 'utf8')).toBe('the author\'s work');
  }, 60_000);

  it('refuses an invalid payer id (exit 2) and writes nothing', async () => {
    const before = readdirSync(TMP);
    const { status, stderr } = await newPolicy('Acme_Health', '--dir', TMP);
    expect(status).toBe(2);
    expect(stderr).toContain('Unexpected payer id `Acme_Health`, expected a kebab-case id');
    expect(readdirSync(TMP)).toEqual(before);
    expect(existsSync(join(TMP, 'Acme_Health.mdx'))).toBe(false);
  }, 60_000);
});

describe('scaffoldPolicy', () => {
  it('names the payer from its id unless told, and dates the version and the example alike', async () => {
    const text = scaffoldPolicy({ payer: 'blue-river', effective: '2027-03-01' });
    expect(text).toContain('payerName: "Blue River"');
    expect(text).toMatch(/effective: 2027-03-01/);
    expect(text).toMatch(/dateOfService: 2027-03-01/);
    const path = join(TMP, 'blue-river.mdx');
    writeFileSync(path, text);
    const report = await checkFiles([path], readPublicExamples());
    expect(report.messages.map(formatMessage)).toEqual([]);
  });

  it('accepts kebab-case ids only', () => {
    for (const ok of ['acme', 'acme-health', 'plan-2']) expect(payerIdProblem(ok), ok).toBeNull();
    for (const bad of ['', 'Acme', 'acme_health', 'acme--health', '-acme', 'acme-', 'acme health', '../acme']) expect(payerIdProblem(bad), bad).toMatch(/^Unexpected payer id/);
  });
});

/**
 * The batch side of `npm run evaluate`: JSON Lines in and out in order with two workers (one real spawn, as
 * users run it), an invalid line stopping the run with its line number, --skip-invalid, the summary as JSON
 * with --by; the rest in-process (the logic is also tested piece by piece in batch.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledPolicy } from '../../src/lib/criteria/compile.ts';
import { decide } from '../../src/lib/criteria/decide.ts';
import { loadCompiled } from '../../src/lib/criteria/load.ts';
import { evaluateCommand } from '../../src/lib/cli/evaluate-command.ts';
import { sharedCases } from '../fixtures/shared-cases.ts';
import { run } from './cli-harness.ts';

const ROOT = join(import.meta.dirname, '../..');
const TMP = mkdtempSync(join(tmpdir(), 'batch-cli-'));
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const TIMEOUT = 300_000;

const evaluate = (args: string[], stdin?: string) => run(evaluateCommand, args, stdin);
function file(name: string, content: string): string {
  const path = join(TMP, name);
  writeFileSync(path, content);
  return path;
}

let policies: CompiledPolicy[];
const cases = sharedCases().map((s) => s.case);
beforeAll(async () => {
  ({ policies } = await loadCompiled());
});
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const decisions = (results: Array<{ payer: string; decision: string }>) => results.map((r) => `${r.payer}:${r.decision}`).join(' ');

describe('npm run evaluate on many cases', () => {
  it('JSON Lines in → one result line per case, in order, with two worker threads (a real process, piped)', () => {
    const many = Array.from({ length: 2100 }, (_, i) => cases[i % cases.length]);
    const r = spawnSync(process.execPath, [TSX, 'src/cli/evaluate.ts', file('many.jsonl', many.map((c) => JSON.stringify(c)).join('\n')), '--workers', '2'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(many.length);
    lines.forEach((l, i) => {
      if (i % 97 === 0) expect(decisions(JSON.parse(l)), `line ${i + 1}`).toBe(decisions(policies.map((p) => decide(p, many[i]))));
    });
  }, TIMEOUT);

  it('a JSON array given --jsonl comes out as JSON Lines', async () => {
    const { status, stdout } = await evaluate([file('arr.json', JSON.stringify(cases.slice(0, 3))), '--jsonl']);
    expect(status).toBe(0);
    expect(stdout.trimEnd().split('\n').map((l) => decisions(JSON.parse(l)))).toEqual(cases.slice(0, 3).map((c) => decisions(policies.map((p) => decide(p, c)))));
  }, TIMEOUT);

  it('stops at an invalid line with exit 2, naming its line and field path, and writes nothing half', async () => {
    const text = [JSON.stringify(cases[0]), JSON.stringify({ request: { levels: ['T13'] } }), JSON.stringify(cases[1])].join('\n');
    const { status, stdout, stderr } = await evaluate([file('bad.jsonl', text)]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Invalid case at line 2 in .*bad\.jsonl:\n {2}request\.levels\[0\]: Unexpected `T13`/);
  }, TIMEOUT);

  it('--skip-invalid keeps going, keeps one line per case and counts what it skipped', async () => {
    const text = [JSON.stringify(cases[0]), '{oops', JSON.stringify(cases[1])].join('\n');
    const { status, stdout, stderr } = await evaluate([file('skip.jsonl', text), '--skip-invalid']);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatchObject({ at: 'line 2', invalid: [expect.stringMatching(/^not JSON/)] });
    expect(decisions(lines[2])).toBe(decisions(policies.map((p) => decide(p, cases[1]))));
    expect(stderr).toMatch(/^line 2: not JSON.*\nSkipped 1 invalid case\(s\)\.\n$/);
  }, TIMEOUT);

  it('--summary --json --by coverage counts every case', async () => {
    const { status, stdout } = await evaluate([file('sum.jsonl', cases.map((c) => JSON.stringify(c)).join('\n')), '--summary', '--json', '--by', 'coverage']);
    expect(status).toBe(0);
    const s = JSON.parse(stdout);
    expect(s.cases).toBe(cases.length);
    for (const p of s.payers) expect(p.decisions.reduce((x: number, d: { cases: number }) => x + d.cases, 0)).toBe(cases.length);
    expect(s.by.field).toBe('coverage');
  }, TIMEOUT);

  it('refuses an unknown --by field, and cuts a case with thousands of problems to twenty plus a count', async () => {
    expect((await evaluate([file('c.jsonl', '{}'), '--summary', '--by', 'nope'])).stderr).toMatch(/Unexpected --by field `nope`/);
    const bad = Array.from({ length: 3000 }, (_, i) => `  "f${i}": 1`).join(',\n');
    const r = await evaluate([file('wide.json', `{\n${bad}\n}`)]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(22);
    expect(lines[20]).toMatch(/Unexpected field `f19`/);
    expect(lines[21]).toBe('  … and 2980 more problems');
  }, TIMEOUT);
});

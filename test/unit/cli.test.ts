/** The CLIs as users run them: `npm run --silent evaluate -- FILE` and `npm run --silent check [-- FILE…]`. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../src/lib/criteria/decide.ts';
import { loadCompiled } from '../../src/lib/criteria/load.ts';
import type { CompiledPolicy } from '../../src/lib/criteria/compile.ts';

const ROOT = join(import.meta.dirname, '../..');
const TMP = mkdtempSync(join(tmpdir(), 'cli-test-'));
const TIMEOUT = 60_000;

function npm(args: string[], input?: string): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync('npm', ['run', '--silent', ...args], { cwd: ROOT, encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
    return { status: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { status: err.status, stdout: err.stdout, stderr: err.stderr };
  }
}
function file(name: string, content: string): string {
  const path = join(TMP, name);
  writeFileSync(path, content);
  return path;
}
const publicCase = (name: string) => JSON.parse(readFileSync(join(ROOT, 'src/data/public-cases', `${name}.json`), 'utf8')).case;
const brief = (results: Array<{ payer: string; decision: string; category?: string }>) => results.map((r) => [r.payer, r.decision, r.category ?? null]);

let policies: CompiledPolicy[];
beforeAll(async () => {
  policies = (await loadCompiled()).policies;
});
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const expected = (c: unknown) => brief(policies.map((p) => decide(p, c)));

describe('npm run evaluate', () => {
  it('one case → one result per policy, in the library\'s order and with its decisions', () => {
    const c = publicCase('stenting');
    const { status, stdout } = npm(['evaluate', '--', file('one.json', JSON.stringify(c))]);
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toHaveLength(policies.length);
    for (const r of out) expect(r).toMatchObject({ payer: expect.any(String), decision: expect.any(String) });
    expect(brief(out)).toEqual(expected(c));
  }, TIMEOUT);

  it('an array of cases → an array of result arrays, in order', () => {
    const cases = [publicCase('stenting'), publicCase('upper-thoracic-t2'), publicCase('symptoms-unknown')];
    const { status, stdout } = npm(['evaluate', '--', file('many.json', JSON.stringify(cases))]);
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.map(brief)).toEqual(cases.map(expected));
  }, TIMEOUT);

  it('`-` reads the case from stdin', () => {
    const c = publicCase('myeloma-t8');
    const { status, stdout } = npm(['evaluate', '--', '-'], JSON.stringify(c));
    expect(status).toBe(0);
    expect(brief(JSON.parse(stdout))).toEqual(expected(c));
  }, TIMEOUT);

  it('an invalid case exits 2, names the field paths on stderr, prints nothing on stdout', () => {
    const bad = { request: { levels: ['T13'] }, symptoms: { painNrs: 11 } };
    const { status, stdout, stderr } = npm(['evaluate', '--', file('bad.json', JSON.stringify(bad))]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('request.levels[0]: Unexpected `T13`');
    expect(stderr).toContain('symptoms.painNrs: Unexpected `11`, expected at most 10');
  }, TIMEOUT);

  it('not JSON exits 2 with nothing on stdout', () => {
    const { status, stdout, stderr } = npm(['evaluate', '--', file('not.json', '{ "request": ')]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/not JSON/);
  }, TIMEOUT);
});

describe('npm run check', () => {
  it('exits 0 on the real policies', () => {
    const { status, stdout } = npm(['check']);
    expect(status, stdout).toBe(0);
    expect(stdout).toMatch(/0 errors/);
  }, TIMEOUT);

  it('exits 1 with the positioned message for an invalid file given as argument', () => {
    const { status, stdout } = npm(['check', '--', 'test/fixtures/invalid/unknown-fact/input.mdx']);
    expect(status).toBe(1);
    expect(stdout).toContain('test/fixtures/invalid/unknown-fact/input.mdx:44:13: Unexpected fact `symptoms.painNRS`, expected a case field such as `symptoms.painNrs` (unknown-fact)');
  }, TIMEOUT);

  it('exits 0 for a valid file given as argument', () => {
    const { status, stdout } = npm(['check', '--', 'test/fixtures/valid/minimal/input.mdx']);
    expect(status, stdout).toBe(0);
    expect(stdout).toMatch(/7\/7 examples as expected, 0 errors/);
  }, TIMEOUT);
});

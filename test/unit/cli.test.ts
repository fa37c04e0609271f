/**
 * The CLIs' logic, run in-process (src/lib/cli/*-command.ts), and a few true end-to-end runs of
 * `npm run --silent …` for what only a real process shows: exit codes, stdin, output that drains before exit.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/lib/cli/check-command.ts';
import { CHUNK, evaluateCommand } from '../../src/lib/cli/evaluate-command.ts';
import { decide } from '../../src/lib/criteria/decide.ts';
import { withExplanations } from '../../src/lib/explain/with-explanations.ts';
import { loadCompiled } from '../../src/lib/criteria/load.ts';
import { encodeCase, decodeCase } from '../../src/lib/criteria/permalink.ts';
import type { CompiledPolicy } from '../../src/lib/criteria/compile.ts';
import { run } from './cli-harness.ts';

const ROOT = join(import.meta.dirname, '../..');
const TMP = mkdtempSync(join(tmpdir(), 'cli-test-'));
const TIMEOUT = 120_000;

function npm(args: string[], input?: string): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync('npm', ['run', '--silent', ...args], { cwd: ROOT, encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
    return { status: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { status: err.status, stdout: err.stdout, stderr: err.stderr };
  }
}
function file(name: string, content: string | Buffer): string {
  const path = join(TMP, name);
  writeFileSync(path, content);
  return path;
}
const evaluate = (args: string[], stdin?: string | Buffer) => run(evaluateCommand, args, stdin);
const publicCase = (name: string) => JSON.parse(readFileSync(join(ROOT, 'src/data/public-cases', `${name}.json`), 'utf8')).case;
const brief = (results: Array<{ payer: string; decision: string; category?: string }>) => results.map((r) => [r.payer, r.decision, r.category ?? null]);

let policies: CompiledPolicy[];
beforeAll(async () => {
  policies = (await loadCompiled()).policies;
});
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const expected = (c: unknown) => brief(policies.map((p) => decide(p, c)));

describe('evaluate', () => {
  it('one case → one result per policy, in the library\'s order and with its decisions', async () => {
    const c = publicCase('stenting');
    const { status, stdout } = await evaluate([file('one.json', JSON.stringify(c))]);
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toHaveLength(policies.length);
    for (const r of out) expect(r).toMatchObject({ payer: expect.any(String), decision: expect.any(String) });
    expect(brief(out)).toEqual(expected(c));
  });

  it('an array of cases → an array of result arrays, in order, byte for byte the pretty JSON of all results', async () => {
    const cases = [publicCase('stenting'), publicCase('upper-thoracic-t2'), publicCase('symptoms-unknown')];
    const { status, stdout } = await evaluate([file('many.json', JSON.stringify(cases)), '--trace']);
    expect(status).toBe(0);
    const all = cases.map((c) => withExplanations(policies, c, policies.map((p) => decide(p, c, { trace: true }))));
    expect(stdout).toBe(`${JSON.stringify(all, null, 2)}\n`);
    expect((await evaluate([file('none.json', '[]')])).stdout).toBe('[]\n');
  });

  it('`-` reads the case from stdin', async () => {
    const c = publicCase('myeloma-t8');
    const { status, stdout } = await evaluate(['-'], JSON.stringify(c));
    expect(status).toBe(0);
    expect(brief(JSON.parse(stdout))).toEqual(expected(c));
  });

  it('an invalid case exits 2, names the field paths on stderr, prints nothing on stdout', async () => {
    const bad = { request: { levels: ['T13'] }, symptoms: { painNrs: 11 } };
    const { status, stdout, stderr } = await evaluate([file('bad.json', JSON.stringify(bad))]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('request.levels[0]: Unexpected `T13`');
    expect(stderr).toContain('symptoms.painNrs: Unexpected `11`, expected at most 10');
  });

  it('not JSON exits 2 with nothing on stdout', async () => {
    const { status, stdout, stderr } = await evaluate([file('not.json', '{ "request": ')]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/not JSON/);
  });

  it('refuses `request.levels: []` and repeated levels instead of approving them', async () => {
    for (const levels of [[], ['L3', 'L3', 'L3', 'L3']]) {
      const { status, stdout, stderr } = await evaluate(['-'], JSON.stringify({ dateOfService: '2026-11-21', request: { levels } }));
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(levels.length ? /request\.levels\[1\]: Unexpected `L3`, expected each level at most once/ : /request\.levels: Unexpected an empty list, expected at least one level/);
    }
  });

  it('a second FILE argument or an unknown option is refused with the usage, not ignored', async () => {
    const one = file('one-more.json', '{}');
    const second = await evaluate([one, one]);
    expect(second.status).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr).toContain(`Unexpected extra argument \`${one}\`, expected one FILE`);
    expect(second.stderr).toContain('Usage: npm run evaluate');
    expect((await evaluate([one, '--tracee'])).stderr).toContain('Unexpected option `--tracee`, expected `--trace`');
    expect((await evaluate([])).stderr).toContain('Missing FILE');
  });

  it('a batch is written a chunk at a time, never as one JSON string for all (10,000 traced cases are ~900 MB, past V8\'s limit)', async () => {
    const c = publicCase('subacute-osteoporotic-l3');
    const n = 1200;
    const one = JSON.stringify(withExplanations(policies, c, policies.map((p) => decide(p, c))), null, 2);
    const indented = `  ${one.replace(/\n/g, '\n  ')}`;
    const pieces: string[] = [];
    const io = {
      stdout: { write: async (t: string) => { pieces.push(t); } },
      stderr: { write: async (t: string) => { throw new Error(t); } },
      readStdin: () => Buffer.from(''), cwd: ROOT, env: {},
    };
    expect(await evaluateCommand([file('big.json', JSON.stringify(Array.from({ length: n }, () => c)))], io)).toBe(0);
    // Byte for byte the pretty JSON of all results, written in ⌈n / CHUNK⌉ pieces and the closing bracket.
    expect(pieces.join('')).toBe(`${JSON.stringify(Array.from({ length: n }, () => JSON.parse(one)), null, 2)}\n`);
    expect(pieces).toHaveLength(Math.ceil(n / CHUNK) + 1);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(CHUNK * (indented.length + 2) + 2);
  }, TIMEOUT);

  it('thousands of invalid cases and a million-deep nesting end in a message, never a stack trace', async () => {
    const bad = await evaluate(['-'], JSON.stringify(Array.from({ length: 10_005 }, () => ({ ageYears: -1 }))));
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('Invalid case at [0] (line 1) in -:\n  ageYears: Unexpected `-1`, expected at least 0\n');
    const deep = await evaluate(['-'], `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);
    expect(deep.status).toBe(2);
    expect(deep.stderr).not.toMatch(/\n\s+at /);
  }, TIMEOUT);

  it('a 1 MB unknown field name is cut in the refusal', async () => {
    const { status, stderr } = await evaluate(['-'], JSON.stringify({ [`k${'x'.repeat(1 << 20)}`]: 1 }));
    expect(status).toBe(2);
    expect(stderr.length).toBeLessThan(200);
    expect(stderr).toContain(`Unexpected field \`k${'x'.repeat(39)}…\``);
  });
});

describe('the CLI and the permalink read bytes the same way', () => {
  const c = { dateOfService: '2026-11-21', request: { levels: ['L1'] } };
  const base64url = (b: Buffer) => b.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

  it('a leading UTF-8 byte-order mark is accepted by both', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(c))]);
    expect((await evaluate(['-'], bytes)).status).toBe(0);
    expect(decodeCase(base64url(bytes))).toEqual({ ok: true, case: c });
  });

  it('invalid UTF-8 is refused by both (never replaced with U+FFFD and evaluated)', async () => {
    const bytes = Buffer.from([...Buffer.from('{"id":"'), 0xff, 0xfe, ...Buffer.from('"}')]);
    const cli = await evaluate(['-'], bytes);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toBe('-: not UTF-8 text\n');
    expect(decodeCase(base64url(bytes))).toEqual({ ok: false, problems: ['The link does not decode to UTF-8 text.'] });
  });

  it('a permalink round trip keeps `id` exactly (CR, LF, U+2028, lone surrogates) and any valid date', () => {
    for (const id of ['a\r\nb', '\r', 'line\nbreak\r\n', '\u2028\u2029', '\ud800x', ' padded ']) {
      expect(decodeCase(encodeCase({ id }))).toEqual({ ok: true, case: { id } });
    }
    for (const dateOfService of ['0001-01-01', '0000-02-29', '1900-02-28', '2028-02-29', '9999-12-31']) {
      expect(decodeCase(encodeCase({ dateOfService }))).toEqual({ ok: true, case: { dateOfService } });
    }
  });
});

describe('check', () => {
  const check = (args: string[], env: NodeJS.ProcessEnv = {}) => run(checkCommand, args, '', env);

  it('exits 0 on the real policies', async () => {
    const { status, stdout } = await check([]);
    expect(status, stdout).toBe(0);
    expect(stdout).toMatch(/0 errors/);
  }, TIMEOUT);

  it('exits 1 with the positioned message for an invalid file given as argument', async () => {
    const { status, stdout } = await check(['test/fixtures/invalid/unknown-fact/input.mdx']);
    expect(status).toBe(1);
    expect(stdout).toContain('test/fixtures/invalid/unknown-fact/input.mdx:44:13: Unexpected fact `symptoms.painNRS`, expected a case field such as `symptoms.painNrs` (unknown-fact)');
  });

  it('exits 0 for a valid file given as argument', async () => {
    const { status, stdout } = await check(['test/fixtures/valid/minimal/input.mdx']);
    expect(status, stdout).toBe(0);
    expect(stdout).toMatch(/7\/7 examples as expected, 0 errors/);
  });

  it('an empty policy folder fails with one message, not "0 policies" and a pass', async () => {
    const empty = join(TMP, 'empty-policies');
    mkdirSync(empty, { recursive: true });
    const { status, stdout } = await check([], { POLICIES_DIR: empty });
    expect(status).toBe(1);
    expect(stdout).toContain(`${relative(ROOT, empty)}:1:1: Missing policies, expected at least one .mdx file in the policy folder (no-policies)`);
    const gone = await check([], { POLICIES_DIR: join(TMP, 'no-such-folder') });
    expect(gone.status).toBe(1);
    expect(gone.stderr).toMatch(/^check: Missing policy folder `.*no-such-folder`, expected a folder of \.mdx policies \(POLICIES_DIR\)\n$/);
  });

  it('two files with one payer id: the second is reported at its `payer:` line', async () => {
    const text = readFileSync(join(ROOT, 'test/fixtures/valid/minimal/input.mdx'), 'utf8');
    const a = file('a.mdx', text);
    const b = file('b.mdx', text);
    const line = text.split('\n').findIndex((l) => l.startsWith('payer:')) + 1;
    const { status, stdout } = await check([a, b]);
    expect(status).toBe(1);
    expect(stdout).toMatch(new RegExp(`${relative(ROOT, b)}:${line}:1: Duplicate payer id \`[a-z-]+\`, expected one file per payer \\(also in ${relative(ROOT, a)}\\) \\(duplicate-payer\\)`));
  });
});

describe('end to end, as users run them', () => {
  it('`npm run evaluate -- -` reads stdin and exits 0', () => {
    const c = publicCase('myeloma-t8');
    const { status, stdout } = npm(['evaluate', '--', '-'], JSON.stringify(c));
    expect(status).toBe(0);
    expect(brief(JSON.parse(stdout))).toEqual(expected(c));
  }, TIMEOUT);

  it('5,001 lines of refusals reach a piped stderr whole before the process exits', () => {
    const bad = Array.from({ length: 5_000 }, () => ({ ageYears: -1 }));
    const r = spawnSync('npm', ['run', '--silent', 'evaluate', '--', file('refused.json', JSON.stringify(bad)), '--skip-invalid'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(5_000);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(5_001);
    expect(lines.at(-2)).toBe('[4999] (line 1): ageYears: Unexpected `-1`, expected at least 0');
    expect(lines.at(-1)).toBe('Skipped 5,000 invalid case(s).');
  }, TIMEOUT);

  it('`npm run check -- FILE` exits 1 on an invalid file', () => {
    const { status, stdout } = npm(['check', '--', 'test/fixtures/invalid/unknown-fact/input.mdx']);
    expect(status).toBe(1);
    expect(stdout).toContain('input.mdx:44:13: Unexpected fact `symptoms.painNRS`');
  }, TIMEOUT);
});

/** `npm run disagreements`: the same analysis as the library, as JSON for scripts or as a summary. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCompiled } from '../../src/lib/criteria/load.ts';
import { readPublicExamples } from '../../src/lib/criteria/public-cases-fs.ts';
import { analyse } from '../../src/lib/explore/analyse.ts';
import { defaultAnchors } from '../../src/lib/explore/anchors.ts';

const ROOT = join(import.meta.dirname, '../..');
const TIMEOUT = 180_000;

function npm(args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync('npm', ['run', '--silent', 'disagreements', '--', ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
    return { status: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { status: err.status, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run disagreements', () => {
  it('--json prints exactly the analysis the page is built from', async () => {
    const { status, stdout } = npm(['--json']);
    expect(status).toBe(0);
    const { policies } = await loadCompiled();
    const expected = analyse(policies, { anchors: defaultAnchors(readPublicExamples(), policies) });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  }, TIMEOUT);

  it('without --json, a summary line per pair of payers', () => {
    const { status, stdout } = npm([]);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/cases evaluated .* from \d+ anchors over \d+ dimensions; seed \d+/);
    expect(lines.filter((l) => / × .*: \d+ themes/.test(l))).toHaveLength(10);
  }, TIMEOUT);

  it('refuses a seed that is not an integer', () => {
    const { status, stdout, stderr } = npm(['--seed', 'abc']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Unexpected seed `abc`, expected an integer');
  }, TIMEOUT);
});

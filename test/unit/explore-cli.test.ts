/** `npm run disagreements` (its command, in-process): the same analysis as the library, as JSON for scripts or as a summary. */
import { describe, expect, it } from 'vitest';
import { loadCompiled } from '../../src/lib/criteria/load.ts';
import { readPublicExamples } from '../../src/lib/criteria/public-cases-fs.ts';
import { analyse } from '../../src/lib/explore/analyse.ts';
import { defaultAnchors } from '../../src/lib/explore/anchors.ts';
import { analysePair } from '../../src/lib/explore/pair.ts';
import { disagreementsCommand } from '../../src/lib/cli/disagreements-command.ts';
import { run } from './cli-harness.ts';

const TIMEOUT = 180_000;
const disagreements = (args: string[]) => run(disagreementsCommand, args);

describe('npm run disagreements', () => {
  it('--json prints exactly the analysis the page is built from', async () => {
    const { status, stdout } = await disagreements(['--json']);
    expect(status).toBe(0);
    const { policies } = await loadCompiled();
    const expected = analyse(policies, { anchors: defaultAnchors(readPublicExamples(), policies) });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  }, TIMEOUT);

  it('without --json, a summary line per pair of payers', async () => {
    const { status, stdout } = await disagreements([]);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/cases evaluated .* from \d+ anchors over \d+ dimensions; seed \d+/);
    expect(lines.filter((l) => / × .*: \d+ themes/.test(l))).toHaveLength(10);
  }, TIMEOUT);

  it('--pair A B analyses one pair on its own, as the pair view does', async () => {
    const { status, stdout } = await disagreements(['--pair', 'cigna', 'cohere', '--json']);
    expect(status).toBe(0);
    const { policies } = await loadCompiled();
    const [a, b] = ['cigna', 'cohere'].map((id) => policies.find((p) => p.model.payer === id)!);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(analysePair(a!, b!, readPublicExamples()))));
    const summary = await disagreements(['--pair', 'cigna', 'cohere']);
    expect(summary.stdout.trim().split('\n').length).toBe(1 + JSON.parse(stdout).items.length);
  }, TIMEOUT);

  it('refuses a pair with an unknown or repeated payer', async () => {
    for (const args of [['--pair', 'cigna', 'nobody'], ['--pair', 'cigna', 'cigna'], ['--pair']]) {
      const { status, stdout, stderr } = await disagreements(args);
      expect(status, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/expected --pair A B with two different payers of: cigna, cohere/);
    }
  }, TIMEOUT);

  it('refuses a seed that is not an integer', async () => {
    const { status, stdout, stderr } = await disagreements(['--seed', 'abc']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Unexpected seed `abc`, expected an integer');
  }, TIMEOUT);
});

/**
 * `npm run disagreements [-- --json] [--seed N]` as a function (src/cli/disagreements.ts runs it; tests call it
 * in-process): the disagreement analysis of the policies, the same computation as /disagreements/. `--json`
 * prints it whole for scripts; without it, a summary per pair of payers.
 */
import { resolve } from 'node:path';
import { loadCompiled, policyFiles } from '../criteria/load.ts';
import { formatMessage } from '../criteria/messages.ts';
import { PUBLIC_CASES_DIR, readPublicExamples } from '../criteria/public-cases-fs.ts';
import { analyse, DEFAULT_SEED, defaultAnchors, DIFFERENCE_WORDS } from '../explore/index.ts';
import { writeLines, type Io } from './io.ts';

export async function disagreementsCommand(args: string[], io: Io): Promise<number> {
  const json = args.includes('--json');
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : DEFAULT_SEED;
  if (!Number.isInteger(seed)) {
    await io.stderr.write(`Unexpected seed \`${String(args[seedAt + 1]).slice(0, 40)}\`, expected an integer\n`);
    return 2;
  }
  const { policies, messages } = await loadCompiled(policyFiles(resolve(io.cwd, io.env.POLICIES_DIR || 'src/content/policies')));
  const errors = messages.filter((m) => m.severity === 'error');
  if (errors.length) {
    await writeLines(io.stderr, ['Policies have errors (run `npm run check`):', ...errors.map(formatMessage)]);
    return 1;
  }
  const analysis = analyse(policies, { anchors: defaultAnchors(readPublicExamples(resolve(io.cwd, PUBLIC_CASES_DIR)), policies), seed });
  if (json) {
    await io.stdout.write(`${JSON.stringify(analysis, null, 2)}\n`);
    return 0;
  }
  const { size } = analysis;
  await writeLines(io.stdout, [
    `${size.casesEvaluated.toLocaleString('en-US')} cases evaluated (${size.evaluations.toLocaleString('en-US')} payer decisions) from ${size.anchors} anchors over ${size.dimensions} dimensions; seed ${analysis.seed}`,
    ...analysis.matrix.map((p) => {
      const kinds = Object.entries(p.byKind).map(([k, n]) => `${n} ${DIFFERENCE_WORDS[k as keyof typeof DIFFERENCE_WORDS]}`).join(', ');
      return `${p.pair.join(' × ')}: ${p.themes} themes in ${p.differences} named differences${kinds ? ` (${kinds})` : ''}`;
    }),
  ]);
  return 0;
}

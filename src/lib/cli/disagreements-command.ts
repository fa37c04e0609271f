/**
 * `npm run disagreements [-- --json] [--seed N] [--pair A B]` as a function (src/cli/disagreements.ts runs it;
 * tests call it in-process): the disagreement analysis of every pair of payers at once, or with `--pair`, of one
 * pair on its own (the computation of /disagreements/pair/?a=A&b=B). `--json` prints it whole for scripts;
 * without it, a summary per pair of payers (or per named difference).
 */
import { resolve } from 'node:path';
import { loadCompiled, policyFiles } from '../criteria/load.ts';
import { formatMessage } from '../criteria/messages.ts';
import { PUBLIC_CASES_DIR, readPublicExamples } from '../criteria/public-cases-fs.ts';
import { analyse, DEFAULT_SEED, defaultAnchors, DIFFERENCE_WORDS } from '../explore/index.ts';
import { analysePair } from '../explore/pair.ts';
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
  const examples = readPublicExamples(resolve(io.cwd, PUBLIC_CASES_DIR));
  const pairAt = args.indexOf('--pair');
  if (pairAt >= 0) {
    const ids = [args[pairAt + 1] ?? '', args[pairAt + 2] ?? ''];
    const found = ids.map((id) => policies.find((p) => p.model.payer === id));
    const missing = ids.filter((_, i) => !found[i]);
    if (missing.length || ids[0] === ids[1]) {
      const known = policies.map((p) => p.model.payer).join(', ');
      await io.stderr.write(`${missing.length ? `Unknown payer ${missing.map((m) => `\`${m.slice(0, 40)}\``).join(' and ')}` : 'Unexpected pair of the same payer'}, expected --pair A B with two different payers of: ${known}\n`);
      return 2;
    }
    const result = analysePair(found[0]!, found[1]!, examples, seed);
    if (json) {
      await io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    await writeLines(io.stdout, [
      `${result.names.join(' × ')}: ${result.size.casesEvaluated.toLocaleString('en-US')} cases evaluated; ${result.themes} themes in ${result.items.length} named differences; seed ${seed}`,
      ...result.items.map((d) => `${d.title} (${DIFFERENCE_WORDS[d.kind]})`),
    ]);
    return 0;
  }
  const analysis = analyse(policies, { anchors: defaultAnchors(examples, policies), seed });
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

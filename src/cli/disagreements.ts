/**
 * `npm run disagreements [-- --json] [--seed N]`: the disagreement analysis of the policies in
 * src/content/policies, the same computation as /disagreements/. `--json` prints it whole for scripts;
 * without it, a summary per pair of payers.
 */
import { loadCompiled } from '../lib/criteria/load.ts';
import { formatMessage } from '../lib/criteria/messages.ts';
import { readPublicExamples } from '../lib/criteria/public-cases-fs.ts';
import { analyse, DEFAULT_SEED, defaultAnchors, DIFFERENCE_WORDS } from '../lib/explore/index.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : DEFAULT_SEED;
if (!Number.isInteger(seed)) {
  process.stderr.write(`Unexpected seed \`${args[seedAt + 1]}\`, expected an integer\n`);
  process.exit(2);
}

const { policies, messages } = await loadCompiled();
const errors = messages.filter((m) => m.severity === 'error');
if (errors.length) {
  process.stderr.write(['Policies have errors (run `npm run check`):', ...errors.map(formatMessage)].join('\n') + '\n');
  process.exit(1);
}
const analysis = analyse(policies, { anchors: defaultAnchors(readPublicExamples(), policies), seed });

if (json) process.stdout.write(`${JSON.stringify(analysis, null, 2)}\n`);
else {
  const { size } = analysis;
  console.log(`${size.casesEvaluated.toLocaleString('en-US')} cases evaluated (${size.evaluations.toLocaleString('en-US')} payer decisions) from ${size.anchors} anchors over ${size.dimensions} dimensions; seed ${analysis.seed}`);
  for (const p of analysis.matrix) {
    const kinds = Object.entries(p.byKind).map(([k, n]) => `${n} ${DIFFERENCE_WORDS[k as keyof typeof DIFFERENCE_WORDS]}`).join(', ');
    console.log(`${p.pair.join(' × ')}: ${p.themes} themes in ${p.differences} named differences${kinds ? ` (${kinds})` : ''}`);
  }
}

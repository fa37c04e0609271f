/**
 * `npm run evaluate -- FILE [--trace]`: FILE holds one case (JSON object) or an array of cases; `-` reads stdin.
 * One case → an array of per-payer results; an array → an array of those arrays, in order.
 * An invalid case exits 2 with the field paths at fault on stderr and nothing on stdout.
 */
import { readFileSync } from 'node:fs';
import { caseSchema } from '../lib/criteria/case-schema.ts';
import { decide } from '../lib/criteria/decide.ts';
import { withExplanations } from '../lib/explain/with-explanations.ts';
import { loadCompiled } from '../lib/criteria/load.ts';
import { formatMessage } from '../lib/criteria/messages.ts';
import { describeIssues, formatProblems } from '../lib/criteria/zod-messages.ts';

function refuse(lines: string[], code = 2): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(code);
}

const args = process.argv.slice(2);
const trace = args.includes('--trace');
const file = args.find((a) => a !== '--trace');
if (!file) refuse(['Usage: npm run evaluate -- FILE [--trace]   (FILE: a case or an array of cases as JSON; - for stdin)']);

let text: string;
try {
  text = readFileSync(file === '-' ? 0 : file, 'utf8');
} catch (e) {
  refuse([`Cannot read ${file}: ${(e as Error).message}`]);
}
let input: unknown;
try {
  input = JSON.parse(text);
} catch (e) {
  refuse([`${file}: not JSON: ${(e as Error).message}`]);
}

const many = Array.isArray(input);
const cases = many ? (input as unknown[]) : [input];
const problems: string[] = [];
const parsed = cases.map((c, i) => {
  const r = caseSchema.safeParse(c);
  if (!r.success) problems.push(...formatProblems(describeIssues(r.error.issues, c)).map((p) => (many ? `[${i}].${p}` : p)));
  return r.data;
});
if (problems.length) refuse([`Invalid case in ${file}:`, ...problems.map((p) => `  ${p}`)]);

const { policies, messages } = await loadCompiled();
const errors = messages.filter((m) => m.severity === 'error');
if (errors.length) refuse(['Policies have errors (run `npm run check`):', ...errors.map(formatMessage)], 1);

const results = parsed.map((c) => withExplanations(policies, c, policies.map((p) => decide(p, c, { trace }))));
process.stdout.write(`${JSON.stringify(many ? results : results[0], null, 2)}\n`);

/**
 * `npm run new-policy -- <payer-id> [--name "Payer Name"] [--effective YYYY-MM-DD] [--dir DIR]`
 * Scaffolds src/content/policies/<payer-id>.mdx (or DIR/<payer-id>.mdx), then checks it like `npm run check`.
 * Exits 2 on an invalid id or option, 1 when the file exists or fails check.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeNewPolicy } from '../src/lib/authoring/scaffold.ts';
import { checkFiles } from '../src/lib/criteria/check.ts';
import { POLICY_DIR } from '../src/lib/criteria/load.ts';
import { formatMessage } from '../src/lib/criteria/messages.ts';
import { readPublicExamples } from '../src/lib/criteria/public-cases-fs.ts';

const USAGE = 'Usage: npm run new-policy -- <payer-id> [--name "Payer Name"] [--effective YYYY-MM-DD] [--dir DIR]';

let args;
try {
  args = parseArgs({ allowPositionals: true, options: { name: { type: 'string' }, effective: { type: 'string' }, dir: { type: 'string' } } });
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
const [payer, ...extra] = args.positionals;
if (!payer || extra.length) {
  console.error(`${payer ? `Unexpected extra arguments ${extra.join(' ')}` : 'Missing payer id'}, expected exactly one payer id\n${USAGE}`);
  process.exit(2);
}

const result = writeNewPolicy(resolve(args.values.dir ?? POLICY_DIR), { payer, payerName: args.values.name, effective: args.values.effective });
if (!result.ok) {
  console.error(result.reason);
  process.exit(result.code);
}
const report = await checkFiles([result.path], readPublicExamples());
for (const m of report.messages) console.log(formatMessage(m));
const file = relative(process.cwd(), result.path);
console.log(`new-policy: wrote ${file} (${report.messages.length ? 'check found problems above' : 'passes npm run check'}).`);
console.log(`Next: transcribe the payer's criteria into it, keep \`npm start\` open at /policies/${payer}/, and run \`npm run check\`.`);
process.exit(report.messages.some((m) => m.severity === 'error') ? 1 : 0);

/**
 * `npm run new-policy -- <payer-id> [--name "Payer Name"] [--effective YYYY-MM-DD] [--dir DIR]` as a function
 * (scripts/new-policy.ts runs it; tests call it in-process). Scaffolds <policy folder>/<payer-id>.mdx (or
 * DIR/<payer-id>.mdx), then checks it like `npm run check`. Exits 2 on an invalid id or option, 1 when the file
 * exists or fails check.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeNewPolicy } from '../authoring/scaffold.ts';
import { checkFiles } from '../criteria/check.ts';
import { formatMessage } from '../criteria/messages.ts';
import { PUBLIC_CASES_DIR, readPublicExamples } from '../criteria/public-cases-fs.ts';
import { writeLines, type Io } from './io.ts';

const USAGE = 'Usage: npm run new-policy -- <payer-id> [--name "Payer Name"] [--effective YYYY-MM-DD] [--dir DIR]';

export async function newPolicyCommand(argv: string[], io: Io): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { name: { type: 'string' }, effective: { type: 'string' }, dir: { type: 'string' } } });
  } catch (e) {
    await io.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [payer, ...extra] = args.positionals;
  if (!payer || extra.length) {
    await io.stderr.write(`${payer ? `Unexpected extra arguments ${extra.join(' ')}` : 'Missing payer id'}, expected exactly one payer id\n${USAGE}\n`);
    return 2;
  }
  const dir = resolve(io.cwd, args.values.dir ?? (io.env.POLICIES_DIR || 'src/content/policies'));
  const result = writeNewPolicy(dir, { payer, payerName: args.values.name, effective: args.values.effective });
  if (!result.ok) {
    await io.stderr.write(`${result.reason}\n`);
    return result.code;
  }
  const report = await checkFiles([result.path], readPublicExamples(resolve(io.cwd, PUBLIC_CASES_DIR)));
  const file = relative(io.cwd, result.path);
  await writeLines(io.stdout, [
    ...report.messages.map(formatMessage),
    `new-policy: wrote ${file} (${report.messages.length ? 'check found problems above' : 'passes npm run check'}).`,
    `Next: transcribe the payer's criteria into it, keep \`npm start\` open at /policies/${payer}/, and run \`npm run check\`.`,
  ]);
  return report.messages.some((m) => m.severity === 'error') ? 1 : 0;
}

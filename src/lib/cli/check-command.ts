/**
 * `npm run check [-- FILE…]` as a function (src/cli/check.ts runs it; tests call it in-process). Prints every
 * problem as `file:line:column: message (rule)`, then a summary; exits 1 on any error, including no policy
 * at all to check (an empty or missing folder is a mistake, not a pass).
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkFiles } from '../criteria/check.ts';
import { policyFiles } from '../criteria/load.ts';
import { formatMessage, type Message } from '../criteria/messages.ts';
import { PUBLIC_CASES_DIR, readPublicExamples } from '../criteria/public-cases-fs.ts';
import { writeLines, type Io } from './io.ts';

export async function checkCommand(args: string[], io: Io): Promise<number> {
  const dir = resolve(io.cwd, io.env.POLICIES_DIR || 'src/content/policies');
  const shown = relative(io.cwd, dir) || '.';
  if (!args.length && !(existsSync(dir) && statSync(dir).isDirectory())) {
    await io.stderr.write(`check: Missing policy folder \`${shown}\`, expected a folder of .mdx policies (POLICIES_DIR)\n`);
    return 1;
  }
  const files = args.length ? args.map((a) => resolve(io.cwd, a)) : policyFiles(dir);
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) {
    await writeLines(io.stderr, missing.map((f) => `check: Cannot read ${relative(io.cwd, f)}: no such file`));
    return 1;
  }
  const report = await checkFiles(files, readPublicExamples(resolve(io.cwd, PUBLIC_CASES_DIR)));
  const none: Message[] = files.length ? [] : [{ file: shown, place: { line: 1, column: 1 }, reason: 'Missing policies, expected at least one .mdx file in the policy folder', ruleId: 'no-policies', severity: 'error' }];
  const sorted = [...none, ...report.messages].sort((a, b) => a.file.localeCompare(b.file) || a.place.line - b.place.line || a.place.column - b.place.column);
  await writeLines(io.stdout, sorted.map(formatMessage));
  const errors = sorted.filter((m) => m.severity === 'error').length;
  const warnings = sorted.length - errors;
  const passed = report.runs.filter((r) => r.pass).length;
  await io.stdout.write(`check: ${files.length} policies, ${report.models.reduce((n, m) => n + m.nodes.length, 0)} criteria nodes, ${passed}/${report.runs.length} examples as expected, ${errors} errors, ${warnings} warnings\n`);
  const { pinning } = report;
  await io.stdout.write(`check: threshold pinning compiled ${pinning.mutations} mutations (${pinning.equivalent} proven equivalent) in ${(pinning.ms / 1000).toFixed(1)} s\n`);
  return errors ? 1 : 0;
}

/**
 * `npm run evaluate -- FILE [--trace]` as a function (src/cli/evaluate.ts runs it; tests call it in-process).
 * FILE holds one case (JSON object) or an array of cases; `-` reads stdin. One case → an array of per-payer
 * results; an array → an array of those arrays, in order, written case by case (one JSON string for 10,000
 * cases exceeds V8's string limit). An invalid case exits 2 with the field paths at fault on stderr and
 * nothing on stdout. Inputs beyond the stated limits are refused with a message, never a crash.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { caseSchema, type Case } from '../criteria/case-schema.ts';
import { caseJson } from '../criteria/case-text.ts';
import { decide } from '../criteria/decide.ts';
import { loadCompiled, policyFiles } from '../criteria/load.ts';
import { formatMessage } from '../criteria/messages.ts';
import { describeIssues, formatProblems } from '../criteria/zod-messages.ts';
import { writeLines, type Io } from './io.ts';

export const USAGE = 'Usage: npm run evaluate -- FILE [--trace]   (FILE: a case or an array of cases as JSON; - for stdin)';
/** Limits of one run (README): beyond them the input is refused with a message. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;
export const MAX_CASES = 100_000;
/** Problem lines printed before the rest are only counted. */
export const MAX_PROBLEM_LINES = 10_000;

const count = (n: number) => n.toLocaleString('en-US');

export async function evaluateCommand(args: string[], io: Io): Promise<number> {
  const refuse = async (lines: string[], code = 2) => {
    await writeLines(io.stderr, lines);
    return code;
  };
  const trace = args.includes('--trace');
  const options = args.filter((a) => a.startsWith('--'));
  const files = args.filter((a) => !a.startsWith('--'));
  const unknown = options.filter((o) => o !== '--trace');
  if (unknown.length) return refuse([`Unexpected option \`${unknown[0]!.slice(0, 40)}\`, expected \`--trace\``, USAGE]);
  if (files.length !== 1) return refuse([files.length ? `Unexpected extra argument \`${files[1]!.slice(0, 200)}\`, expected one FILE` : 'Missing FILE', USAGE]);
  const file = files[0]!;

  let bytes: Buffer;
  try {
    if (file !== '-' && statSync(resolve(io.cwd, file)).size > MAX_INPUT_BYTES) {
      return refuse([`${file}: too large (${count(statSync(resolve(io.cwd, file)).size)} bytes), expected at most ${count(MAX_INPUT_BYTES)}: split the cases into several files`]);
    }
    bytes = file === '-' ? io.readStdin() : readFileSync(resolve(io.cwd, file));
  } catch (e) {
    return refuse([`Cannot read ${file}: ${(e as Error).message}`]);
  }
  if (bytes.length > MAX_INPUT_BYTES) return refuse([`${file}: too large (${count(bytes.length)} bytes), expected at most ${count(MAX_INPUT_BYTES)}: split the cases into several files`]);
  const json = caseJson(bytes);
  if (!json.ok) return refuse([`${file}: ${json.problem}`]);

  const many = Array.isArray(json.value);
  const cases = many ? (json.value as unknown[]) : [json.value];
  if (cases.length > MAX_CASES) return refuse([`${file}: Unexpected ${count(cases.length)} cases, expected at most ${count(MAX_CASES)} in one run: split them into several files`]);
  const problems: string[] = [];
  let more = 0;
  const parsed: Case[] = [];
  cases.forEach((c, i) => {
    const r = caseSchema.safeParse(c);
    if (r.success) { parsed.push(r.data); return; }
    for (const p of formatProblems(describeIssues(r.error.issues, c))) {
      if (problems.length < MAX_PROBLEM_LINES) problems.push(`  ${many ? `[${i}].${p}` : p}`);
      else more++;
    }
  });
  if (problems.length) return refuse([`Invalid case in ${file}:`, ...problems, ...(more ? [`  … and ${count(more)} more problems`] : [])]);

  const { policies, messages } = await loadCompiled(policyFiles(resolve(io.cwd, io.env.POLICIES_DIR || 'src/content/policies')));
  const errors = messages.filter((m) => m.severity === 'error');
  if (errors.length) return refuse(['Policies have errors (run `npm run check`):', ...errors.map(formatMessage)], 1);

  // Same bytes as JSON.stringify(all, null, 2), one case at a time (JSON strings hold no raw newline).
  const one = (c: Case) => JSON.stringify(policies.map((p) => decide(p, c, { trace })), null, 2);
  if (!many) {
    await io.stdout.write(`${one(parsed[0]!)}\n`);
    return 0;
  }
  if (!parsed.length) {
    await io.stdout.write('[]\n');
    return 0;
  }
  for (let i = 0; i < parsed.length; i++) {
    await io.stdout.write(`${i ? ',\n' : '[\n'}  ${one(parsed[i]!).replace(/\n/g, '\n  ')}`);
  }
  await io.stdout.write('\n]\n');
  return 0;
}

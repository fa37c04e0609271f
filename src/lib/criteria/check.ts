/**
 * Everything `npm run check` finds, as data: schema and reference errors from validation, failing examples,
 * and lint findings. The CLI prints it; tests assert on it.
 */
import { readFileSync } from 'node:fs';
import { exampleMessages, runExample, type ExampleRun, type PublicExample } from './examples.ts';
import { importCompiled, loadModel } from './load.ts';
import { lintModel } from './lint.ts';
import { reachabilityMessages } from './lint-reachability.ts';
import { pinningMessages } from './pinning.ts';
import type { Message } from './messages.ts';
import type { PolicyModel } from './model.ts';

/** `pinning`: how many threshold mutations were compiled and run, how many proven equivalent, and the time. */
export type CheckReport = { messages: Message[]; models: PolicyModel[]; runs: ExampleRun[]; pinning: { mutations: number; equivalent: number; ms: number } };

export async function checkFiles(paths: readonly string[], publicExamples: readonly PublicExample[]): Promise<CheckReport> {
  const report: CheckReport = { messages: [], models: [], runs: [], pinning: { mutations: 0, equivalent: 0, ms: 0 } };
  const texts = new Map<PolicyModel, string>();
  for (const path of paths) {
    const { model, messages } = loadModel(path);
    report.messages.push(...messages);
    if (!model) continue;
    report.models.push(model);
    texts.set(model, readFileSync(path, 'utf8'));
    const policy = await importCompiled(model);
    const runs = model.examples.map((e) => runExample(policy, e, publicExamples));
    report.runs.push(...runs);
    const text = texts.get(model)!;
    const found = [...exampleMessages(model.file, runs), ...lintModel(policy, text)];
    report.messages.push(...found);
    // Reachability and pinning judge a policy that is otherwise sound: on a contradiction or a failing example
    // they would only repeat it (a branch under a contradiction is unreachable too; no example notices a change
    // when the examples already fail).
    if (!found.some((m) => m.severity === 'error')) {
      report.messages.push(...reachabilityMessages(policy, text));
      const pinning = await pinningMessages(policy, publicExamples, text);
      report.messages.push(...pinning.messages);
      for (const k of ['mutations', 'equivalent', 'ms'] as const) report.pinning[k] += pinning.report[k];
    }
  }
  const payers = new Map<string, string>();
  for (const m of report.models) {
    const other = payers.get(m.payer);
    // At the frontmatter's `payer:` line (the frontmatter is the file's first lines).
    const line = texts.get(m)!.split('\n').findIndex((l) => /^payer\s*:/.test(l)) + 1 || 1;
    if (other) report.messages.push({ file: m.file, place: { line, column: 1 }, reason: `Duplicate payer id \`${m.payer}\`, expected one file per payer (also in ${other})`, ruleId: 'duplicate-payer', severity: 'error' });
    payers.set(m.payer, m.file);
  }
  return report;
}

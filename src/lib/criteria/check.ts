/**
 * Everything `npm run check` finds, as data: schema and reference errors from validation, failing examples,
 * and lint findings. The CLI prints it; tests assert on it.
 */
import { readFileSync } from 'node:fs';
import { exampleMessages, runExample, type ExampleRun, type PublicExample } from './examples.ts';
import { importCompiled, loadModel } from './load.ts';
import { lintModel } from './lint.ts';
import type { Message } from './messages.ts';
import type { PolicyModel } from './model.ts';

export type CheckReport = { messages: Message[]; models: PolicyModel[]; runs: ExampleRun[] };

export async function checkFiles(paths: readonly string[], publicExamples: readonly PublicExample[]): Promise<CheckReport> {
  const report: CheckReport = { messages: [], models: [], runs: [] };
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
    report.messages.push(...exampleMessages(model.file, runs), ...lintModel(policy, texts.get(model)!));
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

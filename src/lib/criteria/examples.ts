/**
 * Examples inside policies: resolve `base` + `case` into a case, evaluate it, compare with the expectation.
 * Used by `npm run check`, the tests and the policy page's examples table.
 */
import type { Case } from './case-schema.ts';
import { caseSchema } from './case-schema.ts';
import type { CompiledPolicy } from './compile.ts';
import { decide } from './decide.ts';
import type { Message } from './messages.ts';
import type { ModelExample } from './model.ts';
import type { Result } from './result.ts';
import { describeIssues, formatProblems } from './zod-messages.ts';

export type PublicExample = {
  name: string;
  summary: string;
  case: Case;
  expected: Record<string, { decision: string; category?: string; missing?: string[] }>;
};

/** Objects merge key by key; lists and scalars replace. */
export function mergeCase(base: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  if (base === null || typeof base !== 'object' || Array.isArray(base)) return structuredClone(patch);
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) out[k] = mergeCase(out[k], v);
  return out;
}

export type ExampleRun = {
  example: ModelExample;
  case: Case | null;
  result: Result | null;
  pass: boolean;
  /** Why it failed: an unknown base, an invalid case, or the outcome differs. */
  problems: string[];
};

export function runExample(policy: CompiledPolicy, example: ModelExample, publicExamples: readonly PublicExample[]): ExampleRun {
  const fail = (problems: string[]): ExampleRun => ({ example, case: null, result: null, pass: false, problems });
  let base: unknown = {};
  if (example.base) {
    const found = publicExamples.find((e) => e.name === example.base);
    if (!found) return fail([`Unexpected base \`${example.base}\`, expected a public example: ${publicExamples.map((e) => e.name).join(', ')}`]);
    base = found.case;
  }
  const merged = mergeCase(base, example.case);
  const parsed = caseSchema.safeParse(merged);
  if (!parsed.success) return fail(formatProblems(describeIssues(parsed.error.issues, merged)).map((p) => `Invalid case: ${p}`));
  const result = decide(policy, parsed.data);
  const problems = expectationProblems(example.expect, result);
  return { example, case: parsed.data, result, pass: problems.length === 0, problems };
}

/** How a result differs from an example's expectation (empty when it meets it). */
export function expectationProblems(expect: ModelExample['expect'], result: Result): string[] {
  const problems: string[] = [];
  if (result.decision !== expect.decision) problems.push(`decision ${result.decision}, expected ${expect.decision}`);
  if (expect.category && result.category !== expect.category) problems.push(`category ${result.category ?? 'none'}, expected ${expect.category}`);
  for (const m of expect.missing ?? []) if (!result.missing.some((x) => x === m || x.startsWith(`${m}.`) || x.startsWith(`${m}[`))) problems.push(`missing ${JSON.stringify(result.missing)}, expected it to name ${m}`);
  return problems;
}

export function exampleMessages(file: string, runs: readonly ExampleRun[]): Message[] {
  return runs.filter((r) => !r.pass).map((r) => ({
    file,
    place: { line: r.example.line, column: 1 },
    reason: `Example \`${r.example.name}\` (${r.example.clause}) failed: ${r.problems.join('; ')}`,
    ruleId: 'example-failed',
    severity: 'error' as const,
  }));
}

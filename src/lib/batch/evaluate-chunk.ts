/**
 * One chunk of a batch: parse, validate and decide each case for every payer, and either write its result
 * line or add it to the tally. The same function runs in worker threads and, for one worker, in the main
 * thread. It stops at the first invalid case unless told to skip invalid cases.
 */
import { caseSchema } from '../criteria/case-schema.ts';
import type { CompiledPolicy } from '../criteria/compile.ts';
import { decide } from '../criteria/decide.ts';
import { describeIssues, formatProblems } from '../criteria/zod-messages.ts';
import type { Item } from './split-json.ts';
import { addCase, emptyTally, type Tally } from './tally.ts';
import { withExplanations } from '../explain/with-explanations.ts';

export type ChunkOptions = {
  trace: boolean;
  summary: boolean;
  /** The --by field's path segments, or null. */
  by: string | null;
  skipInvalid: boolean;
  /** How a case is named in messages: `line 12` (JSON Lines) or `[11]` (array, with its line). */
  naming: 'line' | 'index';
  /** Results as JSON.stringify(…, null, 2) (the array and single-case outputs), else one line. */
  pretty: boolean;
  /** Add the explanation to each result (`why`, `nearest`, `askNext`: README); off with --no-explain. */
  explain?: boolean;
};

export type Invalid = { index: number; line: number; where: string; problems: string[] };
export type ChunkIn = { seq: number; firstIndex: number; items: Item[] };
export type ChunkOut = { seq: number; firstIndex: number; lines: string[]; evaluated: number; invalid: Invalid[]; stopped: boolean; tally: Tally | null };

const MAX_PROBLEMS = 20;

export function where(naming: ChunkOptions['naming'], index: number, line: number): string {
  return naming === 'line' ? `line ${line}` : `[${index}] (line ${line})`;
}

export function evaluateChunk(policies: readonly CompiledPolicy[], chunk: ChunkIn, options: ChunkOptions): ChunkOut {
  const lines: string[] = [];
  const invalid: Invalid[] = [];
  const tally = options.summary ? emptyTally(policies.map((p) => p.model.payer), options.by) : null;
  const bySegments = options.by ? options.by.split('.') : null;
  let evaluated = 0;
  for (let k = 0; k < chunk.items.length; k++) {
    const item = chunk.items[k]!;
    const index = chunk.firstIndex + k;
    let value: unknown;
    let problems: string[] | null = null;
    try {
      value = JSON.parse(item.text);
    } catch (e) {
      problems = [`not JSON: ${(e as Error).message}`];
    }
    let c: unknown;
    if (!problems) {
      const r = caseSchema.safeParse(value);
      if (r.success) c = r.data;
      else {
        const all = formatProblems(describeIssues(r.error.issues, value));
        problems = all.length > MAX_PROBLEMS ? [...all.slice(0, MAX_PROBLEMS), `… and ${all.length - MAX_PROBLEMS} more problems`] : all;
      }
    }
    if (problems) {
      invalid.push({ index, line: item.line, where: where(options.naming, index, item.line), problems });
      if (!options.skipInvalid) return { seq: chunk.seq, firstIndex: chunk.firstIndex, lines, evaluated, invalid, stopped: true, tally };
      continue;
    }
    const decided = policies.map((p) => decide(p, c, { trace: options.trace }));
    const results = options.explain ? withExplanations(policies, c, decided) : decided;
    evaluated++;
    if (tally) addCase(tally, c, results, bySegments);
    else lines.push(options.pretty ? JSON.stringify(results, null, 2) : JSON.stringify(results));
  }
  return { seq: chunk.seq, firstIndex: chunk.firstIndex, lines, evaluated, invalid, stopped: false, tally };
}

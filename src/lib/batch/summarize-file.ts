/**
 * A whole file of cases → its summary, read as a stream in chunks: what the browser's "evaluate a file" runs
 * in a Web Worker (the CLI runs the same chunks in worker threads). Invalid cases are counted and skipped.
 */
import type { CompiledPolicy } from '../criteria/compile.ts';
import { evaluateChunk, type Invalid } from './evaluate-chunk.ts';
import { chunksOf, itemsOf } from './chunks.ts';
import { JsonSplitter, LineSplitter } from './split-json.ts';
import { summarize, type Summary } from './summary.ts';
import { emptyTally, mergeTally } from './tally.ts';

export type FileProgress = { cases: number; bytes: number; total: number };
export type FileSummary = { summary: Summary; invalid: number; firstInvalid: Invalid[] };

export async function summarizeStream(
  policies: readonly CompiledPolicy[],
  chunks: AsyncIterable<string>,
  options: { name: string; total: number; by: string | null; onProgress?: (p: FileProgress) => void },
): Promise<FileSummary> {
  const lines = /\.(jsonl|ndjson)$/i.test(options.name);
  const splitter = lines ? new LineSplitter() : new JsonSplitter();
  const tally = emptyTally(policies.map((p) => p.model.payer), options.by);
  const chunkOptions = { trace: false, summary: true, by: options.by, skipInvalid: true, naming: lines ? 'line' : 'index', pretty: false } as const;
  const firstInvalid: Invalid[] = [];
  let invalid = 0;
  let bytes = 0;
  const counted = async function* () {
    for await (const text of chunks) {
      bytes += text.length;
      yield text;
    }
  };
  for await (const chunk of chunksOf(itemsOf(counted(), splitter))) {
    const out = evaluateChunk(policies, chunk, chunkOptions);
    mergeTally(tally, out.tally!);
    invalid += out.invalid.length;
    if (firstInvalid.length < 5) firstInvalid.push(...out.invalid.slice(0, 5 - firstInvalid.length));
    options.onProgress?.({ cases: tally.cases + invalid, bytes, total: options.total });
  }
  return { summary: summarize(tally, policies.map((p) => p.model)), invalid, firstInvalid };
}

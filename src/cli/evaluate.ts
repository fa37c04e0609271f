/**
 * `npm run evaluate -- FILE [options]`: decides cases for every payer. FILE holds one case (JSON), an array of
 * cases (JSON), or one case a line (JSON Lines: `.jsonl`/`.ndjson`, or any input holding several values);
 * `-` reads stdin. Input is read as a stream and results are written as they are decided, in input order,
 * so memory stays bounded whatever the size. See README "Evaluating many cases".
 */
import { createReadStream, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import { FACTS_BY_PATH } from '../lib/criteria/facts.ts';
import { loadCompiled } from '../lib/criteria/load.ts';
import { formatMessage } from '../lib/criteria/messages.ts';
import type { ChunkIn, ChunkOptions, ChunkOut, Invalid } from '../lib/batch/evaluate-chunk.ts';
import { runChunks } from '../lib/batch/pool.ts';
import { JsonSplitter, LineSplitter, SplitError, type Item } from '../lib/batch/split-json.ts';
import { formatSummary, summarize } from '../lib/batch/summary.ts';
import { emptyTally, mergeTally } from '../lib/batch/tally.ts';
import { Progress } from '../lib/batch/progress.ts';

const USAGE = `Usage: npm run evaluate -- FILE [--trace] [--jsonl] [--workers N] [--skip-invalid] [--summary [--json] [--by FIELD]] [--quiet]
  FILE            a case or an array of cases (JSON), or one case a line (.jsonl/.ndjson); - reads stdin
  --jsonl         write one result line per case (the default for JSON Lines input)
  --workers N     worker threads (default: the machine's cores; small inputs run in one thread)
  --skip-invalid  report an invalid case and go on (its line says so) instead of stopping
  --summary       per-payer decision shares, deciding criteria, missing facts, and pairwise changes
  --json          with --summary: the summary as JSON
  --by FIELD      with --summary: break decisions down by a case field (e.g. coverage)
  --quiet         no progress on stderr`;
const CHUNK = 500;
const NAME_LIMIT = 80;

class Refusal extends Error {
  constructor(readonly lines: string[], readonly code = 2) {
    super(lines[0]);
  }
}
const cut = (s: string) => (s.length > NAME_LIMIT ? `${s.slice(0, NAME_LIMIT)}… (${s.length} characters)` : s);

type Args = { file: string; trace: boolean; jsonl: boolean; workers: number | null; skipInvalid: boolean; summary: boolean; json: boolean; by: string | null; quiet: boolean };

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { file: '', trace: false, jsonl: false, workers: null, skipInvalid: false, summary: false, json: false, by: null, quiet: false };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Refusal([`Missing the value of ${arg}`, USAGE]);
      return v;
    };
    switch (arg) {
      case '--trace': a.trace = true; break;
      case '--jsonl': a.jsonl = true; break;
      case '--skip-invalid': a.skipInvalid = true; break;
      case '--summary': a.summary = true; break;
      case '--json': a.json = true; break;
      case '--quiet': a.quiet = true; break;
      case '--workers': {
        const v = value();
        if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 64) throw new Refusal([`Unexpected --workers \`${cut(v)}\`, expected a whole number from 1 to 64`]);
        a.workers = Number(v);
        break;
      }
      case '--by': a.by = value(); break;
      default:
        if (arg.startsWith('--')) throw new Refusal([`Unexpected option \`${cut(arg)}\``, USAGE]);
        files.push(arg);
    }
  }
  if (files.length !== 1) throw new Refusal([files.length ? `Unexpected second FILE \`${cut(files[1]!)}\`: evaluate reads one file (or - for stdin)` : 'Missing FILE', USAGE]);
  a.file = files[0]!;
  if ((a.json || a.by) && !a.summary) throw new Refusal([`${a.json ? '--json' : '--by'} goes with --summary`, USAGE]);
  if (a.by && !FACTS_BY_PATH.has(a.by)) throw new Refusal([`Unexpected --by field \`${cut(a.by)}\`, expected a case field such as \`coverage\` or \`diagnosis.etiology\``]);
  return a;
}

/** Decoded text chunks; invalid UTF-8 is refused (as a permalink refuses it), a leading BOM is dropped. */
async function* textOf(stream: Readable, file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw new Refusal([`${file}: not valid UTF-8 (within bytes ${bytes}–${bytes + chunk.length})`]);
    }
    bytes += chunk.length;
  }
  yield decoder.decode();
}

async function* itemsOf(text: AsyncIterable<string>, splitter: JsonSplitter | LineSplitter, file: string): AsyncGenerator<Item> {
  const out: Item[] = [];
  try {
    for await (const t of text) {
      splitter.push(t, out);
      yield* out.splice(0);
    }
    splitter.end(out);
  } catch (e) {
    if (e instanceof SplitError) throw new Refusal([`${file}: not JSON at line ${e.line}: ${e.message}`]);
    throw e;
  }
  yield* out;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const stdin = args.file === '-';
  let size = 0;
  try {
    if (!stdin) size = statSync(args.file).size;
  } catch (e) {
    throw new Refusal([`Cannot read ${args.file}: ${(e as Error).message}`]);
  }
  const lines = !stdin && /\.(jsonl|ndjson)$/i.test(args.file);
  const stream = stdin ? process.stdin : createReadStream(args.file, { highWaterMark: 1 << 20 });
  stream.on('error', () => undefined); // read errors surface through the iterator below
  const splitter = lines ? new LineSplitter() : new JsonSplitter();
  const items = itemsOf(textOf(stream, args.file), splitter, args.file);

  // Peek: one plain JSON value keeps today's output (the array of per-payer results); several values are JSON Lines.
  const head: Item[] = [];
  // (next() by hand: leaving a for-await early would close the generator.)
  while (head.length <= 2 * CHUNK) {
    const next = await items.next();
    if (next.done) break;
    head.push(next.value);
  }
  const inputKind = lines ? 'jsonl' : splitter instanceof JsonSplitter && splitter.mode === 'array' ? 'array' : head.length > 1 ? 'jsonl' : 'single';
  if (inputKind === 'single' && head.length === 0) throw new Refusal([`${args.file}: no case in the input`]);
  const output = args.summary ? 'summary' : args.jsonl || inputKind === 'jsonl' ? 'jsonl' : inputKind;

  const { policies, messages } = await loadCompiled();
  const errors = messages.filter((m) => m.severity === 'error');
  if (errors.length) throw new Refusal(['Policies have errors (run `npm run check`):', ...errors.map(formatMessage)], 1);

  const options: ChunkOptions = { trace: args.trace, summary: args.summary, by: args.by, skipInvalid: args.skipInvalid, naming: inputKind === 'jsonl' ? 'line' : 'index' };
  const small = head.length <= 2 * CHUNK;
  const workers = small ? 1 : (args.workers ?? availableParallelism());
  const tally = emptyTally(policies.map((p) => p.model.payer), args.by);
  const skipped: Invalid[] = [];
  let written = 0;
  let stoppedAt: Invalid | null = null;
  const progress = new Progress(process.stderr, !args.quiet && Boolean(process.stderr.isTTY), size, () => (stream as { bytesRead?: number }).bytesRead ?? 0);

  const write = (text: string) => (process.stdout.write(text) ? undefined : new Promise<void>((resolve) => process.stdout.once('drain', resolve)));
  let opened = false;
  const emit = async (out: ChunkOut): Promise<boolean> => {
    if (out.tally) mergeTally(tally, out.tally);
    if (out.stopped) {
      stoppedAt = out.invalid[out.invalid.length - 1]!;
      return false;
    }
    const rows = [...out.lines];
    if (args.skipInvalid && out.invalid.length) {
      skipped.push(...out.invalid);
      if (output !== 'summary') {
        // Keep one line per case: an invalid case's line says why, in place of its results.
        const byIndex = new Map(out.invalid.map((x) => [x.index, x]));
        rows.length = 0;
        let k = 0;
        for (let i = 0; i < out.lines.length + out.invalid.length; i++) {
          const bad = byIndex.get(out.seq * CHUNK + i);
          rows.push(bad ? JSON.stringify({ invalid: bad.problems, at: bad.where }) : out.lines[k++]!);
        }
      }
    }
    progress.add(out.evaluated + out.invalid.length);
    if (output === 'summary' || rows.length === 0) return true;
    let text: string;
    if (output === 'jsonl') text = `${rows.join('\n')}\n`;
    else if (output === 'array') text = `${opened ? ',\n' : '[\n'}${rows.join(',\n')}`;
    else text = JSON.stringify(JSON.parse(rows[0]!), null, 2);
    opened = true;
    written += rows.length;
    await write(text);
    return true;
  };

  async function* chunks(): AsyncGenerator<ChunkIn> {
    let seq = 0;
    let batch: Item[] = [];
    const all = async function* () { yield* head; for (let n = await items.next(); !n.done; n = await items.next()) yield n.value; };
    for await (const it of all()) {
      batch.push(it);
      if (batch.length === CHUNK) { yield { seq, firstIndex: seq * CHUNK, items: batch }; seq++; batch = []; }
    }
    if (batch.length) yield { seq, firstIndex: seq * CHUNK, items: batch };
  }

  let ready = 0;
  try {
    await runChunks(chunks(), { workers, options, policies, onChunk: emit, onReady: () => { ready = performance.now(); } });
  } finally {
    progress.done();
    if (stdin) process.stdin.destroy();
  }

  if (stoppedAt) {
    const bad = stoppedAt as Invalid;
    const tail = written ? [`Stopped there: the results of the ${written} case(s) before it were written; the output is incomplete.`] : [];
    throw new Refusal([`Invalid case at ${bad.where} of ${args.file}:`, ...bad.problems.map((p) => `  ${p}`), ...tail]);
  }
  if (output === 'array') await write(opened ? '\n]\n' : '[]\n');
  else if (output === 'single') await write('\n');
  else if (output === 'summary') {
    const s = summarize(tally, policies.map((p) => p.model));
    await write(args.json ? `${JSON.stringify(s, null, 2)}\n` : formatSummary(s));
  }
  if (process.env.EVALUATE_STATS) {
    // For the bench: throughput from the moment the workers are up (start-up excluded), and peak memory.
    const seconds = (performance.now() - ready) / 1000;
    process.stderr.write(`${JSON.stringify({ cases: tally.cases || written, workers, seconds, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
  }
  if (skipped.length) {
    process.stderr.write(`Skipped ${skipped.length} invalid case(s):\n${skipped.slice(0, 20).map((x) => `  ${x.where}: ${x.problems.join('; ')}`).join('\n')}${skipped.length > 20 ? `\n  … and ${skipped.length - 20} more` : ''}\n`);
  }
  return 0;
}

// A reader that stops early (`| head`) closes the pipe: nothing more to say to it, and no stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
// Otherwise exit through exitCode, never process.exit(): stdout and stderr drain first, even when piped.
try {
  process.exitCode = await main();
} catch (e) {
  if (e instanceof Refusal) {
    process.stderr.write(`${e.lines.join('\n')}\n`);
    process.exitCode = e.code;
  } else {
    process.stderr.write(`evaluate failed: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}

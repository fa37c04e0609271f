/**
 * `npm run evaluate -- FILE [options]` as a function (src/cli/evaluate.ts runs it; tests call it in-process).
 * FILE holds one case (JSON), an array of cases (JSON), or one case a line (JSON Lines: `.jsonl`/`.ndjson`, or
 * any input holding several values); `-` reads stdin. Input is read as a stream and results are written as
 * they are decided, in input order, so memory stays bounded whatever the size (README "Evaluating many cases").
 */
import { createReadStream, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { ChunkOptions, ChunkOut, Invalid } from '../batch/evaluate-chunk.ts';
import { CHUNK, chunksOf, itemsOf } from '../batch/chunks.ts';
import { runChunks } from '../batch/pool.ts';
import { Progress } from '../batch/progress.ts';
import { JsonSplitter, LineSplitter, SplitError, type Item } from '../batch/split-json.ts';
import { formatSummary, summarize } from '../batch/summary.ts';
import { emptyTally, mergeTally } from '../batch/tally.ts';
import { FACTS_BY_PATH } from '../criteria/facts.ts';
import { loadCompiled, policyFiles } from '../criteria/load.ts';
import { formatMessage } from '../criteria/messages.ts';
import { writeLines, type Io } from './io.ts';

export const USAGE = `Usage: npm run evaluate -- FILE [--trace] [--jsonl] [--workers N] [--skip-invalid] [--summary [--json] [--by FIELD]] [--quiet]
  FILE            a case or an array of cases (JSON), or one case a line (.jsonl/.ndjson); - reads stdin
  --trace         every node's value in each result
  --no-explain    leave out why, nearest and askNext (much faster on large batches)
  --jsonl         write one result line per case (the default for JSON Lines input)
  --workers N     worker threads (default: the machine's cores; inputs of up to 1,000 cases run in one thread)
  --skip-invalid  report each invalid case on stderr and go on (its output line says so) instead of stopping
  --summary       per-payer decision shares, deciding criteria, missing facts, and pairwise changes
  --json          with --summary: the summary as JSON
  --by FIELD      with --summary: break decisions down by a case field (e.g. coverage)
  --quiet         no progress on stderr`;
const OPTIONS = ['--trace', '--no-explain', '--jsonl', '--workers', '--skip-invalid', '--summary', '--json', '--by', '--quiet'];
/** Cases per chunk handed to a worker; results are written a chunk at a time. */
export { CHUNK };
const NAME_LIMIT = 80;

class Refusal extends Error {
  constructor(readonly lines: string[], readonly code = 2) {
    super(lines[0]);
  }
}
const cut = (s: string) => (s.length > NAME_LIMIT ? `${s.slice(0, NAME_LIMIT)}… (${s.length} characters)` : s);

type Args = { file: string; trace: boolean; explain: boolean; jsonl: boolean; workers: number | null; skipInvalid: boolean; summary: boolean; json: boolean; by: string | null; quiet: boolean };

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { file: '', trace: false, explain: true, jsonl: false, workers: null, skipInvalid: false, summary: false, json: false, by: null, quiet: false };
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
      case '--no-explain': a.explain = false; break;
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
        if (arg.startsWith('--')) throw new Refusal([`Unexpected option \`${cut(arg)}\`, expected ${OPTIONS.map((o) => `\`${o}\``).join(', ')}`, USAGE]);
        files.push(arg);
    }
  }
  if (files.length !== 1) throw new Refusal([files.length ? `Unexpected extra argument \`${cut(files[1]!)}\`, expected one FILE` : 'Missing FILE', USAGE]);
  a.file = files[0]!;
  if ((a.json || a.by) && !a.summary) throw new Refusal([`${a.json ? '--json' : '--by'} goes with --summary`, USAGE]);
  if (a.by && !FACTS_BY_PATH.has(a.by)) throw new Refusal([`Unexpected --by field \`${cut(a.by)}\`, expected a case field such as \`coverage\` or \`diagnosis.etiology\``]);
  return a;
}

/** Decoded text; invalid UTF-8 is refused (as a permalink refuses it), a leading byte-order mark is dropped. */
async function* textOf(bytes: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of bytes) yield decoder.decode(chunk, { stream: true });
    yield decoder.decode();
  } catch (e) {
    if (e instanceof TypeError) throw new Refusal([`${file}: not UTF-8 text`]);
    throw e;
  }
}

/** The file's items; a splitting mistake is refused with its line. */
async function* refusingItemsOf(text: AsyncIterable<string>, splitter: JsonSplitter | LineSplitter, file: string): AsyncGenerator<Item> {
  try {
    yield* itemsOf(text, splitter);
  } catch (e) {
    if (e instanceof SplitError) throw new Refusal([`${file}: not JSON at line ${e.line}: ${e.message}`]);
    throw e;
  }
}

export async function evaluateCommand(argv: string[], io: Io): Promise<number> {
  try {
    return await evaluate(argv, io);
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    await writeLines(io.stderr, e.lines);
    return e.code;
  }
}

async function evaluate(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv);
  const stdin = args.file === '-';
  const path = resolve(io.cwd, args.file);
  let size = 0;
  try {
    if (!stdin) size = statSync(path).size;
  } catch (e) {
    throw new Refusal([`Cannot read ${args.file}: ${(e as Error).message}`]);
  }
  const lines = !stdin && /\.(jsonl|ndjson)$/i.test(args.file);
  let bytesRead = () => 0;
  let bytes: AsyncIterable<Uint8Array>;
  if (stdin) bytes = io.stdinChunks ? io.stdinChunks() : (async function* () { yield io.readStdin(); })();
  else {
    const stream = createReadStream(path, { highWaterMark: 1 << 20 });
    bytesRead = () => stream.bytesRead;
    bytes = stream;
  }
  const splitter = lines ? new LineSplitter() : new JsonSplitter();
  const items = refusingItemsOf(textOf(bytes, args.file), splitter, args.file);

  // Peek: one plain JSON value keeps the single-case output; several values are JSON Lines.
  // (next() by hand: leaving a for-await early would close the generator.)
  const head: Item[] = [];
  while (head.length <= 2 * CHUNK) {
    const next = await items.next();
    if (next.done) break;
    head.push(next.value);
  }
  const inputKind = lines ? 'jsonl' : splitter instanceof JsonSplitter && splitter.mode === 'array' ? 'array' : head.length > 1 ? 'jsonl' : 'single';
  if (inputKind === 'single' && head.length === 0) throw new Refusal([`${args.file}: not JSON: no case in the input`]);
  const output = args.summary ? 'summary' : args.jsonl || inputKind === 'jsonl' ? 'jsonl' : inputKind;

  const files = policyFiles(resolve(io.cwd, io.env.POLICIES_DIR || 'src/content/policies'));
  const { policies, messages } = await loadCompiled(files);
  const errors = messages.filter((m) => m.severity === 'error');
  if (errors.length) throw new Refusal(['Policies have errors (run `npm run check`):', ...errors.map(formatMessage)], 1);

  const options: ChunkOptions = { trace: args.trace, summary: args.summary, by: args.by, skipInvalid: args.skipInvalid, naming: inputKind === 'jsonl' ? 'line' : 'index', pretty: output === 'array' || output === 'single', explain: args.explain && !args.summary };
  const small = head.length <= 2 * CHUNK;
  const workers = small ? 1 : (args.workers ?? availableParallelism());
  const tally = emptyTally(policies.map((p) => p.model.payer), args.by);
  let skipped = 0;
  let written = 0;
  let stoppedAt: Invalid | null = null;
  const progress = new Progress(io.progress && !args.quiet ? io.progress : null, size, bytesRead);

  let opened = false;
  const emit = async (out: ChunkOut): Promise<boolean> => {
    if (out.tally) mergeTally(tally, out.tally);
    if (out.stopped) {
      stoppedAt = out.invalid[out.invalid.length - 1]!;
      return false;
    }
    let rows = out.lines;
    if (out.invalid.length) {
      skipped += out.invalid.length;
      // Each skipped case is reported as it comes (stdout's line for it says so too), then the count at the end.
      await writeLines(io.stderr, out.invalid.map((x) => `${x.where}: ${x.problems.join('; ')}`));
      if (output !== 'summary') {
        // Keep one line per case: an invalid case's line says why, in place of its results.
        const byIndex = new Map(out.invalid.map((x) => [x.index, x]));
        rows = [];
        let k = 0;
        for (let i = 0; i < out.lines.length + out.invalid.length; i++) {
          const bad = byIndex.get(out.firstIndex + i);
          rows.push(bad ? JSON.stringify({ invalid: bad.problems, at: bad.where }) : out.lines[k++]!);
        }
      }
    }
    progress.add(out.evaluated + out.invalid.length);
    if (output === 'summary' || rows.length === 0) return true;
    let text: string;
    if (output === 'jsonl') text = `${rows.join('\n')}\n`;
    // The array as JSON.stringify(all, null, 2) would write it, a chunk at a time.
    else if (output === 'array') text = `${opened ? ',\n' : '[\n'}${rows.map((r) => `  ${r.replace(/\n/g, '\n  ')}`).join(',\n')}`;
    else text = rows[0]!;
    opened = true;
    written += rows.length;
    await io.stdout.write(text);
    return true;
  };

  async function* all(): AsyncGenerator<Item> {
    yield* head;
    for (let n = await items.next(); !n.done; n = await items.next()) yield n.value;
  }

  let ready = 0;
  try {
    await runChunks(chunksOf(all()), { workers, options, policies, files, onChunk: emit, onReady: () => { ready = performance.now(); } });
  } finally {
    progress.done();
  }

  if (stoppedAt) {
    const bad = stoppedAt as Invalid;
    const tail = written ? [`Stopped there: the results of the ${written} case(s) before it were written; the output is incomplete.`] : [];
    throw new Refusal([`Invalid case at ${bad.where} in ${args.file}:`, ...bad.problems.map((p) => `  ${p}`), ...tail]);
  }
  if (output === 'array') await io.stdout.write(opened ? '\n]\n' : '[]\n');
  else if (output === 'single') await io.stdout.write('\n');
  else if (output === 'summary') {
    const s = summarize(tally, policies.map((p) => p.model));
    await io.stdout.write(args.json ? `${JSON.stringify(s, null, 2)}\n` : formatSummary(s));
  }
  if (io.env.EVALUATE_STATS) {
    // For the bench: throughput from the moment the workers are up (start-up excluded), and peak memory.
    const seconds = (performance.now() - ready) / 1000;
    await io.stderr.write(`${JSON.stringify({ cases: tally.cases || written, workers, seconds, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
  }
  if (skipped) await io.stderr.write(`Skipped ${skipped.toLocaleString('en-US')} invalid case(s).\n`);
  return 0;
}

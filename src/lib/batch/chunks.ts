/**
 * Cases read as a stream, in numbered chunks: what the CLI hands to its workers and the browser's "evaluate a
 * file" evaluates in its Web Worker. One chunk size for both, so results and progress come in the same steps.
 */
import type { ChunkIn } from './evaluate-chunk.ts';
import type { Item, JsonSplitter, LineSplitter } from './split-json.ts';

/** Cases per chunk: big enough that a chunk's overhead is small, small enough for steady progress and memory. */
export const CHUNK = 500;

/** Text pieces → the items (one case's text each) the splitter finds, as they complete. */
export async function* itemsOf(text: AsyncIterable<string>, splitter: JsonSplitter | LineSplitter): AsyncGenerator<Item> {
  const out: Item[] = [];
  for await (const t of text) {
    splitter.push(t, out);
    yield* out.splice(0);
  }
  splitter.end(out);
  yield* out;
}

/** Items → chunks of CHUNK items (the last may be shorter), numbered from 0 with their first item's index. */
export async function* chunksOf(items: AsyncIterable<Item>): AsyncGenerator<ChunkIn> {
  let seq = 0;
  let batch: Item[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length === CHUNK) {
      yield { seq, firstIndex: seq * CHUNK, items: batch };
      seq++;
      batch = [];
    }
  }
  if (batch.length) yield { seq, firstIndex: seq * CHUNK, items: batch };
}

/**
 * Runs chunks through worker threads (or inline for one worker) and hands their outputs back strictly in
 * input order, so results stream out in order whatever thread finishes first. At most two chunks per worker
 * are in flight: memory stays bounded whatever the input size.
 */
import { Worker } from 'node:worker_threads';
import type { CompiledPolicy } from '../criteria/compile.ts';
import { evaluateChunk, type ChunkIn, type ChunkOptions, type ChunkOut } from './evaluate-chunk.ts';

export type PoolOptions = {
  workers: number;
  options: ChunkOptions;
  /** Used inline when workers ≤ 1 (the workers load their own). */
  policies: readonly CompiledPolicy[];
  /** The policy files the workers load (the same the caller compiled). */
  files: readonly string[];
  /** Called in input order; return false to stop (an invalid case without --skip-invalid). */
  onChunk: (out: ChunkOut) => Promise<boolean> | boolean;
  /** Called once the workers are up (the bench times from here: start-up excluded). */
  onReady?: () => void;
};

type Slot = { worker: Worker; settle: ((out: ChunkOut) => void) | null; fail: ((e: Error) => void) | null };

async function startWorkers(count: number, options: ChunkOptions, files: readonly string[]): Promise<Slot[]> {
  const url = new URL('./worker.ts', import.meta.url);
  return Promise.all(Array.from({ length: count }, () => new Promise<Slot>((resolve, reject) => {
    const slot: Slot = { worker: new Worker(url, { workerData: { options, files } }), settle: null, fail: null };
    slot.worker.once('message', (m) => (m === 'ready' ? resolve(slot) : reject(new Error(`worker said ${String(m)}`))));
    slot.worker.on('error', (e) => (slot.fail ? slot.fail(e) : reject(e)));
  })));
}

export async function runChunks(chunks: AsyncIterable<ChunkIn>, o: PoolOptions): Promise<void> {
  if (o.workers <= 1) {
    o.onReady?.();
    for await (const chunk of chunks) if (!(await o.onChunk(evaluateChunk(o.policies, chunk, o.options)))) return;
    return;
  }
  const slots = await startWorkers(o.workers, o.options, o.files);
  o.onReady?.();
  const idle = [...slots];
  const waiting: Array<(s: Slot) => void> = [];
  const release = (s: Slot) => { const w = waiting.shift(); if (w) w(s); else idle.push(s); };
  const acquire = () => new Promise<Slot>((resolve) => { const s = idle.pop(); if (s) resolve(s); else waiting.push(resolve); });
  const dispatch = async (chunk: ChunkIn): Promise<ChunkOut> => {
    const slot = await acquire();
    try {
      return await new Promise<ChunkOut>((resolve, reject) => {
        slot.settle = resolve;
        slot.fail = reject;
        slot.worker.once('message', (out: ChunkOut) => resolve(out));
        slot.worker.postMessage(chunk);
      });
    } finally {
      slot.settle = slot.fail = null;
      release(slot);
    }
  };
  const inFlight: Array<Promise<ChunkOut>> = [];
  try {
    for await (const chunk of chunks) {
      const p = dispatch(chunk);
      p.catch(() => undefined); // awaited in order below; this only keeps an early failure from going unhandled
      inFlight.push(p);
      while (inFlight.length >= 2 * o.workers) if (!(await o.onChunk(await inFlight.shift()!))) return;
    }
    while (inFlight.length) if (!(await o.onChunk(await inFlight.shift()!))) return;
  } finally {
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

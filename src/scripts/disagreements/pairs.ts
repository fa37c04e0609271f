/** The page's side of the pair worker: one promise per pair analysis; `stop` drops every pending one. */
import type { PairAnalysis } from '../../lib/explore/pair.ts';
import type { PairRequest } from './worker.ts';

type Reply = { id: number; result?: PairAnalysis; error?: string };

export type Pairs = { analyse(a: string, b: string): Promise<PairAnalysis>; stop(): void };

export function pairWorker(): Pairs {
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<number, { resolve: (r: PairAnalysis) => void; reject: (e: Error) => void }>();
  const start = () => {
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<Reply>) => {
      const p = pending.get(e.data.id);
      pending.delete(e.data.id);
      if (e.data.result) p?.resolve(e.data.result);
      else p?.reject(new Error(e.data.error ?? 'The comparison failed.'));
    };
    w.onerror = (e) => {
      for (const p of pending.values()) p.reject(new Error(e.message || 'The comparison failed to load.'));
      pending.clear();
    };
    return w;
  };
  return {
    analyse(a, b) {
      worker ??= start();
      const id = next++;
      const request: PairRequest = { id, a, b };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.postMessage(request);
      });
    },
    stop() {
      // A worker busy on a pair cannot be interrupted otherwise; the next request starts a fresh one.
      worker?.terminate();
      worker = null;
      pending.clear();
    },
  };
}

/**
 * The Web Worker behind the pair views of /disagreements/ (issue #18): loads the two payers' compiled policies
 * on demand and runs the pair analysis (src/lib/explore/pair.ts) off the page's thread. Each policy is loaded
 * once per worker, whatever the number of pairs it is in.
 */
import { loaders } from 'virtual:policy-loaders';
import type { CompiledPolicy } from '../../lib/criteria/compile.ts';
import { PUBLIC_EXAMPLES } from '../../lib/criteria/public-cases.ts';
import { analysePair } from '../../lib/explore/pair.ts';

export type PairRequest = { id: number; a: string; b: string };

const loaded = new Map<string, Promise<CompiledPolicy>>();

function policy(payer: string): Promise<CompiledPolicy> {
  const load = Object.hasOwn(loaders, payer) ? loaders[payer] : undefined;
  if (!load) return Promise.reject(new Error(`There is no payer "${payer}" on this site.`));
  let p = loaded.get(payer);
  if (!p) loaded.set(payer, (p = load()));
  return p;
}

self.onmessage = async (e: MessageEvent<PairRequest>) => {
  const { id, a, b } = e.data;
  try {
    const [pa, pb] = await Promise.all([policy(a), policy(b)]);
    self.postMessage({ id, result: analysePair(pa, pb, PUBLIC_EXAMPLES) });
  } catch (err) {
    self.postMessage({ id, error: (err as Error).message });
  }
};

/** Pieces the combinator kinds share: the schema of `of`, Kleene counting, and the short-circuit code shape. */
import { F, T, U, type Truth } from '../kleene.ts';
import type { PathKey } from '../path.ts';

/** At least n of the values met: T once n are met, F once n can no longer be reached, else U. */
export function countAtLeast(n: number, values: readonly Truth[]): Truth {
  let met = 0;
  let open = 0;
  for (const v of values) {
    if (v === T) met++;
    else if (v === U) open++;
  }
  return met >= n ? T : met + open < n ? F : U;
}

/** The generated twin of countAtLeast, as an expression over met/open counters. */
export const countExpr = (n: number, met: string, open: string) => `${met} >= ${n} ? 2 : ${met} + ${open} < ${n} ? 0 : 1`;

export function listChildren(of: readonly unknown[]): Array<{ input: unknown; path: PathKey[] }> {
  return of.map((input, i) => ({ input, path: ['of', i] }));
}

/**
 * ALL (min, stops at 0) and ANY (max, stops at 2) as a labelled block that breaks out as soon as the value is
 * settled: no calls per node on the hot path.
 */
export function emitMinMax(all: boolean, index: number, children: readonly number[], v: string, kid: (k: number) => string, out: string[]): void {
  out.push(`let ${v} = ${all ? 2 : 0}; L${index}: {`);
  for (const k of children) {
    const e = kid(k);
    out.push(all
      ? `{ const x = ${e}; if (x === 0) { ${v} = 0; break L${index}; } if (x < ${v}) ${v} = x; }`
      : `{ const x = ${e}; if (x === 2) { ${v} = 2; break L${index}; } if (x > ${v}) ${v} = x; }`);
  }
  out.push('}');
}

export function* choose<X>(items: readonly X[], k: number, from = 0): Generator<X[]> {
  if (k === 0) { yield []; return; }
  for (let i = from; i <= items.length - k; i++) for (const rest of choose(items, k - 1, i + 1)) yield [items[i]!, ...rest];
}

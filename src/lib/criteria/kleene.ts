/**
 * Three-valued (Kleene) logic on small integers, so value arrays are compact and comparisons cheap:
 * F = 0 (not met), U = 1 (unknown), T = 2 (met). AND is min, OR is max, NOT is 2 − x.
 */
export const F = 0;
export const U = 1;
export const T = 2;
export type Truth = 0 | 1 | 2;

export const TRUTH_NAMES = ['not-met', 'unknown', 'met'] as const;
export type TruthName = (typeof TRUTH_NAMES)[number];

export function and(values: readonly Truth[]): Truth {
  let r: Truth = T;
  for (const v of values) if (v < r) r = v;
  return r;
}

export function or(values: readonly Truth[]): Truth {
  let r: Truth = F;
  for (const v of values) if (v > r) r = v;
  return r;
}

export function not(v: Truth): Truth {
  return (T - v) as Truth;
}

/** At least n of the values are met: T once n are met, F once n can no longer be reached, else U. */
export function atLeast(n: number, values: readonly Truth[]): Truth {
  let met = 0;
  let open = 0;
  for (const v of values) {
    if (v === T) met++;
    else if (v === U) open++;
  }
  if (met >= n) return T;
  return met + open < n ? F : U;
}

export function fromBoolean(b: boolean): Truth {
  return b ? T : F;
}

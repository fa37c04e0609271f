/** Shared timing helpers for the benches: medians of repeated runs, so one noisy sample does not decide. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** Median throughput (operations per second) of `fn` run `n` times, over `rounds` rounds. */
export function throughput(fn: (i: number) => void, n: number, rounds = 7): number {
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    rates.push(n / ((performance.now() - t0) / 1000));
  }
  return median(rates);
}

/** "Did you mean …": the closest known name to a misspelt one (prefix first, then edit distance). */

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

export function closest(name: string, candidates: readonly string[]): string | null {
  const prefixed = candidates.find((c) => c.toLowerCase().startsWith(name.toLowerCase()));
  if (prefixed) return prefixed;
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const dist = distance(name.toLowerCase(), c.toLowerCase());
    if (dist < bestD) [best, bestD] = [c, dist];
  }
  return best !== null && bestD <= Math.max(3, name.length / 3) ? best : null;
}

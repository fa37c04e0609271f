/**
 * Exact decisions (issue 19) on generated partial cases (seeded, the property tests' generator): how often
 * the search reaches its bound (the result then stays the Kleene one, marked conservative) and what a
 * decision costs per payer, overall and for nearly complete cases (what a form with a few blanks sends).
 */
import fc from 'fast-check';
import { decide } from '../src/lib/criteria/decide.ts';
import { BOUND } from '../src/lib/criteria/exact.ts';
import { FACTS, readFact } from '../src/lib/criteria/facts.ts';
import { loadCompiled } from '../src/lib/criteria/load.ts';
import { partialCase } from '../test/fixtures/case-arbitrary.ts';
import { seedCases } from '../test/fixtures/seeds.ts';
import { median } from './timing.ts';

const CASES = 2000;
const NEARLY_COMPLETE = 5;

export default async function exact() {
  const { policies } = await loadCompiled();
  const models = policies.map((p) => p.model);
  const cases = fc.sample(partialCase(models, seedCases(models)), { seed: 19, numRuns: CASES })
    .map((c) => ({ ...c, dateOfService: '2026-11-21' }));
  const blanks = (c: unknown) => FACTS.filter((f) => readFact(c, f.segments) === undefined).length;
  for (const c of cases.slice(0, 200)) for (const p of policies) decide(p, c, { explain: false }); // warm-up

  const times: number[] = [];
  const nearTimes: number[] = [];
  let needs = 0;
  let bound = 0;
  let near = 0;
  let nearBound = 0;
  for (const c of cases) {
    const few = blanks(c) <= NEARLY_COMPLETE;
    for (const p of policies) {
      const t0 = performance.now();
      const r = decide(p, c, { explain: false });
      const ms = performance.now() - t0;
      times.push(ms);
      if (few) { nearTimes.push(ms); near++; }
      if (r.decision === 'needs-information') needs++;
      if (r.conservative) { bound++; if (few) nearBound++; }
    }
  }
  const n = times.length;
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;
  const sorted = [...times].sort((a, b) => a - b);
  const us = (ms: number) => Math.round(ms * 1000);
  return {
    'generated partial cases × payers': `${CASES} × ${policies.length}`,
    'bound (evaluations per payer decision)': BOUND,
    'needs-information': pct(needs, n),
    'bound reached (conservative result)': pct(bound, n),
    [`nearly complete cases (≤ ${NEARLY_COMPLETE} blank facts): payer decisions`]: near,
    [`nearly complete cases: bound reached`]: pct(nearBound, near),
    'cost per payer decision, mean (µs)': us(times.reduce((a, b) => a + b, 0) / n),
    'cost per payer decision, median (µs)': us(median(times)),
    'cost per payer decision, 99th percentile (µs)': us(sorted[Math.floor(n * 0.99)]!),
    'cost per payer decision, worst (µs)': us(sorted[n - 1]!),
    'nearly complete cases, mean cost (µs)': us(nearTimes.reduce((a, b) => a + b, 0) / Math.max(nearTimes.length, 1)),
  };
}

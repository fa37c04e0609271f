/**
 * Batch evaluation end to end through the CLI (`npm run evaluate -- FILE.jsonl > /dev/null`) on generated cases:
 * throughput with full results (decision, category, reasons, missing) for every payer, start-up excluded, and
 * peak memory, for 10^4, 10^5 and 10^6 cases; and the speed-up from one worker to two.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPublicExamples } from '../src/lib/criteria/public-cases-fs.ts';
import { LEVELS } from '../src/lib/criteria/levels.ts';

/** A small seeded generator (mulberry32): the same cases on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Public examples varied in the facts the criteria turn on; every third case loses a few facts (partial). */
async function writeCases(path: string, n: number): Promise<void> {
  const bases = readPublicExamples().map((e) => e.case as Record<string, any>);
  const rnd = random(20261130);
  const out = createWriteStream(path);
  for (let i = 0; i < n; i++) {
    const c = structuredClone(bases[i % bases.length]!);
    c.ageYears = 40 + Math.floor(rnd() * 55);
    if (c.symptoms) c.symptoms.painNrs = Math.floor(rnd() * 11);
    if (c.diagnosis) c.diagnosis.fractureAgeWeeks = Math.floor(rnd() * 40);
    if (c.request) c.request.levels = [LEVELS[8 + Math.floor(rnd() * 16)]!];
    if (i % 3 === 2) { delete c.symptoms?.painTrend; delete c.conservativeCare; }
    if (!out.write(`${JSON.stringify(c)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

type Stats = { cases: number; workers: number; seconds: number; maxRssMB: number };

function run(file: string, workers: number): Stats {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/evaluate.ts', file, '--workers', String(workers), '--quiet', '--no-explain'], {
    env: { ...process.env, EVALUATE_STATS: '1' }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`evaluate failed: ${r.stderr}`);
  return JSON.parse(r.stderr.trim().split('\n').pop()!) as Stats;
}

export default async function batch() {
  const dir = mkdtempSync(join(tmpdir(), 'batch-bench-'));
  const figures: Record<string, string | number> = {};
  try {
    for (const n of [10_000, 100_000, 1_000_000]) {
      const file = join(dir, `${n}.jsonl`);
      await writeCases(file, n);
      const s = run(file, 2);
      figures[`${n.toLocaleString('en-US')} cases, 2 workers: cases/s (start-up excluded) · peak RSS`] = `${Math.round(s.cases / s.seconds).toLocaleString('en-US')} · ${Math.round(s.maxRssMB)} MB`;
      if (n === 100_000) {
        const one = run(file, 1);
        figures['speed-up from 1 to 2 workers (100,000 cases)'] = `${(one.seconds / s.seconds).toFixed(2)}×`;
      }
      rmSync(file);
    }
    figures['budget: ≥ 100,000 cases/s with full results; 10^6 cases < 200 MB'] = 'see the lines above (reported, not asserted)';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

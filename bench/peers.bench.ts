/**
 * The three speed figures of issue #10 beside hand-written plain JavaScript (../shared/tools/peers: Excellus
 * encoded by hand, no engine), on the same generated cases (seed 1), in one process, rounds interleaved so
 * that machine noise hits every figure alike. Targets: one payer decision-only ≥ 1.0× plain JS; one payer with
 * reasons ≥ 0.5×; all five payers with reasons ≥ 200,000 cases/s. Reported, never asserted.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decide } from '../src/lib/criteria/decide.ts';
import { loadCompiled } from '../src/lib/criteria/load.ts';
import { median } from './timing.ts';

const PEERS = resolve(process.cwd(), '../shared/tools/peers');
const N = 20_000;
const ROUNDS = 7;

type Case = Record<string, unknown>;

export default async function peers() {
  if (!existsSync(join(PEERS, 'excellus-plain.mjs'))) return { 'plain JS peer': `not found at ${PEERS}` };
  const { generateCases } = (await import(pathToFileURL(join(PEERS, 'common.mjs')).href)) as { generateCases: (n: number, seed: number, unknown: number) => Case[] };
  const { evaluatePlain } = (await import(pathToFileURL(join(PEERS, 'excellus-plain.mjs')).href)) as { evaluatePlain: (c: Case) => unknown };
  const { policies } = await loadCompiled();
  const excellus = policies.find((p) => p.model.payer === 'excellus')!;
  // As vs-project.mjs: the peer encodes one version and no line of business.
  const cases = generateCases(N, 1, 0).map((c) => ({ ...c, dateOfService: '2026-11-21', coverage: 'commercial' }));
  const runs: Record<string, (c: Case) => void> = {
    'plain JS (hand-written, Excellus)': (c) => { evaluatePlain(c); },
    'Excellus, decision only': (c) => { decide(excellus, c, { explain: false }); },
    'Excellus, decision + reasons': (c) => { decide(excellus, c); },
    'all 5 payers, decision + reasons': (c) => { for (const p of policies) decide(p, c); },
  };
  const rates = new Map(Object.keys(runs).map((k) => [k, [] as number[]]));
  for (const run of Object.values(runs)) for (const c of cases) run(c); // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, run] of Object.entries(runs)) {
      const t0 = performance.now();
      for (const c of cases) run(c);
      rates.get(name)!.push(N / ((performance.now() - t0) / 1000));
    }
  }
  const m = Object.fromEntries([...rates].map(([k, v]) => [k, median(v)]));
  const plain = m['plain JS (hand-written, Excellus)']!;
  const ratio = (k: string) => m[k]! / plain;
  const all = m['all 5 payers, decision + reasons']!;
  return {
    cases: `${N} generated (seed 1), median of ${ROUNDS} interleaved rounds, node ${process.version}`,
    'plain JS, Excellus (cases/s)': Math.round(plain),
    'Excellus, decision only (cases/s)': Math.round(m['Excellus, decision only']!),
    'Excellus, decision only / plain JS (target ≥ 1.0×)': `${ratio('Excellus, decision only').toFixed(2)}×`,
    'Excellus, decision + reasons (cases/s)': Math.round(m['Excellus, decision + reasons']!),
    'Excellus, decision + reasons / plain JS (target ≥ 0.5×)': `${ratio('Excellus, decision + reasons').toFixed(2)}×`,
    'all 5 payers, decision + reasons (cases/s, target ≥ 200,000)': Math.round(all),
    'all 5 payers, decision + reasons / plain JS': `${ratio('all 5 payers, decision + reasons').toFixed(2)}×`,
  };
}

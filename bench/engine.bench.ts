/**
 * Engine throughput: all policies deciding one case, compiled (no trace) vs interpreted, in the same run.
 * Complete cases (every fact given) take the hot path; partial cases resolve unknowns and name missing facts,
 * so they are reported apart.
 */
import { caseSchema, type Case } from '../src/lib/criteria/case-schema.ts';
import { decide } from '../src/lib/criteria/decide.ts';
import { interpret } from '../src/lib/criteria/interpret.ts';
import { loadCompiled } from '../src/lib/criteria/load.ts';
import type { CompiledPolicy } from '../src/lib/criteria/compile.ts';
import { readPublicExamples } from '../src/lib/criteria/public-cases-fs.ts';
import { throughput } from './timing.ts';

function interpreted(p: CompiledPolicy): CompiledPolicy {
  return {
    model: p.model,
    trace: (c) => interpret(p.model, c),
    blocks: (c) => { const v = interpret(p.model, c); return p.model.blocks.map((b) => v[b.root]!); },
  };
}

export default async function engine() {
  const { policies } = await loadCompiled();
  const slow = policies.map(interpreted);
  const all = readPublicExamples().map((e) => caseSchema.parse(e.case));
  const decidedEverywhere = (c: Case) => policies.every((p) => decide(p, c, { explain: false }).decision !== 'needs-information');
  const complete = all.filter(decidedEverywhere);
  const partial = all.filter((c) => !decidedEverywhere(c));
  const rate = (set: CompiledPolicy[], cases: Case[], n: number) => {
    const run = (i: number) => { const c = cases[i % cases.length]; for (const p of set) decide(p, c, { explain: false }); };
    throughput(run, Math.min(n, 20_000), 1); // warm-up: let the JIT see the path first
    return throughput(run, n);
  };
  const compiledComplete = rate(policies, complete, 200_000);
  const interpretedComplete = rate(slow, complete, 20_000);
  const compiledPartial = partial.length ? rate(policies, partial, 50_000) : NaN;
  const blocksOnly = throughput((i) => { const c = complete[i % complete.length]; for (const p of policies) p.blocks(c); }, 300_000);
  return {
    'policies': policies.length,
    'public cases (complete / partial)': `${complete.length} / ${partial.length}`,
    'complete cases, all policies decided, compiled, no trace (cases/s)': Math.round(compiledComplete),
    'complete cases, all policies decided, interpreted (cases/s)': Math.round(interpretedComplete),
    'compiled / interpreted speed-up': `${(compiledComplete / interpretedComplete).toFixed(1)}×`,
    'partial cases (needs-information, missing facts named), compiled (cases/s)': Math.round(compiledPartial),
    'block evaluation only, all policies, compiled (cases/s)': Math.round(blocksOnly),
    'budget ≥ 200,000 cases/s (complete cases)': compiledComplete >= 200_000 ? 'met' : 'not met on this run',
  };
}

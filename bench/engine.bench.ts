/** Engine throughput: all policies on one case, compiled (no trace) vs interpreted, same cases, same run. */
import { caseSchema } from '../src/lib/criteria/case-schema.ts';
import { decide } from '../src/lib/criteria/decide.ts';
import { interpret } from '../src/lib/criteria/interpret.ts';
import { loadCompiled } from '../src/lib/criteria/load.ts';
import type { CompiledPolicy } from '../src/lib/criteria/compile.ts';
import { readPublicExamples } from '../src/lib/criteria/public-cases-fs.ts';
import { throughput } from './timing.ts';

export default async function engine() {
  const { policies } = await loadCompiled();
  const cases = readPublicExamples().map((e) => caseSchema.parse(e.case));
  const interpreted: CompiledPolicy[] = policies.map((p) => ({
    model: p.model,
    trace: (c) => interpret(p.model, c),
    blocks: (c) => { const v = interpret(p.model, c); return p.model.blocks.map((b) => v[b.root]!); },
  }));
  const run = (set: CompiledPolicy[]) => (i: number) => {
    const c = cases[i % cases.length];
    for (const p of set) decide(p, c, { explain: false });
  };
  // Warm up both paths so the JIT has seen them before measuring.
  throughput(run(policies), 20_000, 1);
  throughput(run(interpreted), 2_000, 1);
  const compiled = throughput(run(policies), 100_000);
  const slow = throughput(run(interpreted), 10_000);
  const blocksOnly = throughput((i) => { const c = cases[i % cases.length]; for (const p of policies) p.blocks(c); }, 200_000);
  return {
    'policies': policies.length,
    'cases (all policies decided), compiled, no trace, per second': Math.round(compiled),
    'cases (all policies decided), interpreted, per second': Math.round(slow),
    'compiled / interpreted speed-up': `${(compiled / slow).toFixed(1)}×`,
    'block evaluation only (all policies), compiled, per second': Math.round(blocksOnly),
    'budget (issue 2)': `≥ 200,000 cases/s: ${compiled >= 200_000 ? 'met' : 'NOT met'}`,
  };
}

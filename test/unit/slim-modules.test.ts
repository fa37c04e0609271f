/**
 * The browser's slim compiled modules (compact model, traced evaluator only) must decide exactly like the
 * full modules the build and CLI use: same results, reasons, missing facts and traces.
 */
import { describe, expect, it } from 'vitest';
import { compileModule, type CompiledPolicy } from '../../src/lib/criteria/compile.ts';
import { decide } from '../../src/lib/criteria/decide.ts';
import { mergeCase } from '../../src/lib/criteria/examples.ts';
import { importCompiled, loadModels } from '../../src/lib/criteria/load.ts';
import { readPublicExamples } from '../../src/lib/criteria/public-cases-fs.ts';

const { models } = loadModels();
const publicExamples = readPublicExamples();

async function importSlim(source: string): Promise<CompiledPolicy> {
  return (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as CompiledPolicy;
}

describe.each(models.map((m) => [m.payer, m] as const))('slim module for %s', (_payer, model) => {
  it('decides every public case and every policy example like the full module', async () => {
    const full = await importCompiled(model);
    const slim = await importSlim(compileModule(model, { slim: true }));
    const cases = [
      ...publicExamples.map((e) => e.case),
      ...model.examples.map((e) => mergeCase(publicExamples.find((p) => p.name === e.base)?.case ?? {}, e.case)),
    ];
    expect(cases.length).toBeGreaterThan(publicExamples.length);
    for (const c of cases) expect(decide(slim, c, { trace: true })).toEqual(decide(full, c, { trace: true }));
  });

  it('carries the same criteria structure (ids, labels, sources, children, facts read)', async () => {
    const slim = await importSlim(compileModule(model, { slim: true }));
    const shape = (m: CompiledPolicy['model']) => m.nodes.map((n) => [n.index, n.id, n.label, n.source, n.parent, n.depth, n.children, n.reads, n.kind]);
    expect(shape(slim.model)).toEqual(shape(model));
    expect(slim.model.blocks).toEqual(model.blocks);
  });
});

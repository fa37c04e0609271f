/**
 * The authoring guide's render model (src/lib/authoring/guide.ts) and its demonstration policy: the demo passes
 * check and is never a payer, the guide's tables follow the engine, and the mistakes it shows produce the
 * messages it claims, computed the way `npm run check` computes them.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_POLICY } from '../../src/lib/authoring/demo.ts';
import { CHECK_RULES, checkText, demoMistakes, demoPolicy, factRows, OPS_BY_TYPE } from '../../src/lib/authoring/guide.ts';
import { FACT_OPS } from '../../src/lib/criteria/block-schema.ts';
import { checkFiles } from '../../src/lib/criteria/check.ts';
import { FACTS } from '../../src/lib/criteria/facts.ts';
import { loadModel, policyFiles } from '../../src/lib/criteria/load.ts';
import { formatMessage } from '../../src/lib/criteria/messages.ts';
import { readPublicExamples } from '../../src/lib/criteria/public-cases-fs.ts';
import { policyMdx } from '../fixtures/inline-policy.ts';

const publicExamples = readPublicExamples();
const text = readFileSync(DEMO_POLICY, 'utf8');

describe('the demonstration policy', () => {
  it('passes npm run check: no messages, every example as expected', async () => {
    const report = await checkFiles([DEMO_POLICY], publicExamples);
    expect(report.messages.map(formatMessage)).toEqual([]);
    expect(report.runs.length).toBeGreaterThanOrEqual(3);
    expect(report.runs.every((r) => r.pass)).toBe(true);
  });

  it('is not a payer: not among the policy files the home page, comparison and codes list', () => {
    expect(policyFiles().length).toBeGreaterThan(0);
    expect(policyFiles().filter((f) => f.includes('policies-demo') || basename(f) === 'demo-health.mdx')).toEqual([]);
  });

  it('is cut into the blocks the guide shows, each criteria block paired with its id', () => {
    const { model } = loadModel(DEMO_POLICY);
    const view = demoPolicy(DEMO_POLICY, text, model!);
    expect(view.frontmatter).toMatch(/^payer: demo-health$/m);
    expect(view.blocks.filter((b) => b.lang === 'criteria').map((b) => b.blockId)).toEqual(model!.blocks.map((b) => b.id));
    // Three examples of the guide's own, then one on each side of every threshold (the pinning check).
    expect(view.blocks.map((b) => b.lang)).toEqual(['criteria', 'criteria', 'criteria', 'codes', ...Array(12).fill('example')]);
    expect(view.blocks[0]!.yaml).toMatch(/^id: demo-indications\nrole: indication/);
    expect(view.notes.map((n) => n.id)).toEqual(['demo-pain-reading']);
  });
});

describe('guide tables follow the engine', () => {
  it('lists every case field but the label, once', () => {
    expect(factRows().map((r) => r.path)).toEqual(FACTS.map((f) => f.path).filter((p) => p !== 'id'));
  });

  it('operators by fact type are exactly the ones validation accepts', () => {
    const oneOfEachType = [...new Map(FACTS.map((f) => [f.type, f])).values()];
    for (const fact of oneOfEachType) {
      const allowed = OPS_BY_TYPE[fact.type];
      if (!allowed) continue;
      for (const op of FACT_OPS) {
        const value = op === 'in' || op === 'not-in' ? '[x]' : '1';
        const yaml = `id: b\nrole: indication\ntitle: B\nsource: "S"\ntree:\n  id: n\n  kind: fact\n  label: N\n  fact: ${fact.path}\n  op: ${op}\n  value: ${value}`;
        const wrongOp = checkText('t.mdx', policyMdx([yaml]), publicExamples).some((l) => l.endsWith('(wrong-op)'));
        expect(wrongOp, `${fact.path} ${op}`).toBe(!allowed.includes(op));
      }
    }
  });

  it('names every rule the demo mistakes trigger', () => {
    const documented = new Set(CHECK_RULES.flatMap((r) => r.rules));
    const triggered = demoMistakes(DEMO_POLICY, text, publicExamples).flatMap((m) => m.output.map((l) => /\(([a-z-]+)\)$/.exec(l)![1]!));
    expect(triggered.filter((r) => !documented.has(r))).toEqual([]);
  });
});

describe('the mistakes the guide shows', () => {
  const mistakes = demoMistakes(DEMO_POLICY, text, publicExamples);
  const byWhat = new Map(mistakes.map((m) => [m.what, m.output]));

  it('each produces positioned messages in check\'s format', () => {
    for (const m of mistakes) {
      expect(m.output.length, m.what).toBeGreaterThan(0);
      for (const line of m.output) expect(line).toMatch(/^src\/content\/policies-demo\/demo-health\.mdx:\d+:\d+: Unexpected .+ \([a-z-]+\)$|: Example `/);
    }
  });

  it('a misspelt fact points at the fact and suggests the right one', () => {
    expect(byWhat.get('A misspelt fact')).toEqual([expect.stringMatching(/:45:17: Unexpected fact `symptoms\.painNRS`, expected a case field such as `symptoms\.painNrs` \(unknown-fact\)$/)]);
  });

  it('a flipped operator is found as a criterion no case can meet, and the examples it breaks fail', () => {
    const out = byWhat.get('A flipped operator: fewer than one level')!;
    expect(out[0]).toMatch(/:35:7: Unexpected criterion `demo-ind-count` that no case can meet: .*\(never-met\)$/);
    expect(out.slice(1).every((l) => l.endsWith('(example-failed)'))).toBe(true);
  });
});

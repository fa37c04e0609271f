/**
 * Batch evaluation: the stream splitters (any chunking gives the same values and lines), chunks evaluated in
 * order with invalid cases stopped at or skipped, worker threads keeping input order, and a summary whose
 * counts are known from the public examples' expected outcomes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledPolicy } from '../../src/lib/criteria/compile.ts';
import { decide } from '../../src/lib/criteria/decide.ts';
import { loadCompiled, policyFiles } from '../../src/lib/criteria/load.ts';
import { evaluateChunk, type ChunkIn, type ChunkOptions, type ChunkOut } from '../../src/lib/batch/evaluate-chunk.ts';
import { runChunks } from '../../src/lib/batch/pool.ts';
import { JsonSplitter, LineSplitter, SplitError, type Item } from '../../src/lib/batch/split-json.ts';
import { factTitle, summarize } from '../../src/lib/batch/summary.ts';
import { emptyTally, mergeTally } from '../../src/lib/batch/tally.ts';
import { sharedCases } from '../fixtures/shared-cases.ts';

let policies: CompiledPolicy[];
beforeAll(async () => {
  ({ policies } = await loadCompiled());
});

function split(splitter: JsonSplitter | LineSplitter, text: string, cuts: number[]): Item[] {
  const out: Item[] = [];
  let from = 0;
  for (const c of [...cuts, text.length]) {
    splitter.push(text.slice(from, c), out);
    from = c;
  }
  splitter.end(out);
  return out;
}

describe('splitting a stream into cases', () => {
  const array = '[\n  {"a": "x]\\"{"},\n  {"b": [1, {"c": 2}]},\n  3,\n  "s,]"\n]\n';
  it('gives an array\'s elements with their lines, however the text is cut', () => {
    const expected = [{ text: '{"a": "x]\\"{"}', line: 2 }, { text: '{"b": [1, {"c": 2}]}', line: 3 }, { text: '3', line: 4 }, { text: '"s,]"', line: 5 }];
    for (let cut = 0; cut <= array.length; cut++) {
      expect(split(new JsonSplitter(), array, [cut]), `cut at ${cut}`).toEqual(expected);
    }
    expect(split(new JsonSplitter(), array, Array.from({ length: array.length }, (_, i) => i))).toEqual(expected);
  });

  it('gives a sequence of values (one plain document is one value)', () => {
    const s = new JsonSplitter();
    expect(split(s, '{"a":1}\n{"b":\n2}\n', [3])).toEqual([{ text: '{"a":1}', line: 1 }, { text: '{"b":\n2}', line: 2 }]);
    expect(s.mode).toBe('sequence');
  });

  it('refuses an unclosed value or array, and text after the array, with the line', () => {
    expect(() => split(new JsonSplitter(), '{"a":\n[1,', [])).toThrow(SplitError);
    expect(() => split(new JsonSplitter(), '[{"a":1},\n', [])).toThrow(/expected `]`/);
    try {
      split(new JsonSplitter(), '[1]\n\n{}', []);
      expect.unreachable();
    } catch (e) {
      expect((e as SplitError).line).toBe(3);
    }
  });

  it('reads JSON Lines line by line: CRLF, blank lines, a last line without newline', () => {
    for (let cut = 0; cut < 20; cut++) {
      expect(split(new LineSplitter(), '{"a":1}\r\n\n{"b":\n  \n{"c":3}', [cut])).toEqual([
        { text: '{"a":1}', line: 1 }, { text: '{"b":', line: 3 }, { text: '{"c":3}', line: 5 },
      ]);
    }
  });
});

const OPTIONS: ChunkOptions = { trace: false, summary: false, by: null, skipInvalid: false, naming: 'line', pretty: false };
const item = (value: unknown, line: number): Item => ({ text: typeof value === 'string' ? value : JSON.stringify(value), line });

describe('evaluating a chunk', () => {
  it('writes one line per case: the per-payer results decide() gives', () => {
    const cases = sharedCases().slice(0, 4).map((s) => s.case);
    const out = evaluateChunk(policies, { seq: 0, firstIndex: 0, items: cases.map((c, i) => item(c, i + 1)) }, OPTIONS);
    expect(out.lines.map((l) => JSON.parse(l))).toEqual(cases.map((c) => JSON.parse(JSON.stringify(policies.map((p) => decide(p, c))))));
    expect(out).toMatchObject({ evaluated: 4, invalid: [], stopped: false });
  });

  it('stops at the first invalid case, naming its line and field paths', () => {
    const items = [item({ ageYears: 70 }, 1), item({ request: { levels: ['T13'] } }, 2), item('{not json', 3), item({}, 4)];
    const out = evaluateChunk(policies, { seq: 0, firstIndex: 0, items }, OPTIONS);
    expect(out.stopped).toBe(true);
    expect(out.lines).toHaveLength(1);
    expect(out.invalid).toEqual([{ index: 1, line: 2, where: 'line 2', problems: [expect.stringMatching(/^request\.levels\[0\]: Unexpected `T13`/)] }]);
  });

  it('with skip-invalid, reports every invalid case and goes on', () => {
    const items = [item({ ageYears: 70 }, 1), item('{not json', 2), item({ ageYears: -1 }, 3), item({}, 4)];
    const out = evaluateChunk(policies, { seq: 3, firstIndex: 30, items }, { ...OPTIONS, skipInvalid: true, naming: 'index' });
    expect(out.stopped).toBe(false);
    expect(out.evaluated).toBe(2);
    expect(out.invalid.map((x) => [x.index, x.where])).toEqual([[31, '[31] (line 2)'], [32, '[32] (line 3)']]);
    expect(out.invalid[0]!.problems[0]).toMatch(/^not JSON/);
  });
});

describe('worker threads', () => {
  it('keep the input order with two workers, equal to one thread', async () => {
    const cases = sharedCases().map((s) => s.case);
    const chunks: ChunkIn[] = Array.from({ length: 12 }, (_, seq) => ({ seq, firstIndex: seq * 7, items: Array.from({ length: 7 }, (_, k) => item(cases[(seq * 7 + k) % cases.length], seq * 7 + k + 1)) }));
    async function* source() { yield* chunks; }
    const collect = async (workers: number) => {
      const seen: ChunkOut[] = [];
      await runChunks(source(), { workers, options: OPTIONS, policies, files: policyFiles(), onChunk: (o) => { seen.push(o); return true; } });
      return seen;
    };
    const [one, two] = [await collect(1), await collect(2)];
    expect(two.map((o) => o.seq)).toEqual(chunks.map((c) => c.seq));
    expect(two.map((o) => o.lines)).toEqual(one.map((o) => o.lines));
  }, 120_000);
});

describe('the summary', () => {
  it('counts what the public examples say each payer decides', () => {
    const shared = sharedCases().filter((s) => Object.keys(s.expected).length === policies.length);
    const copies = 3;
    const items = Array.from({ length: shared.length * copies }, (_, i) => item(shared[i % shared.length]!.case, i + 1));
    const half = Math.ceil(items.length / 2);
    const options = { ...OPTIONS, summary: true, by: 'coverage' };
    const tally = emptyTally(policies.map((p) => p.model.payer), 'coverage');
    // Two chunks merged, as the workers' tallies are.
    for (const [seq, part] of [items.slice(0, half), items.slice(half)].entries()) mergeTally(tally, evaluateChunk(policies, { seq, firstIndex: seq * half, items: part }, options).tally!);
    const s = summarize(tally, policies.map((p) => p.model));
    expect(s.cases).toBe(items.length);
    for (const p of s.payers) {
      const expected: Record<string, number> = {};
      for (const c of shared) expected[c.expected[p.payer]!.decision] = (expected[c.expected[p.payer]!.decision] ?? 0) + copies;
      const shown: Record<string, number> = {};
      for (const d of p.decisions) shown[d.decision] = d.cases;
      expect(shown, p.payer).toEqual(expected);
      expect(p.decisions.reduce((x, d) => x + d.share, 0)).toBeCloseTo(100, 0);
    }
    for (const pair of s.pairs) {
      // The examples give categories only sometimes: compare the cases whose decisions differ.
      const changed = shared.filter((c) => c.expected[pair.a]!.decision !== c.expected[pair.b]!.decision).length * copies;
      const decisionChanges = pair.directions.filter((d) => d.from.split(':')[0] !== d.to.split(':')[0]).reduce((x, d) => x + d.cases, 0);
      expect(decisionChanges, `${pair.a} vs ${pair.b}`).toBe(changed);
      expect(pair.changed).toBe(pair.directions.reduce((x, d) => x + d.cases, 0));
    }
    const groups = s.by!.groups;
    expect(groups.reduce((x, g) => x + g.cases, 0)).toBe(items.length);
    expect(s.by!.title).toBe('Line of business');
  });

  it('names missing facts in the form\'s words', () => {
    expect(factTitle('symptoms.painNrs')).toBe('Pain (NRS/VAS)');
    expect(factTitle('conservativeCare.therapies[1].weeks')).toBe('Therapies tried › Weeks (item 2)');
  });
});

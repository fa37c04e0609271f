/**
 * The matrix cannot go stale: every threshold, range, set and date a cell states is swept on cases against the
 * payer's compiled evaluator, which must change the node's value (or, for dates, the decision) exactly at the
 * stated boundary; a cell that says "not addressed" is checked against the criteria it claims are absent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledPolicy } from '../../src/lib/criteria/compile.ts';
import { decide } from '../../src/lib/criteria/decide.ts';
import { FACTS, FACTS_BY_PATH } from '../../src/lib/criteria/facts.ts';
import { T } from '../../src/lib/criteria/kleene.ts';
import { formatLevels, LEVELS } from '../../src/lib/criteria/levels.ts';
import { humanize } from '../../src/lib/render/words.ts';
import { loadCompiled } from '../../src/lib/criteria/load.ts';
import { TOPICS } from '../../src/lib/criteria/topics.ts';
import type { Claim } from '../../src/lib/criteria-matrix/claims.ts';
import { NOT_ADDRESSED, sentenceText } from '../../src/lib/criteria-matrix/cells.ts';
import { matrixToCsv, MATRIX_CSV_COLUMNS } from '../../src/lib/criteria-matrix/export.ts';
import { buildMatrix, mostDivergentRows, type Matrix } from '../../src/lib/criteria-matrix/matrix.ts';

let policies: CompiledPolicy[];
let matrix: Matrix;
// Compiling five policies and sweeping every claim is seconds of work; a busy machine may take much longer.
const SLOW = 120_000;
beforeAll(async () => {
  policies = (await loadCompiled()).policies;
  matrix = buildMatrix(policies.map((p) => p.model));
}, SLOW);

/** The oracle for a stated comparison, written out here rather than borrowed from the engine. */
const holds = (op: string, x: number, v: number) => ({ eq: x === v, ne: x !== v, lt: x < v, le: x <= v, gt: x > v, ge: x >= v } as Record<string, boolean>)[op]!;

/** A case with one fact set (nested objects made as needed). */
function withFact(path: string, value: unknown): Record<string, unknown> {
  const segments = FACTS_BY_PATH.get(path)!.segments;
  const root: Record<string, unknown> = {};
  let o = root;
  segments.slice(0, -1).forEach((s) => { o = (o[s] = {}) as Record<string, unknown>; });
  o[segments.at(-1)!] = value;
  return root;
}

const met = (policy: CompiledPolicy, node: string, c: unknown) => {
  const index = policy.model.nodes.find((n) => n.id === node)!.index;
  return policy.trace(c)[index] === T;
};

/** Sweeps one claim's boundary; returns the number of cases tried (each asserted). */
function sweep(policy: CompiledPolicy, claim: Claim): number {
  const at = (c: unknown) => met(policy, claim.node, c);
  let tried = 0;
  const check = (c: unknown, expected: boolean, what: string) => {
    expect(at(c), `${policy.model.payer} ${claim.node} "${claim.text}" at ${what}`).toBe(expected);
    tried++;
  };
  const d = 1e-6;
  // The words state the very boundary that is swept (the text is not a separate copy that could drift).
  const stated = claim.kind === 'number' || claim.kind === 'level-count' ? [String(claim.value)]
    : claim.kind === 'levels' ? [formatLevels(claim.levels)]
      : claim.kind === 'therapies' ? [...(claim.weeks ? [`${claim.weeks.value} weeks`] : []), ...claim.kinds.map(humanize)]
        : claim.kind === 'values' ? claim.values.map(humanize) : [];
  for (const words of stated) expect(claim.text, `${policy.model.payer} ${claim.node}`).toContain(words);
  switch (claim.kind) {
    case 'number':
      for (const x of [claim.value - d, claim.value, claim.value + d]) check(withFact(claim.fact, x), holds(claim.op, x, claim.value), String(x));
      break;
    case 'values': {
      const fact = FACTS_BY_PATH.get(claim.fact)!;
      const domain: Array<string | boolean> = fact.type === 'boolean' ? [true, false] : fact.type === 'enum' || fact.type === 'set' ? [...fact.values] : [];
      for (const x of domain) {
        if (fact.type === 'set') {
          const implied = x === claim.values[0] || (claim.values[0] === 'program-referral' && x === 'program-enrolled');
          check(withFact(claim.fact, [x]), implied, String(x));
          continue;
        }
        const inSet = claim.values.includes(x);
        const expected = claim.op === 'in' || claim.op === 'eq' ? inSet : !inSet;
        check(withFact(claim.fact, x), expected, String(x));
      }
      break;
    }
    case 'levels':
      for (const level of LEVELS) check({ request: { levels: [level] } }, claim.quantifier === 'none' ? !claim.levels.includes(level) : claim.levels.includes(level), level);
      break;
    case 'level-count':
      for (let n = 1; n <= claim.value + 2 && n <= LEVELS.length; n++) check({ request: { levels: LEVELS.slice(10, 10 + n) } }, holds(claim.op, n, claim.value), `${n} levels`);
      break;
    case 'therapies': {
      const outcome = claim.outcome ?? 'failed';
      const weeks = claim.weeks?.value ?? 8;
      const therapies = (count: number, w: number) => claim.kinds.slice(0, count).map((kind) => ({ kind, weeks: w, outcome }));
      for (const w of claim.weeks ? [weeks - d, weeks, weeks + d] : [weeks]) {
        check({ conservativeCare: { therapies: therapies(claim.atLeast, w) } }, claim.weeks ? holds(claim.weeks.op, w, weeks) : true, `${claim.atLeast} kinds, ${w} weeks`);
      }
      const good = claim.weeks ? [weeks - 1, weeks, weeks + 1].find((w) => holds(claim.weeks!.op, w, weeks))! : weeks;
      check({ conservativeCare: { therapies: therapies(claim.atLeast - 1, good) } }, false, `${claim.atLeast - 1} kinds`);
      break;
    }
    case 'version': {
      const dayBefore = new Date(Date.parse(`${claim.effective}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      // The stated version is the one in effect from its first day, not the day before.
      expect(decide(policy, { dateOfService: claim.effective }).policy.version, `${policy.model.payer} on ${claim.effective}`).toBe(claim.version);
      expect(decide(policy, { dateOfService: dayBefore }).policy.version, `${policy.model.payer} on ${dayBefore}`).not.toBe(claim.version);
      const first = [...policy.model.meta.versions].sort((x, y) => x.effective.localeCompare(y.effective))[0]!;
      if (first.version === claim.version) expect(decide(policy, { dateOfService: dayBefore }).decision).toBe('not-in-effect');
      tried += 2;
      break;
    }
  }
  return tried;
}

describe('criteria matrix', () => {
  it('has one row per topic, one cell per payer, each cell one to a few plain sentences', () => {
    expect(matrix.rows.map((r) => r.topic.id)).toEqual(TOPICS.map((t) => t.id));
    for (const row of matrix.rows) {
      expect(row.cells.map((c) => c.payer)).toEqual(policies.map((p) => p.model.payer));
      for (const cell of row.cells) {
        expect(cell.text).toBe(cell.sentences.map((s) => sentenceText(s)).join(' '));
        // The form's words, never field paths or node ids.
        expect(cell.text).not.toMatch(/\b(?:diagnosis|symptoms|findings|request|conservativeCare)\.[a-zA-Z]/);
        for (const n of cell.nodes) expect(cell.text).not.toContain(n.id);
      }
    }
  }, SLOW);

  it('states only what the criteria say: every stated boundary moves the evaluator exactly there', () => {
    let claims = 0;
    let cases = 0;
    for (const row of matrix.rows) {
      row.cells.forEach((cell, i) => {
        for (const s of cell.sentences) for (const claim of s.claims) {
          expect(cell.text).toContain(claim.text);
          cases += sweep(policies[i]!, claim);
          claims++;
        }
      });
    }
    expect(claims).toBeGreaterThan(100);
    expect(cases).toBeGreaterThan(claims);
  }, SLOW);

  it('says "not addressed" only where no criterion of the payer reads the topic, and the decision ignores it', () => {
    let checked = 0;
    for (const row of matrix.rows) {
      const facts = FACTS.filter((f) => f.topic === row.topic.id && !f.valueTopics);
      row.cells.forEach((cell, i) => {
        const policy = policies[i]!;
        if (cell.status !== 'not-addressed') return;
        expect(cell.text).toBe(`${NOT_ADDRESSED}.`);
        // Read independently of the derivation: no leaf reads a fact of this topic, nor names a value of it.
        for (const n of policy.model.nodes) {
          expect(n.reads.filter((r) => facts.some((f) => f.path === r)), `${policy.model.payer} ${n.id}`).toEqual([]);
          if (n.kind === 'fact') {
            const values = (Array.isArray(n.value) ? n.value : [n.value]).map(String);
            const topics = values.map((v) => FACTS_BY_PATH.get(n.fact)!.valueTopics?.[v]);
            expect(topics, `${policy.model.payer} ${n.id}`).not.toContain(row.topic.id);
          }
        }
        // And the payer's decisions on its own examples do not move when the topic's facts do.
        for (const example of policy.model.examples.slice(0, 6)) {
          const base = decide(policy, example.case);
          for (const f of facts) {
            const values: unknown[] = f.type === 'number' ? [f.min, f.max] : f.type === 'boolean' ? [true, false] : f.type === 'enum' ? [...f.values] : [];
            for (const v of values) {
              const c = structuredClone(example.case) as Record<string, unknown>;
              const patch = withFact(f.path, v);
              const [top] = f.segments;
              c[top!] = typeof patch[top!] === 'object' && typeof c[top!] === 'object' ? { ...(c[top!] as object), ...(patch[top!] as object) } : patch[top!];
              expect(decide(policy, c).decision, `${policy.model.payer} ${example.name} ${f.path}=${String(v)}`).toBe(base.decision);
              checked++;
            }
          }
        }
      });
    }
    expect(checked).toBeGreaterThan(0);
  }, SLOW);

  it('marks where payers differ by grouping each row (no pairwise work) and ranks rows for the home page', () => {
    for (const row of matrix.rows) {
      const keys = new Set(row.cells.map((c) => c.key));
      expect(row.answers).toBe(keys.size);
      if (keys.size === 1) expect(row.cells.every((c) => !c.differs)).toBe(true);
      for (const c of row.cells) for (const p of c.sameAs) expect(row.cells.find((x) => x.payer === p)!.key).toBe(c.key);
    }
    const top = mostDivergentRows(matrix, 4);
    const fewest = Math.min(...top.map((r) => r.answers));
    expect(matrix.rows.filter((r) => !top.includes(r)).every((r) => r.answers <= fewest)).toBe(true);
  }, SLOW);

  it('exports one CSV line per cell with the cell text', () => {
    const csv = matrixToCsv(matrix).trimEnd().split('\r\n');
    expect(csv[0]).toBe(MATRIX_CSV_COLUMNS.join(','));
    expect(csv).toHaveLength(1 + matrix.rows.length * matrix.payers.length);
  }, SLOW);
});

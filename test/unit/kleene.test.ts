/**
 * Kleene three-valued logic, with the truth tables of CQL's conformance suite (cql-tests,
 * CqlLogicalOperatorsTest.xml: AndTrueNull = null, AndFalseNull = false, OrTrueNull = true, NotNull = null, …)
 * written out by hand, then the n-ary forms and atLeast checked against "every resolution of the unknowns".
 */
import { describe, expect, it } from 'vitest';
import { and, atLeast, F, fromBoolean, not, or, T, U, type Truth } from '../../src/lib/criteria/kleene.ts';

const NAME: Record<Truth, string> = { 0: 'false', 1: 'null', 2: 'true' };
const ALL: Truth[] = [F, U, T];

/** [a, b, a AND b, a OR b], as in CqlLogicalOperatorsTest. */
const BINARY: Array<[Truth, Truth, Truth, Truth]> = [
  [T, T, T, T],
  [T, F, F, T],
  [T, U, U, T],
  [F, T, F, T],
  [F, F, F, F],
  [F, U, F, U],
  [U, T, U, T],
  [U, F, F, U],
  [U, U, U, U],
];

describe('and / or: the CQL truth table', () => {
  for (const [a, b, conj, disj] of BINARY) {
    it(`${NAME[a]} AND ${NAME[b]} = ${NAME[conj]}; ${NAME[a]} OR ${NAME[b]} = ${NAME[disj]}`, () => {
      expect(and([a, b])).toBe(conj);
      expect(or([a, b])).toBe(disj);
    });
  }
});

describe('not', () => {
  it('NOT true = false, NOT false = true, NOT null = null', () => {
    expect(not(T)).toBe(F);
    expect(not(F)).toBe(T);
    expect(not(U)).toBe(U);
  });

  it('De Morgan holds in three values', () => {
    for (const a of ALL) for (const b of ALL) {
      expect(not(and([a, b]))).toBe(or([not(a), not(b)]));
      expect(not(or([a, b]))).toBe(and([not(a), not(b)]));
    }
  });
});

/** Every tuple of length n over {F, U, T}. */
function tuples(n: number): Truth[][] {
  return n === 0 ? [[]] : tuples(n - 1).flatMap((t) => ALL.map((v) => [...t, v]));
}

/** The oracle: replace each unknown by false or true; agree → that value, disagree → unknown. */
function byResolutions(values: readonly Truth[], holds: (bools: boolean[]) => boolean): Truth {
  const open = values.flatMap((v, i) => (v === U ? [i] : []));
  const seen = new Set<boolean>();
  for (let mask = 0; mask < 1 << open.length; mask++) {
    const bools = values.map((v) => v === T);
    open.forEach((i, k) => (bools[i] = ((mask >> k) & 1) === 1));
    seen.add(holds(bools));
  }
  return seen.size === 2 ? U : fromBoolean(seen.has(true));
}

describe('n-ary and / or', () => {
  it('empty AND is true, empty OR is false', () => {
    expect(and([])).toBe(T);
    expect(or([])).toBe(F);
  });

  for (const n of [1, 2, 3, 4]) {
    it(`agrees with every resolution of the unknowns for ${n} operands`, () => {
      for (const vs of tuples(n)) {
        expect(and(vs), `AND ${vs.map((v) => NAME[v])}`).toBe(byResolutions(vs, (b) => b.every(Boolean)));
        expect(or(vs), `OR ${vs.map((v) => NAME[v])}`).toBe(byResolutions(vs, (b) => b.some(Boolean)));
      }
    });
  }
});

describe('atLeast', () => {
  it('hand-written cases', () => {
    expect(atLeast(2, [T, T, F])).toBe(T);
    expect(atLeast(2, [T, U, F])).toBe(U);
    expect(atLeast(2, [T, F, F])).toBe(F);
    expect(atLeast(2, [U, U, U])).toBe(U);
    expect(atLeast(1, [F, F, U])).toBe(U);
    expect(atLeast(3, [T, T, U])).toBe(U);
    expect(atLeast(3, [T, T, T])).toBe(T);
    expect(atLeast(1, [])).toBe(F);
    expect(atLeast(0, [])).toBe(T);
  });

  it('atLeast(1) is OR and atLeast(n of n) is AND', () => {
    for (const n of [1, 2, 3]) for (const vs of tuples(n)) {
      expect(atLeast(1, vs)).toBe(or(vs));
      expect(atLeast(n, vs)).toBe(and(vs));
    }
  });

  for (const size of [1, 2, 3, 4]) {
    it(`agrees with every resolution of the unknowns for ${size} operands, every n`, () => {
      for (const vs of tuples(size)) for (let n = 1; n <= size + 1; n++) {
        const want = byResolutions(vs, (b) => b.filter(Boolean).length >= n);
        expect(atLeast(n, vs), `atLeast(${n}, ${vs.map((v) => NAME[v])})`).toBe(want);
      }
    });
  }
});

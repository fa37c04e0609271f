/**
 * The exported Library proven equal to the site: 10,000 generated cases per policy (a third partial: some facts
 * absent) run through the ELM in cql-execution; every node's value and every decision must equal the compiled
 * evaluator's (src/lib/fhir/equivalence.ts says what is compared). One library and executor per policy version.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseSchema } from '../../src/lib/criteria/case-schema.ts';
import { loadCompiled } from '../../src/lib/criteria/load.ts';
import { equivalenceChecker } from '../../src/lib/fhir/equivalence.ts';
import { EQUIVALENCE_CASES, PARTIAL_SHARE } from '../../src/lib/fhir/proof.ts';
import { fullAndPresence, toCase } from '../fixtures/case-arbitrary.ts';
import { seedCases } from '../fixtures/seeds.ts';

const CASES = EQUIVALENCE_CASES;
const { policies } = await loadCompiled();
const models = policies.map((p) => p.model);
const draws = fc.sample(fullAndPresence(models, seedCases(models)), { seed: 20261130, numRuns: CASES });
/** Half the draws take the generator's presence mask (which keeps every fact about 3 times in 10): over a third end partial. */
const partial = (i: number) => i % 2 === 0;
/** Half the partial cases keep the date of service, so their decision rests on the criteria, not on the date. */
const keep = (i: number, presence: Record<string, boolean>, path: string) => presence[path] || (path === 'dateOfService' && i % 4 === 0);
const cases = draws.map(({ full, presence }, i) => toCase(partial(i) ? Object.fromEntries(Object.entries(full).filter(([p]) => keep(i, presence, p))) : full));

it('the generated cases are valid cases, a third of them partial (some facts absent)', () => {
  expect(cases.filter((c) => !caseSchema.safeParse(c).success)).toEqual([]);
  const missing = draws.filter((d, i) => partial(i) && Object.values(d.presence).some((kept) => !kept)).length;
  expect(missing).toBeGreaterThan(CASES * PARTIAL_SHARE);
  expect(cases.filter((_, i) => !partial(i)).every((c) => JSON.stringify(c).includes('"therapies"'))).toBe(true);
});

describe.each(policies.map((p) => [p.model.payer, p] as const))('%s', (_payer, policy) => {
  it(`cql-execution gives every node and decision the site gives (${CASES} cases)`, async () => {
    const { check, tally, versions } = equivalenceChecker(policy);
    expect(versions.flatMap((v) => v.built.inexpressible)).toEqual([]);
    for (const c of cases) await check(c);
    console.log(`${policy.model.payer}: ${tally.cases} cases, ${tally.nodeValues} node values, ${tally.decisions} decisions ${JSON.stringify(tally.byDecision)}, ${tally.differences.length} differences; ${tally.settledBySite} left open by the CQL were decided by the site's exact search`);
    // The cases reach every kind of decision the policy can give, so the comparison is not vacuous.
    expect(Object.keys(tally.byDecision)).toEqual(expect.arrayContaining(['approve', 'deny', 'needs-information', 'not-in-effect']));
    expect(tally.differences).toEqual([]);
    expect(tally.cases).toBe(CASES);
  }, 600_000);
});

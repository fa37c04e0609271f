/**
 * What the equivalence test proves, as figures shared by the test (test/unit/fhir-equivalence.test.ts) and the
 * /fhir/ page, so the page can never claim more than the test runs.
 */
export const EQUIVALENCE_CASES = 10_000;
/** Share of the generated cases that leave some facts unknown (the test asserts at least this). */
export const PARTIAL_SHARE = 1 / 3;

/**
 * Runs an exported ELM library in cql-execution (the reference JavaScript CQL engine): the library is built
 * once and one executor reused; each case is one execution with the case's facts as parameters, for one
 * patient that carries no data (the defines retrieve nothing). Dates become CQL Dates. The Patient context
 * matters for speed: cql-execution 3.x caches a define's value there, while its Unfiltered context re-evaluates
 * every define whose value is false or null at each reference.
 */
import { Date as CqlDate, Executor, Library } from 'cql-execution';
import type { ElmLibrary } from './library.ts';
import { DATE_FACT } from './library.ts';
import { caseParameters } from './parameters.ts';

const PATIENT = { getId: () => 'case', id: () => 'case' };
/** A patient source of one data-less patient (a fresh one per execution: sources are read once). */
const onePatient = () => {
  let done = false;
  return { currentPatient: () => (done ? undefined : PATIENT), nextPatient: () => { done = true; return undefined; } };
};

export type ElmRunner = (c: unknown) => Promise<Record<string, unknown>>;

export function elmRunner(built: ElmLibrary): ElmRunner {
  const executor = new Executor(new Library(built.elm as never));
  return async (c) => {
    const params = caseParameters(built.parameters, c);
    const d = params[DATE_FACT];
    if (typeof d === 'string') params[DATE_FACT] = CqlDate.parse(d);
    const results = await executor.withParameters(params).exec(onePatient() as never);
    return results.patientResults.case as Record<string, unknown>;
  };
}

/** A CQL Boolean result as our Kleene value: false 0, null 1, true 2. */
export function truthOf(v: unknown): 0 | 1 | 2 {
  return v === true ? 2 : v === false ? 0 : 1;
}

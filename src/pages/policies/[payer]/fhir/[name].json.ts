/**
 * /policies/<payer-id>/fhir/Library.json and Questionnaire.json: the policy as FHIR R4 (src/lib/fhir/files.ts).
 * The `.json` in the route makes these file endpoints (no trailing slash, in dev as in the build).
 */
import type { APIRoute } from 'astro';
import { fileText, type FhirFile } from '../../../../lib/fhir/files.ts';
import { siteFhirFiles } from '../../../../lib/fhir/site-files.ts';

export function getStaticPaths() {
  return [...siteFhirFiles()].flatMap(([payer, files]) => files.map((f) => ({ params: { payer, name: f.name.replace(/\.json$/, '') }, props: { file: f } })));
}

export const GET: APIRoute = ({ props }) =>
  new Response(fileText((props as { file: FhirFile }).file), { headers: { 'content-type': 'application/fhir+json' } });

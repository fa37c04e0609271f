/** /criteria.json: the topic × payer matrix with every stated criterion as data. */
import { matrixToJson } from '../lib/criteria-matrix/export.ts';
import { buildDate } from '../lib/criteria-matrix/provenance.ts';
import { siteMatrix } from '../lib/site/matrix.ts';

export function GET(): Response {
  return new Response(matrixToJson(siteMatrix(), buildDate()), { headers: { 'content-type': 'application/json' } });
}

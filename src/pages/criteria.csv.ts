/** /criteria.csv: the topic × payer matrix, one line per cell (src/lib/criteria-matrix/export.ts). */
import { matrixToCsv } from '../lib/criteria-matrix/export.ts';
import { siteMatrix } from '../lib/site/matrix.ts';

export function GET(): Response {
  return new Response(matrixToCsv(siteMatrix()), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}

/** The site's topic × payer matrix: every compiled policy, payers in name order (as on the home page). */
import { buildMatrix, type Matrix } from '../criteria-matrix/matrix.ts';
import { POLICIES } from './policies.ts';

let cached: Matrix | null = null;

export function siteMatrix(): Matrix {
  cached ??= buildMatrix([...POLICIES].map((p) => p.model).sort((a, b) => a.meta.payerName.localeCompare(b.meta.payerName)));
  return cached;
}

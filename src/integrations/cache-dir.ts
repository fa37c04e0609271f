/**
 * Astro's build cache (its content data store) per policy folder: one cache shared by several POLICIES_DIR
 * values made a build bundle the previous folder's entries, and fail once that folder was gone (issue #11).
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

export function cacheDirFor(policiesDir: string, root = process.cwd()): string {
  const key = createHash('sha256').update(resolve(root, policiesDir)).digest('hex').slice(0, 12);
  return `./node_modules/.astro/policies-${key}`;
}

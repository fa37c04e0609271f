/** The public example cases read from disk, for Node-side readers (CLI, check, tests). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublicExample } from './examples.ts';

export const PUBLIC_CASES_DIR = 'src/data/public-cases';

export function readPublicExamples(dir = join(process.cwd(), PUBLIC_CASES_DIR)): PublicExample[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), ...JSON.parse(readFileSync(join(dir, f), 'utf8')) }));
}

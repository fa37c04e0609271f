/**
 * Where the policies live, relative to the working directory. `POLICIES_DIR` points the CLI, the checker and
 * a dev server at another folder (the dev-server test serves a fixture site this way). Kept apart from
 * load.ts so that the build launcher can count policies without loading the parser.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const POLICY_DIR = process.env.POLICIES_DIR || 'src/content/policies';

export function policyFiles(dir = resolve(POLICY_DIR)): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort().map((f) => join(dir, f));
}

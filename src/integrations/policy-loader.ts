/**
 * The policies collection's loader: Astro's glob loader, after the frontmatter passed the same checks as
 * `npm run check`. Left to Astro's schema, a frontmatter mistake failed the build as
 * `InvalidContentEntryDataError … file:0:0`; here it fails with the checker's file:line:column messages.
 */
import { readFileSync } from 'node:fs';
import { glob, type Loader } from 'astro/loaders';
import { loadModel, policyFiles, POLICY_DIR } from '../lib/criteria/load.ts';
import type { Message } from '../lib/criteria/messages.ts';
import { policyError } from './policy-error.ts';

/** Errors located in a file's frontmatter (the lines up to its closing `---`). */
export function frontmatterErrors(path: string): Message[] {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const end = lines[0]?.trim() === '---' ? lines.findIndex((l, i) => i > 0 && l.trim() === '---') + 1 : 0;
  return loadModel(path, text).messages.filter((m) => m.severity === 'error' && (end <= 0 || m.place.line <= end));
}

export function policyLoader(): Loader {
  const inner = glob({ pattern: '*.mdx', base: POLICY_DIR });
  return {
    ...inner,
    name: 'policies',
    load: async (context) => {
      const errors = policyFiles().flatMap(frontmatterErrors);
      if (errors.length) throw policyError(errors);
      return inner.load(context);
    },
  };
}

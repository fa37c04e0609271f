/** The public example cases, bundled for the site (copied from ../shared/cases; a test keeps them equal). */
import type { PublicExample } from './examples.ts';

const files = import.meta.glob<{ default: Omit<PublicExample, 'name'> }>('../../data/public-cases/*.json', { eager: true });

export const PUBLIC_EXAMPLES: readonly PublicExample[] = Object.entries(files)
  .map(([path, mod]) => ({ name: path.replace(/^.*\/(.+)\.json$/, '$1'), ...mod.default }))
  .sort((a, b) => a.name.localeCompare(b.name));

/**
 * One parse per policy text per build process: the content loader, the remark plugin and the Vite plugin (its
 * server, client and slim variants) all read the same files, and parsing and validating an MDX policy is most of
 * their cost at 50 payers (issue #18). Keyed by path and checked against the text, so an edit (dev) re-parses.
 */
import { readFileSync } from 'node:fs';
import { loadModel } from '../lib/criteria/load.ts';

type Loaded = ReturnType<typeof loadModel>;
const cache = new Map<string, { text: string; loaded: Loaded }>();

export function cachedModel(path: string, text = readFileSync(path, 'utf8')): Loaded {
  const hit = cache.get(path);
  if (hit && hit.text === text) return hit.loaded;
  const loaded = loadModel(path, text);
  cache.set(path, { text, loaded });
  return loaded;
}

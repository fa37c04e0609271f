/**
 * One parse per policy text per build process: the content loader, the remark plugin and the Vite plugin (its
 * server, client and slim variants) all read the same files, and parsing and validating an MDX policy is most of
 * their cost at 50 payers (issue #18). Keyed by path and checked against the text, so an edit (dev) re-parses.
 */
import { readFileSync } from 'node:fs';
import { loadModel } from '../lib/criteria/load.ts';

type Loaded = ReturnType<typeof loadModel>;
type Cache = Map<string, { text: string; loaded: Loaded }>;
/**
 * One cache per process, not per module instance: Astro loads its config (the remark and Vite plugins) and the
 * content config (the collection's loader) through different module runners, each with its own copy of this
 * module. A cache per copy parsed, and kept, every policy twice.
 */
const KEY = Symbol.for('vertebral-augmentation-criteria.model-cache');
const cache: Cache = ((globalThis as Record<symbol, Cache>)[KEY] ??= new Map());

export function cachedModel(path: string, text = readFileSync(path, 'utf8')): Loaded {
  const hit = cache.get(path);
  if (hit && hit.text === text) return hit.loaded;
  const loaded = loadModel(path, text);
  cache.set(path, { text, loaded });
  return loaded;
}

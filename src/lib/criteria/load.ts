/**
 * Node-side loading: every policy file → parsed → validated → compiled module → imported. The CLI, the
 * checker, the tests and the bench use this; the site uses the same steps through the Vite plugin.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { compileModule, type CompiledPolicy } from './compile.ts';
import type { Message } from './messages.ts';
import type { PolicyModel } from './model.ts';
import { parseMdx } from './parse.ts';
import { POLICY_DIR, policyFiles } from './policy-files.ts';
import { validate } from './validate.ts';

export { POLICY_DIR, policyFiles };

type Loaded = { model: PolicyModel | null; messages: Message[] };
/**
 * One parse per file content: the content loader, the remark plugin, the Vite plugin, the checker and the tests
 * all ask for the same files; only an edit (new text) parses again. Callers must not mutate the result.
 * One cache per process, not per module instance: Astro loads its config (the remark and Vite plugins) and the
 * content config (the collection's loader) through different module runners, each with its own copy of this
 * module; a cache per copy parsed, and kept, every policy twice (issue #18).
 */
const CACHE = Symbol.for('vertebral-augmentation-criteria.loaded-models');
const loaded: Map<string, { text: string; result: Loaded }> = ((globalThis as Record<symbol, Map<string, { text: string; result: Loaded }>>)[CACHE] ??= new Map());

/** Parses and validates one policy file; `file` in messages is relative to the working directory. */
export function loadModel(path: string, text = readFileSync(path, 'utf8')): Loaded {
  const file = relative(process.cwd(), path) || path;
  const hit = loaded.get(file);
  if (hit?.text === text) return hit.result;
  const result = validate(parseMdx(file, text));
  loaded.set(file, { text, result });
  return result;
}

export function loadModels(paths = policyFiles()): { models: PolicyModel[]; messages: Message[] } {
  const models: PolicyModel[] = [];
  const messages: Message[] = [];
  for (const p of paths) {
    const r = loadModel(p);
    messages.push(...r.messages);
    if (r.model) models.push(r.model);
  }
  return { models, messages };
}

/** Compiles a model and imports the generated module (no file written). */
export async function importCompiled(model: PolicyModel): Promise<CompiledPolicy> {
  const source = compileModule(model);
  return (await import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as CompiledPolicy;
}

/** All valid policies, compiled, in payer order. */
export async function loadCompiled(paths = policyFiles()): Promise<{ policies: CompiledPolicy[]; messages: Message[] }> {
  const { models, messages } = loadModels(paths);
  return { policies: await Promise.all(models.map(importCompiled)), messages };
}

/**
 * The one path syntax criteria use to name what they read: a fact path (`symptoms.painNrs`, `request.levels`)
 * optionally followed by one item filter on a list of objects (`conservativeCare.therapies[kind=orthosis]`:
 * the therapies of that kind). The lint's variables, the evaluation's reads and explanations use it alike.
 */
import { readFact } from './facts.ts';

export type ParsedPath = { segments: readonly string[]; filter: { field: string; value: string } | null };

const cache = new Map<string, ParsedPath>();

export function parsePath(path: string): ParsedPath {
  let p = cache.get(path);
  if (!p) {
    const m = /^([^[]+)(?:\[([\w-]+)=([^\]]+)\])?$/.exec(path);
    const base = m ? m[1]! : path;
    p = { segments: base.split('.'), filter: m?.[2] ? { field: m[2], value: m[3]! } : null };
    cache.set(path, p);
  }
  return p;
}

/** `conservativeCare.therapies[kind=orthosis]` */
export function itemPath(list: string, field: string, value: string): string {
  return `${list}[${field}=${value}]`;
}

/** The list path a filtered path reads from (`conservativeCare.therapies`), or the path itself. */
export function basePath(path: string): string {
  return parsePath(path).segments.join('.');
}

/** The value at a path in a case; a filtered path gives the matching items, or undefined when the list is absent. */
export function readPath(c: unknown, path: string): unknown {
  const { segments, filter } = parsePath(path);
  const v = readFact(c, segments);
  if (!filter) return v;
  if (!Array.isArray(v)) return undefined;
  return v.filter((item) => (item as Record<string, unknown> | null)?.[filter.field] === filter.value);
}

/** Writes a value at a path into a plain case object; filtered items are appended to their list. */
export function writePath(c: Record<string, unknown>, path: string, value: unknown): void {
  const { segments, filter } = parsePath(path);
  let o = c;
  for (const s of segments.slice(0, -1)) o = (o[s] ??= {}) as Record<string, unknown>;
  const last = segments.at(-1)!;
  if (filter) o[last] = [...((o[last] as unknown[] | undefined) ?? []), ...(value as unknown[])];
  else o[last] = value;
}

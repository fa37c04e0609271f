/**
 * Paths into case and policy data, printed with array indexes (`request.levels[1]`). Kept apart from
 * yaml-source.ts so that browser code (permalink refusals on /compare/) does not pull the YAML parser in.
 */
export type PathKey = string | number;

export function formatPath(path: readonly PathKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : String(k)), '');
}

/**
 * zod issues → one line per problem in the house wording: "Unexpected X, expected Y", with the path
 * (`request.levels[1]`). Authors and API users never see a raw ZodError.
 */
import type { z } from 'zod';
import { formatPath, type PathKey } from './path.ts';

export type PathedProblem = { path: PathKey[]; reason: string; key?: string };

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return '`null`';
  if (Array.isArray(v)) return v.length ? 'a list' : 'an empty list';
  if (typeof v === 'object') return 'a mapping';
  const text = typeof v === 'string' ? v : String(v);
  return `\`${text.length > 40 ? `${text.slice(0, 40)}…` : text}\``;
}

function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** A field name as typed, cut: a 10 MB key must not give 10 MB of messages. */
const key = (k: string) => `\`${k.length > 40 ? `${k.slice(0, 40)}…` : k}\``;

const list = (values: readonly unknown[]) => values.map((v) => `\`${String(v)}\``).join(', ');

export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): PathedProblem[] {
  const out: PathedProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
    const value = at(input, issue.path);
    switch (issue.code) {
      case 'invalid_type':
        out.push({ path, reason: value === undefined ? `Missing \`${formatPath(path)}\`, expected ${issue.expected}` : `Unexpected ${show(value)}, expected ${issue.expected}` });
        break;
      case 'invalid_value':
        out.push({ path, reason: `Unexpected ${show(value)}, expected ${issue.values.length === 1 ? list(issue.values) : `one of ${list(issue.values)}`}` });
        break;
      case 'unrecognized_keys':
        for (const name of issue.keys) out.push({ path, key: name, reason: `Unexpected field ${key(name)}${path.length ? ` in \`${formatPath(path)}\`` : ''}` });
        break;
      case 'too_small':
        out.push({ path, reason: issue.origin === 'array' ? `Unexpected ${Array.isArray(value) ? `list of ${value.length}` : show(value)}, expected at least ${String(issue.minimum)} item(s)` : `Unexpected ${show(value)}, expected ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}` });
        break;
      case 'too_big':
        out.push({ path, reason: issue.origin === 'array' ? `Unexpected list of ${Array.isArray(value) ? value.length : '?'} items, expected at most ${String(issue.maximum)}` : `Unexpected ${show(value)}, expected ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}` });
        break;
      case 'invalid_union': {
        const disc = (issue as { discriminator?: string }).discriminator;
        if (disc) {
          // zod points the path at the discriminator itself (`of[0].kind`)
          const discPath = path[path.length - 1] === disc ? path : [...path, disc];
          const got = at(input, discPath);
          const options = `one of ${list((issue as { options?: unknown[] }).options ?? [])}`;
          out.push({ path: discPath, reason: got === undefined ? `Missing \`${disc}\`, expected ${options}` : `Unexpected ${disc} ${show(got)}, expected ${options}` });
        } else {
          out.push({ path, reason: `Unexpected ${show(value)}, ${issue.message.replace(/^Invalid input/, 'expected a different form').toLowerCase()}` });
        }
        break;
      }
      default:
        out.push({ path, reason: `Unexpected ${show(value)}, ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}` });
    }
  }
  return out;
}

/** For CLI and permalinks: `request.levels[1]: Unexpected \`T13\`, expected one of …` */
export function formatProblems(problems: readonly PathedProblem[]): string[] {
  return problems.map((p) => `${formatPath(p.path) || '(case)'}: ${p.reason}`);
}

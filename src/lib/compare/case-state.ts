/**
 * Case ↔ form state. The state is what the controls hold, as text: '' is unknown for every scalar, and a list
 * is `{ known: false }` (unknown) or `{ known: true, items }` (the items given; none = `[]`). Only known fields
 * go into the case, so an untouched form is `{}` and nothing unknown is ever written as false or zero.
 */
import { caseSchema, type Case } from '../criteria/case-schema.ts';
import { readFact } from '../criteria/facts.ts';
import { formatPath } from '../criteria/path.ts';
import { describeIssues } from '../criteria/zod-messages.ts';
import { formFields, type FormField } from './form-model.ts';

export type ListState = { known: boolean; items: string[] };
export type TherapyRow = { kind: string; weeks: string; outcome: string };
export type TherapiesState = { known: boolean; rows: TherapyRow[] };
export type FieldState = string | ListState | TherapiesState;
/** Field path → the control's state. */
export type FormState = Record<string, FieldState>;

export type FieldProblem = { path: string; message: string };
export type ReadCase = { ok: true; case: Case } | { ok: false; problems: FieldProblem[] };

const FIELDS = formFields();

function emptyOf(field: FormField): FieldState {
  if (field.kind === 'therapies') return { known: false, rows: [] };
  if (field.kind === 'levels' || field.kind === 'set') return { known: false, items: [] };
  return '';
}

export function emptyState(fields: readonly FormField[] = FIELDS): FormState {
  return Object.fromEntries(fields.map((f) => [f.path, emptyOf(f)]));
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** The form state showing a case (a valid one: see caseFromHash). */
export function stateFromCase(c: Case, fields: readonly FormField[] = FIELDS): FormState {
  const state = emptyState(fields);
  for (const f of fields) {
    const v = readFact(c, f.segments);
    if (v === undefined) continue;
    if (f.kind === 'therapies') {
      const rows = (v as Array<{ kind: string; weeks?: number; outcome?: string }>).map((t) => ({ kind: t.kind, weeks: text(t.weeks), outcome: text(t.outcome) }));
      state[f.path] = { known: true, rows };
    } else if (f.kind === 'levels' || f.kind === 'set') {
      state[f.path] = { known: true, items: (v as string[]).map(String) };
    } else {
      state[f.path] = text(v);
    }
  }
  return state;
}

/** A number as typed; text that is not a number is kept, so validation names the field. */
function numberOf(s: string): number | string {
  const t = s.trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
}

function valueOf(field: FormField, state: FieldState | undefined): unknown {
  if (state === undefined) return undefined;
  if (field.kind === 'therapies') {
    const s = state as TherapiesState;
    if (!s.known) return undefined;
    return s.rows.map((r) => {
      const t: Record<string, unknown> = { kind: r.kind };
      if (r.weeks.trim() !== '') t.weeks = numberOf(r.weeks);
      if (r.outcome !== '') t.outcome = r.outcome;
      return t;
    });
  }
  if (field.kind === 'levels' || field.kind === 'set') {
    const s = state as ListState;
    if (!s.known) return undefined;
    // As given: a case's list may repeat a level (each entry is one level treated) or be in any order.
    return [...s.items];
  }
  const s = state as string;
  if (field.kind === 'text') return s === '' ? undefined : s;
  if (s.trim() === '') return undefined;
  if (field.kind === 'boolean') return s === 'true' ? true : s === 'false' ? false : s;
  if (field.kind === 'number') return numberOf(s);
  return s;
}

/** The case the state describes, unvalidated: known fields only; groups with nothing known are left out. */
export function caseFromState(state: FormState, fields: readonly FormField[] = FIELDS): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  for (const f of fields) {
    const v = valueOf(f, state[f.path]);
    if (v === undefined) continue;
    let o = c;
    for (const k of f.segments.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
    o[f.segments[f.segments.length - 1]!] = v;
  }
  return c;
}

/** The state as a validated case, or the problems with their field paths (house wording). */
export function readCase(state: FormState, fields: readonly FormField[] = FIELDS): ReadCase {
  const input = caseFromState(state, fields);
  const r = caseSchema.safeParse(input);
  if (r.success) return { ok: true, case: r.data };
  return { ok: false, problems: describeIssues(r.error.issues, input).map((p) => ({ path: formatPath(p.path), message: p.reason })) };
}

/** The form field a problem or a missing fact belongs to (`request.levels[2]` → `request.levels`). */
export function fieldFor(path: string, fields: readonly FormField[] = FIELDS): FormField | undefined {
  let best: FormField | undefined;
  for (const f of fields) if ((path === f.path || path.startsWith(`${f.path}[`) || path.startsWith(`${f.path}.`)) && (!best || f.path.length > best.path.length)) best = f;
  return best;
}

/** How many of a set of fields are known (for "3 of 15 given"). */
export function knownCount(state: FormState, fields: readonly FormField[]): number {
  let n = 0;
  for (const f of fields) {
    const s = state[f.path];
    if (typeof s === 'string' ? s.trim() !== '' : s?.known) n++;
  }
  return n;
}

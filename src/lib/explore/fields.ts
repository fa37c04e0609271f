/**
 * Fields: the unit of change in a witness ("request.levels: [L3] → [T2]"). Every case fact is a field, except
 * conservative care, which is one field per therapy kind so that a witness can say "orthosis: not tried →
 * failed, 6 weeks" instead of rewriting the whole list. Setting a field copies only the objects on its path.
 */
import type { Case } from '../criteria/case-schema.ts';
import type { Fact } from '../criteria/facts.ts';
import { readFact } from '../criteria/facts.ts';

export type Field = {
  /** `symptoms.painNrs`, `conservativeCare.therapies[orthosis]` */
  key: string;
  title: string;
  /** The fact path criteria read when this field changes (for the nodes responsible). */
  reads: string;
  get(c: Case): unknown;
  /** A new case with the field set; `undefined` removes it (unknown). */
  set(c: Case, value: unknown): Case;
};

/** Therapy as one field's value: the kind is the field. */
export type TherapyValue = { weeks?: number; outcome?: 'failed' | 'improved' };

type Obj = Record<string, unknown>;

export function therapyValue(weeks: number | undefined, outcome: TherapyValue['outcome']): TherapyValue {
  const v: TherapyValue = {};
  if (weeks !== undefined) v.weeks = weeks;
  if (outcome !== undefined) v.outcome = outcome;
  return v;
}

function setPath(o: unknown, segments: readonly string[], value: unknown, at = 0): Obj {
  const copy: Obj = o !== null && typeof o === 'object' && !Array.isArray(o) ? { ...(o as Obj) } : {};
  const key = segments[at]!;
  if (at === segments.length - 1) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
  } else copy[key] = setPath(copy[key], segments, value, at + 1);
  return copy;
}

export function factField(fact: Fact): Field {
  return {
    key: fact.path,
    title: fact.title,
    reads: fact.path,
    get: (c) => readFact(c, fact.segments),
    set: (c, v) => setPath(c, fact.segments, v) as Case,
  };
}

const THERAPIES = ['conservativeCare', 'therapies'] as const;

export function therapyField(kind: string, title: string): Field {
  const list = (c: Case) => (readFact(c, THERAPIES) as Array<Obj> | undefined) ?? [];
  return {
    key: `conservativeCare.therapies[${kind}]`,
    title,
    reads: THERAPIES.join('.'),
    get: (c) => {
      const t = list(c).find((x) => x['kind'] === kind);
      // Fixed key order, so that equal therapies compare equal as JSON.
      return t ? therapyValue(t['weeks'] as number | undefined, t['outcome'] as TherapyValue['outcome']) : undefined;
    },
    set: (c, v) => {
      const old = list(c);
      const at = old.findIndex((x) => x['kind'] === kind);
      const next = old.filter((x) => x['kind'] !== kind);
      if (v !== undefined) next.splice(at < 0 ? next.length : at, 0, { kind, ...(v as TherapyValue) });
      return setPath(c, THERAPIES, next) as Case;
    },
  };
}

/** Value identity for fields (values are small JSON). */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * How a case's facts enter the exported CQL: one library parameter per fact the policy version reads, named by
 * the fact's case path (`"symptoms.painNrs"`), typed from the case schema. An absent fact is passed as null
 * (unknown). Lists stay lists (`"request.levels"`: List<String>); the therapies are a list of tuples.
 */
import { FACTS_BY_PATH, type Fact } from '../criteria/facts.ts';
import { readFact } from '../criteria/facts.ts';
import type { Described } from '../criteria/schema-introspect.ts';
import { typeName, type Elm } from './elm.ts';

type Scalar = 'Boolean' | 'Decimal' | 'String' | 'Date';
export type ParameterType = { cql: string; elm: Elm; fhir: { type: string; max: '1' | '*' } };

const named = (t: Scalar): Elm => ({ type: 'NamedTypeSpecifier', name: typeName(t) });

function scalarOf(d: { type: string; format?: 'date' | null }): Scalar {
  if (d.type === 'number') return 'Decimal';
  if (d.type === 'boolean') return 'Boolean';
  if (d.type === 'string' && d.format === 'date') return 'Date';
  return 'String';
}
const FHIR_TYPE: Record<Scalar, string> = { Boolean: 'boolean', Decimal: 'decimal', String: 'string', Date: 'date' };

export function parameterType(fact: Fact): ParameterType {
  if (fact.type === 'levels' || fact.type === 'set') {
    return { cql: 'List<String>', elm: { type: 'ListTypeSpecifier', elementType: named('String') }, fhir: { type: 'string', max: '*' } };
  }
  if (fact.type === 'therapies') {
    const fields = Object.entries(fact.item as Record<string, Described>).map(([name, d]) => [name, scalarOf(d)] as const);
    return {
      cql: `List<Tuple { ${fields.map(([n, t]) => `${n} ${t}`).join(', ')} }>`,
      elm: { type: 'ListTypeSpecifier', elementType: { type: 'TupleTypeSpecifier', element: fields.map(([name, t]) => ({ name, elementType: named(t) })) } },
      fhir: { type: 'Any', max: '*' },
    };
  }
  const t = scalarOf(fact.type === 'string' ? { type: 'string', format: fact.format } : fact);
  return { cql: t, elm: named(t), fhir: { type: FHIR_TYPE[t], max: '1' } };
}

export function factOf(path: string): Fact {
  const f = FACTS_BY_PATH.get(path);
  if (!f) throw new Error(`No case fact ${path}`);
  return f;
}

/** The parameter values for a case: every listed fact, null when absent (JSON values; dates as ISO text). */
export function caseParameters(paths: readonly string[], c: unknown): Record<string, unknown> {
  return Object.fromEntries(paths.map((p) => [p, readFact(c, factOf(p).segments) ?? null]));
}

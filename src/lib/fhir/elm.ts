/**
 * ELM (the Expression Logical Model of CQL, JSON form) builders: plain functions returning plain objects, so the
 * kind modules can state their ELM form beside their evaluation (kinds/*.ts, `ELM_FORMS` in the registry) and
 * the library (library.ts) and the CQL text (cql-text.ts) are made from the same tree. Only the expression
 * types these builders make are printed as CQL; the equivalence test runs them in cql-execution.
 *
 * Kleene: CQL's and / or / not and its comparisons are three-valued already (null = unknown). Where CQL would
 * turn a null into false (`x in list` with x null, `Count(null)`, `exists`), the builders guard with
 * `if x is null then null else …` so unknown stays unknown.
 */
export type Elm = { type: string; [key: string]: unknown };

const SYSTEM = 'urn:hl7-org:elm-types:r1';
export const typeName = (t: 'Boolean' | 'Decimal' | 'Integer' | 'String' | 'Date') => `{${SYSTEM}}${t}`;

export function literal(value: boolean | number | string, as?: 'Decimal' | 'Integer'): Elm {
  if (typeof value === 'boolean') return { type: 'Literal', valueType: typeName('Boolean'), value: String(value) };
  if (typeof value === 'string') return { type: 'Literal', valueType: typeName('String'), value };
  const t = as ?? (Number.isInteger(value) ? 'Integer' : 'Decimal');
  return { type: 'Literal', valueType: typeName(t), value: t === 'Decimal' && Number.isInteger(value) ? value.toFixed(1) : String(value) };
}
export const nullOf = (): Elm => ({ type: 'Null' });
export const param = (name: string): Elm => ({ type: 'ParameterRef', name });
export const ref = (name: string): Elm => ({ type: 'ExpressionRef', name });
export const alias = (name: string): Elm => ({ type: 'AliasRef', name });
export const property = (scope: string, path: string): Elm => ({ type: 'Property', scope, path });
export const list = (items: readonly Elm[]): Elm => ({ type: 'List', element: [...items] });
export const tuple = (fields: Record<string, Elm>): Elm => ({ type: 'Tuple', element: Object.entries(fields).map(([name, value]) => ({ name, value })) });

// Marked pure so bundles that import the kinds (the /compare/ page) drop these when unused.
const binary = (type: string) => (a: Elm, b: Elm): Elm => ({ type, operand: [a, b] });
const unary = (type: string) => (a: Elm): Elm => ({ type, operand: a });
export const equal = /* @__PURE__ */ binary('Equal');
export const notEqual = /* @__PURE__ */ binary('NotEqual');
export const less = /* @__PURE__ */ binary('Less');
export const lessOrEqual = /* @__PURE__ */ binary('LessOrEqual');
export const greater = /* @__PURE__ */ binary('Greater');
export const greaterOrEqual = /* @__PURE__ */ binary('GreaterOrEqual');
export const add = /* @__PURE__ */ binary('Add');
export const inList = /* @__PURE__ */ binary('In');
export const not = /* @__PURE__ */ unary('Not');
export const isNull = /* @__PURE__ */ unary('IsNull');
export const isTrue = /* @__PURE__ */ unary('IsTrue');
export const isFalse = /* @__PURE__ */ unary('IsFalse');
export const exists = /* @__PURE__ */ unary('Exists');
export const count = (source: Elm): Elm => ({ type: 'Count', source });
export const first = (source: Elm): Elm => ({ type: 'First', source });
export const distinct = /* @__PURE__ */ unary('Distinct');
export const iff = (condition: Elm, then: Elm, otherwise: Elm): Elm => ({ type: 'If', condition, then, else: otherwise });

/** Left-nested binary chain (`a and b and c`); one operand is itself. */
function chain(type: 'And' | 'Or', items: readonly Elm[]): Elm {
  return items.slice(1).reduce((acc, x) => ({ type, operand: [acc, x] }), items[0]!);
}
export const and = (items: readonly Elm[]): Elm => chain('And', items);
export const or = (items: readonly Elm[]): Elm => chain('Or', items);

/** The comparison operators of the criteria (kinds/ops.ts) as ELM. */
export const COMPARE: Record<'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge', (a: Elm, b: Elm) => Elm> = {
  eq: equal, ne: notEqual, lt: less, le: lessOrEqual, gt: greater, ge: greaterOrEqual,
};

/** `if x is null then null else e`: keeps an absent fact unknown where CQL would answer false. */
export const unknownIfNull = (x: Elm, e: Elm): Elm => iff(isNull(x), nullOf(), e);

/** `source X where cond return ret` (one source; `distinct` as CQL's default return). */
export function query(source: Elm, name: string, where: Elm | null, ret: Elm | null = null, distinctReturn = true): Elm {
  return {
    type: 'Query',
    source: [{ alias: name, expression: source }],
    relationship: [],
    ...(where ? { where } : {}),
    ...(ret ? { return: { distinct: distinctReturn, expression: ret } } : {}),
  };
}

const sum = (items: readonly Elm[]): Elm => items.slice(1).reduce((acc, x) => add(acc, x), items[0]!);
const oneIf = (cond: Elm): Elm => iff(cond, literal(1), literal(0));

/**
 * `(1) _ let a: …, b: … return all body`: a query over one value binds each expression once (QueryLetRef), so
 * a body that reads a value twice evaluates it once.
 */
export function letIn(bindings: ReadonlyArray<readonly [string, Elm]>, body: (refs: Elm[]) => Elm): Elm {
  return {
    type: 'Query',
    source: [{ alias: '_', expression: literal(1) }],
    let: bindings.map(([identifier, expression]) => ({ identifier, expression })),
    relationship: [],
    return: { distinct: false, expression: body(bindings.map(([name]) => ({ type: 'QueryLetRef', name }))) },
  };
}

const CHEAP = new Set(['ExpressionRef', 'QueryLetRef', 'AliasRef', 'ParameterRef', 'Literal']);

/**
 * Kleene "at least n of": met once n are met, not met once fewer than n can still be met, else unknown
 * (kinds/combinator-parts.ts countAtLeast). CQL has no such operator: count the true and the null values.
 * `names` label values that are not references (they are bound once with `let`).
 */
export function atLeastOf(n: number, values: readonly Elm[], names?: readonly string[]): Elm {
  if (!values.every((v) => CHEAP.has(v.type))) return letIn(values.map((v, i) => [names?.[i] ?? `V${i + 1}`, v] as const), (refs) => atLeastOf(n, refs));
  const met = sum(values.map((v) => oneIf(isTrue(v))));
  const open = sum(values.map((v) => oneIf(isNull(v))));
  return iff(greaterOrEqual(met, literal(n)), literal(true), iff(less(add(met, open), literal(n)), literal(false), nullOf()));
}

/** Kleene "some item qualifies" over a list (true if one is true, else null if one is null, else false). */
export function someOf(source: Elm, name: string, cond: Elm): Elm {
  return iff(exists(query(source, name, isTrue(cond))), literal(true), iff(exists(query(source, name, isNull(cond))), nullOf(), literal(false)));
}

/** A date literal (`@2025-07-01`). */
export function date(iso: string): Elm {
  const [y, m, d] = iso.split('-').map(Number);
  return { type: 'Date', year: literal(y!, 'Integer'), month: literal(m!, 'Integer'), day: literal(d!, 'Integer') };
}

/** Conjunction / disjunction of possibly no items (true / false when empty). */
export const allOf = (items: readonly Elm[]): Elm => (items.length ? and(items) : literal(true));
export const anyOf = (items: readonly Elm[]): Elm => (items.length ? or(items) : literal(false));

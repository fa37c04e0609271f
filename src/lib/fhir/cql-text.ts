/**
 * CQL text printed from the ELM the kinds build (elm.ts): the readable form of the same tree, so the two cannot
 * drift. Compound operands are parenthesized (no reliance on CQL's precedence table). Only the expression types
 * elm.ts makes are known; any other throws, so a new builder cannot ship without its text.
 */
import type { Elm } from './elm.ts';

const INFIX: Record<string, string> = {
  Equal: '=', NotEqual: '!=', Less: '<', LessOrEqual: '<=', Greater: '>', GreaterOrEqual: '>=', Add: '+', In: 'in', And: 'and', Or: 'or',
};
const SIMPLE = new Set(['Literal', 'Null', 'ParameterRef', 'ExpressionRef', 'AliasRef', 'Property', 'List', 'Tuple', 'Count', 'First', 'Date', 'QueryLetRef']);

/** A CQL quoted identifier ("symptoms.painNrs", "fracture-age"). */
export const quoted = (name: string) => `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const identifier = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : quoted(name));
const str = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function operand(e: Elm): string {
  const text = cqlOf(e);
  return SIMPLE.has(e.type) ? text : `(${text})`;
}

export function cqlOf(e: Elm): string {
  const ops = e.operand as Elm[] | Elm | undefined;
  if (e.type in INFIX) {
    const [a, b] = ops as Elm[];
    // Chains of one operator read flat: a and b and c.
    const left = a!.type === e.type && (e.type === 'And' || e.type === 'Or' || e.type === 'Add') ? cqlOf(a!) : operand(a!);
    return `${left} ${INFIX[e.type]} ${operand(b!)}`;
  }
  switch (e.type) {
    case 'Literal': {
      const t = String(e.valueType);
      return t.endsWith('}String') ? str(String(e.value)) : String(e.value);
    }
    case 'Null': return 'null';
    case 'ParameterRef':
    case 'ExpressionRef': return quoted(String(e.name));
    case 'AliasRef': return String(e.name);
    case 'QueryLetRef': return identifier(String(e.name));
    case 'Property': return `${String(e.scope)}.${String(e.path)}`;
    case 'List': {
      const items = e.element as Elm[];
      // A list of tuples (the decision's outcome table) reads best one tuple a line.
      return items.some((x) => x.type === 'Tuple') ? `{\n    ${items.map(cqlOf).join(',\n    ')}\n  }` : `{ ${items.map(cqlOf).join(', ')} }`;
    }
    case 'Tuple': return `Tuple { ${(e.element as Array<{ name: string; value: Elm }>).map((x) => `${x.name}: ${cqlOf(x.value)}`).join(', ')} }`;
    case 'Not': return `not ${operand(ops as Elm)}`;
    case 'IsNull': return `${operand(ops as Elm)} is null`;
    case 'IsTrue': return `${operand(ops as Elm)} is true`;
    case 'IsFalse': return `${operand(ops as Elm)} is false`;
    case 'Date': return `@${[e.year, e.month, e.day].map((x, i) => String((x as Elm).value).padStart(i ? 2 : 4, '0')).join('-')}`;
    case 'Exists': return `exists ${operand(ops as Elm)}`;
    case 'Distinct': return `distinct ${operand(ops as Elm)}`;
    case 'Count': return `Count(${cqlOf(e.source as Elm)})`;
    case 'First': return `First(${cqlOf(e.source as Elm)})`;
    case 'If': return `if ${cqlOf(e.condition as Elm)} then ${operand(e.then as Elm)} else ${operand(e.else as Elm)}`;
    case 'Query': {
      const [src] = e.source as Array<{ alias: string; expression: Elm }>;
      const ret = e.return as { distinct: boolean; expression: Elm } | undefined;
      const lets = (e.let as Array<{ identifier: string; expression: Elm }> | undefined) ?? [];
      return [
        `(${cqlOf(src!.expression)}) ${src!.alias}`,
        lets.length ? `\n    let ${lets.map((l) => `${identifier(l.identifier)}: ${cqlOf(l.expression)}`).join(',\n      ')}\n   ` : '',
        e.where ? ` where ${cqlOf(e.where as Elm)}` : '',
        ret ? ` return ${ret.distinct ? '' : 'all '}${cqlOf(ret.expression)}` : '',
      ].join('');
    }
    default: throw new Error(`No CQL text for ELM ${e.type}`);
  }
}

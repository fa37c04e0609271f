/**
 * The one-line leaf form: `test: symptoms.painNrs >= 8` stands for `kind: fact`, `fact`, `op` and `value`
 * (and likewise for every leaf kind with a test form, see kinds/*.ts). Expanded into the long form before the
 * schema reads the block, so both forms validate, compile and render alike. A test node may leave out
 * `label`: it is then generated from the kind's wording.
 */
import { TEST_KINDS } from './kinds/registry.ts';
import { formatPath, type PathKey } from './path.ts';

/** Where the expanded nodes are, so messages about their fields point at the test text. */
export type Expansion = { value: unknown; tests: Set<string>; generatedLabels: Set<string> };
export type TestProblem = { path: PathKey[]; offset: number; reason: string };

export const pathKey = (path: readonly PathKey[]) => formatPath(path);

/** Placeholder label until the model node exists and the kind's wording can be generated. */
export const GENERATED_LABEL = '\u0000generated';

export function expandTests(value: unknown, problems: TestProblem[]): Expansion {
  const tests = new Set<string>();
  const generatedLabels = new Set<string>();
  const visit = (v: unknown, path: PathKey[]): unknown => {
    if (Array.isArray(v)) return v.map((x, i) => visit(x, [...path, i]));
    if (!v || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = k === 'of' || k === 'tree' ? visit(x, [...path, k]) : x;
    if (!('test' in o) || 'kind' in o) return out;
    const text = typeof o.test === 'string' ? o.test.trim() : '';
    const found = TEST_KINDS.find(([, k]) => k.test.matches(text));
    if (!found) {
      problems.push({ path: [...path, 'test'], offset: 0, reason: `Unexpected test \`${String(o.test)}\`, expected a fact comparison (\`symptoms.painNrs >= 8\`), \`every level in T5-L5\`, \`level count <= 3\` or \`therapies 2 of [kinds] failed weeks >= 6\`` });
      return out;
    }
    const parsed = found[1].test.parse(text);
    if (!parsed.ok) {
      problems.push({ path: [...path, 'test'], offset: parsed.offset, reason: parsed.reason });
      return out;
    }
    const { test: _test, ...rest } = out;
    tests.add(pathKey(path));
    if (rest.label === undefined) {
      generatedLabels.add(pathKey(path));
      rest.label = GENERATED_LABEL;
    }
    return { ...rest, kind: found[0], ...parsed.fields };
  };
  return { value: visit(value, []), tests, generatedLabels };
}

/** The test text of a long-form leaf (what the converter writes), or null for combinators. */
export function testOf(node: Record<string, unknown>): string | null {
  const found = TEST_KINDS.find(([k]) => k === node.kind);
  return found ? found[1].test.format(node) : null;
}

/**
 * Render model of the authoring guide (/authoring/): the demonstration policy cut into the blocks the page
 * shows next to their rendering, and the reference tables, derived from the engine where the engine knows
 * the answer (facts from the case schema, rules from the checker) so the guide cannot drift from it.
 */
import type { CompiledPolicy } from '../criteria/compile.ts';
import { exampleMessages, runExample, type PublicExample } from '../criteria/examples.ts';
import { FACTS, type Fact } from '../criteria/facts.ts';
import { OPS_FOR } from '../criteria/kinds/fact.ts';
import { blockValues, interpret } from '../criteria/interpret.ts';
import { lintModel } from '../criteria/lint.ts';
import { formatMessage } from '../criteria/messages.ts';
import type { PolicyModel } from '../criteria/model.ts';
import { parseMdx } from '../criteria/parse.ts';
import { validate } from '../criteria/validate.ts';

export type DemoBlock = {
  lang: 'criteria' | 'codes' | 'example';
  /** The YAML as written in the file. */
  yaml: string;
  /** Line of the opening fence in the demo file. */
  line: number;
  /** For criteria blocks: the block id, to render it with CriteriaBlock. */
  blockId: string | null;
};

export type DemoPolicy = { frontmatter: string; blocks: DemoBlock[]; notes: PolicyModel['notes'] };

export function demoPolicy(file: string, text: string, model: PolicyModel): DemoPolicy {
  const parsed = parseMdx(file, text);
  const blockAt = new Map(model.blocks.map((b) => [b.line, b.id]));
  return {
    frontmatter: parsed.frontmatter?.text.trimEnd() ?? '',
    blocks: parsed.blocks.map((b) => ({
      lang: b.lang,
      yaml: b.yaml.text.trimEnd(),
      line: b.line,
      blockId: b.lang === 'criteria' ? (blockAt.get(b.line) ?? null) : null,
    })),
    notes: model.notes,
  };
}

/** Operators a `fact` node may use, by the fact's type: the fact kind's own table. */
export const OPS_BY_TYPE: Partial<Record<Fact['type'], readonly string[]>> = Object.fromEntries(Object.entries(OPS_FOR).filter(([, ops]) => ops.length));

export type FactRow = { path: string; title: string; values: string; ops: string };

function valuesOf(fact: Fact): string {
  switch (fact.type) {
    case 'number': return `number, ${fact.min} to ${fact.max}${fact.unit ? ` ${fact.unit}` : ''}`;
    case 'boolean': return 'true or false';
    case 'enum': return fact.values.join(', ');
    case 'set': return `list of: ${fact.values.join(', ')}`;
    case 'levels': return 'list of levels C1–Co';
    case 'therapies': return 'list of { kind, weeks, outcome }';
    default: return 'text';
  }
}

/** Every case field a criterion can read, in the case format's order. */
export function factRows(): FactRow[] {
  return FACTS.filter((f) => f.path !== 'id').map((f) => ({
    path: f.path,
    title: f.title,
    values: valuesOf(f),
    ops: f.type === 'levels' ? '`levels`, `level-count` nodes' : f.type === 'therapies' ? '`therapies` nodes' : (OPS_BY_TYPE[f.type] ?? []).join(', '),
  }));
}

export type RuleRow = { rules: readonly string[]; finds: string };

/** What `npm run check` reports, by rule id (the id ends each message). */
export const CHECK_RULES: readonly RuleRow[] = [
  { rules: ['yaml-syntax', 'schema', 'mdx-syntax'], finds: 'YAML or MDX that does not parse; a missing, misspelt or mistyped field' },
  { rules: ['unknown-fact', 'wrong-value', 'wrong-op', 'wrong-node-kind'], finds: 'a fact the case format does not have, a value it cannot take, an operator that does not fit it' },
  { rules: ['unknown-level', 'unknown-therapy', 'at-least-n'], finds: 'a level or range that does not exist, a therapy kind that does not, n larger than the list' },
  { rules: ['duplicate-id', 'duplicate-example', 'duplicate-payer'], finds: 'an id, example name or payer used twice' },
  { rules: ['dangling-id'], finds: 'a note that names no interpretation note, or an interpretation note that names no node' },
  { rules: ['role-outcome', 'no-indication'], finds: 'an outcome or category that does not fit the role; a policy with no indication' },
  { rules: ['no-source', 'no-label'], finds: 'a source reference, clause, label or title left blank or as a placeholder (TODO, TBD, ?)' },
  { rules: ['example-failed'], finds: 'an example whose decision, category or missing fields differ from what it expects' },
  { rules: ['never-met'], finds: 'a criterion no case can meet: a contradiction, reported where it starts, naming the criteria that conflict' },
  { rules: ['never-fails'], finds: 'a criterion every case meets: a tautology (listing every value of a fact with "in" is allowed: it requires the fact to be documented)' },
  { rules: ['unreachable'], finds: 'an alternative or pathway that never decides a case on its own (an exclusion always fires first, another alternative implies it); a note with allow="unreachable" keeps one on purpose' },
  { rules: ['threshold-unpinned'], finds: 'a threshold or level range that no example notices when it moves by one step: add an example on each side of it' },
  { rules: ['note-allow'], finds: 'an interpretation note allowing something other than unreachable or unpinned' },
];

/** The reference interpreter behind the compiled policy's interface (same values; no module to import). */
function interpreted(model: PolicyModel): CompiledPolicy {
  return { model, trace: (c) => interpret(model, c), blocks: (c) => blockValues(model, interpret(model, c)) };
}

/** What `npm run check` prints for a file's text: validation, then (for a valid file) examples and lint. */
export function checkText(file: string, text: string, publicExamples: readonly PublicExample[]): string[] {
  const { model, messages } = validate(parseMdx(file, text));
  if (model) {
    const policy = interpreted(model);
    messages.push(...exampleMessages(file, model.examples.map((e) => runExample(policy, e, publicExamples))), ...lintModel(policy, text));
  }
  return messages.sort((a, b) => a.place.line - b.place.line || a.place.column - b.place.column).map(formatMessage);
}

export type Mistake = { what: string; from: string; to: string; output: string[] };

/** Mistakes made on purpose in the demo policy, and what check prints for each (computed, so never stale). */
export function demoMistakes(file: string, text: string, publicExamples: readonly PublicExample[]): Mistake[] {
  const mistakes = [
    { what: 'A misspelt fact', from: 'test: symptoms.painNrs >= 7', to: 'test: symptoms.painNRS >= 7' },
    { what: 'A value the fact cannot take', from: 'test: diagnosis.etiology in [osteoporotic, steroid-induced]', to: 'test: diagnosis.etiology in [osteoporotic, steroid-induced, osteoporosis]' },
    { what: 'A note that does not exist', from: 'note: demo-pain-reading', to: 'note: demo-pain-readings' },
    { what: 'A flipped operator: fewer than one level', from: 'test: level count <= 3', to: 'test: level count < 1' },
  ];
  return mistakes.map((m) => {
    if (!text.includes(m.from)) throw new Error(`demo policy no longer contains \`${m.from}\` (update demoMistakes)`);
    return { ...m, output: checkText(file, text.replace(m.from, m.to), publicExamples) };
  });
}

/**
 * Lint findings over a compiled policy, as positioned messages: criteria that can never be met or never fail
 * (almost always a transcription mistake: a flipped operator, a wrong threshold, `every` for `none`), and
 * labels or source references left blank or as placeholders. `text` (the file as written) lets messages point
 * at the exact key; without it they point at the node's line.
 */
import type { CompiledPolicy } from './compile.ts';
import { FACTS_BY_PATH } from './facts.ts';
import type { Message, Place } from './messages.ts';
import type { ModelNode } from './model.ts';
import { referenceFindings, type ReferenceFinding } from './lint-references.ts';
import { unsatisfiable, type Finding } from './lint-satisfiable.ts';

const code = (s: string) => `\`${s}\``;

/** Where things are in the file: a node's first key, or one of its keys (not a child's). */
export class Places {
  readonly #lines: string[];
  constructor(text: string) {
    this.#lines = text.split('\n');
  }
  #column(line: number): number {
    const m = /^(\s*(?:-\s+)?)/.exec(this.#lines[line - 1] ?? '');
    return (m?.[1]?.length ?? 0) + 1;
  }
  owner(line: number): Place {
    return { line, column: this.#column(line) };
  }
  /** `fence`: the line is a block's opening fence, whose keys start on the next line. */
  key(line: number, key: string, fence: boolean): Place {
    const start = fence ? line + 1 : line;
    const column = fence ? 1 : this.#column(line);
    for (let l = start; l <= this.#lines.length; l++) {
      const text = this.#lines[l - 1]!;
      if (text.startsWith('```')) break;
      const first = text.search(/\S/) + 1;
      if (first === 0 || text.trim().startsWith('#')) continue;
      if (l > start && first < column) break;
      const at = l === start ? column : first;
      // Point at the value, where the mistake is.
      if (at === column && text.slice(at - 1).startsWith(`${key}:`)) return { line: l, column: column + key.length + 1 + /^\s*/.exec(text.slice(column + key.length))![0].length };
    }
    return this.owner(start);
  }
}

function referenceMessage(f: ReferenceFinding, file: string, places: Places | null): Message {
  const shown = f.value.trim() ? code(f.value) : 'left blank';
  const expected = {
    source: "the payer's own section reference (e.g. `Medical Necessity Criteria › I.A`)",
    clause: "the payer's section the example exercises",
    label: "the criterion in plain words, close to the payer's text",
    title: "the block's title as the payer words it",
  }[f.key];
  return {
    file,
    place: places ? places.key(f.line, f.key, f.fence) : { line: f.line, column: 1 },
    reason: `Unexpected ${f.key} ${shown} on ${f.owner}, expected ${expected}`,
    ruleId: f.rule,
    severity: 'error',
  };
}

function why(f: Finding, nodes: readonly ModelNode[]): string {
  const node = nodes[f.node]!;
  const ids = f.core.map((c) => code(nodes[c]!.id));
  if (f.core.length > 1) return f.rule === 'never-met' ? `: ${ids.join(' and ')} cannot all hold` : `: one of ${ids.join(', ')} always holds`;
  if (node.kind === 'fact') {
    const fact = FACTS_BY_PATH.get(node.fact);
    const range = fact?.type === 'number' ? ` (${fact.min} to ${fact.max})` : '';
    return `: ${f.rule === 'never-met' ? 'no' : 'every'} value of ${code(node.fact)}${range} satisfies ${code(`${node.op} ${JSON.stringify(node.value)}`)}`;
  }
  if (node.kind === 'at-least') return f.rule === 'never-met' ? `: no ${node.n} of its ${node.children.length} criteria can hold together` : `: at least ${node.n} of its ${node.children.length} criteria always ${node.n === 1 ? 'holds' : 'hold'}`;
  if (node.kind === 'levels' || node.kind === 'level-count') return `: ${f.rule === 'never-met' ? 'no' : 'every'} request of one or more levels satisfies it`;
  return '';
}

function satisfiabilityMessage(f: Finding, policy: CompiledPolicy, places: Places | null): Message {
  const node = policy.model.nodes[f.node]!;
  const reason = f.rule === 'never-met'
    ? `Unexpected criterion ${code(node.id)} that no case can meet${why(f, policy.model.nodes)}, expected a criterion some case meets (a contradiction is usually a transcription mistake)`
    : `Unexpected criterion ${code(node.id)} that every case meets${why(f, policy.model.nodes)}, expected a criterion some case fails (a tautology is usually a transcription mistake)`;
  // The model knows where each node is written (line and column of its first key).
  return { file: policy.model.file, place: { line: node.line, column: node.column ?? places?.owner(node.line).column ?? 1 }, reason, ruleId: f.rule, severity: 'error' };
}

export function lintModel(policy: CompiledPolicy, text?: string): Message[] {
  const places = text === undefined ? null : new Places(text);
  return [
    ...referenceFindings(policy.model).map((f) => referenceMessage(f, policy.model.file, places)),
    ...unsatisfiable(policy).map((f) => satisfiabilityMessage(f, policy, places)),
  ];
}

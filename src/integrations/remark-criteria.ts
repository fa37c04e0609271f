/**
 * Remark plugin: a thin adapter over parse + validate. It validates the whole policy file (failing the build
 * with every problem at file:line:column) and swaps each data block for the component that renders it.
 * Attribute values are plain strings, so no estree is needed.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import type { Root, Code, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { loadModel, POLICY_DIR } from '../lib/criteria/load.ts';
import { toVFileMessage } from '../lib/criteria/messages.ts';
import { policyError } from './policy-error.ts';

/** Only the policy folder's files are policies (other MDX, if any, is prose). */
const isPolicyFile = (path: string) => path.endsWith('.mdx') && dirname(resolve(path)) === resolve(POLICY_DIR);

function element(name: string, attributes: Record<string, string>): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(attributes).map(([k, v]) => ({ type: 'mdxJsxAttribute', name: k, value: v })),
    children: [],
  };
}

/** The text between the fence opened at `line` (1-based) and its closing fence, as remark's `value` has it. */
function fenceBody(text: string, line: number): string {
  const lines = text.split('\n');
  const open = /^(`{3,}|~{3,})/.exec(lines[line - 1] ?? '')?.[1] ?? '```';
  const body: string[] = [];
  for (let i = line; i < lines.length && !new RegExp(`^${open[0]}{${open.length},}\\s*$`).test(lines[i]!.replace(/\r$/, '')); i++) body.push(lines[i]!.replace(/\r$/, ''));
  return body.join('\n').trimEnd();
}

export function remarkCriteria() {
  return (tree: Root, file: VFile) => {
    const path = file.path;
    if (!path || !isPolicyFile(path)) return;
    // Read the file as written (Astro hands the plugin the body without frontmatter, which would shift lines).
    const text = readFileSync(path, 'utf8');
    const { model, messages } = loadModel(path, text);
    for (const m of messages) file.messages.push(toVFileMessage(m));
    const errors = messages.filter((m) => m.severity === 'error');
    if (errors.length || !model) throw policyError(errors);
    const payer = basename(path, '.mdx');
    // Each fence is matched to the model by its content, never by counting fences: the tree Astro hands over
    // may differ from the file's (frontmatter stripped), and a count goes wrong as soon as the two disagree.
    const byContent = new Map<string, RootContent>();
    model.blocks.forEach((b) => byContent.set(`criteria\n${fenceBody(text, b.line)}`, element('CriteriaBlock', { payer, block: b.id }) as RootContent));
    model.codes.forEach((c, i) => byContent.set(`codes\n${fenceBody(text, c.line)}`, element('CodesTable', { payer, index: String(i) }) as RootContent));
    const replace = (nodes: RootContent[]): RootContent[] => nodes.flatMap((node): RootContent[] => {
      if (node.type === 'code') {
        const { lang, value } = node as Code;
        if (lang === 'example') return []; // examples are shown together, as one table, by the page
        if (lang === 'criteria' || lang === 'codes') {
          const found = byContent.get(`${lang}\n${value.trimEnd()}`);
          if (!found) throw policyError([{ file: relative(process.cwd(), path), place: { line: node.position?.start.line ?? 1, column: 1 }, reason: `Unexpected \`${lang}\` block the checker did not see, expected every data block at the top level of the file`, ruleId: 'block-in-jsx', severity: 'error' }]);
          return [found];
        }
      }
      if ('children' in node) (node as { children: RootContent[] }).children = replace((node as { children: RootContent[] }).children);
      return [node];
    });
    tree.children = replace(tree.children);
  };
}

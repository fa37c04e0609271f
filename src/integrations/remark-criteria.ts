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
    // Blocks are found by their position in the model: the tree's lines count from the body, the model's from the file.
    const body = String(file.value ?? '');
    const shift = body && text.endsWith(body) ? text.slice(0, text.length - body.length).split('\n').length - 1 : 0;
    const blockAt = new Map(model.blocks.map((b) => [b.line, b]));
    const codesAt = new Map(model.codes.map((c, i) => [c.line, i]));
    const at = <T>(table: Map<number, T>, node: Code): T => {
      const found = table.get((node.position?.start.line ?? 0) + shift);
      if (found === undefined) {
        const line = (node.position?.start.line ?? 1) + shift;
        throw policyError([{ file: relative(process.cwd(), path), place: { line, column: 1 }, reason: `Unexpected \`${node.lang}\` block the checker did not see, expected every data block at the top level of the file`, ruleId: 'block-in-jsx', severity: 'error' }]);
      }
      return found;
    };
    const replace = (nodes: RootContent[]): RootContent[] => nodes.flatMap((node): RootContent[] => {
      if (node.type === 'code') {
        const lang = (node as Code).lang;
        if (lang === 'criteria') return [element('CriteriaBlock', { payer, block: at(blockAt, node as Code).id }) as RootContent];
        if (lang === 'codes') return [element('CodesTable', { payer, index: String(at(codesAt, node as Code)) }) as RootContent];
        if (lang === 'example') return []; // examples are shown together, as one table, by the page
      }
      if ('children' in node) (node as { children: RootContent[] }).children = replace((node as { children: RootContent[] }).children);
      return [node];
    });
    tree.children = replace(tree.children);
  };
}

/**
 * Remark plugin: a thin adapter over parse + validate. It validates the whole policy file (failing the build
 * with every problem at file:line:column) and swaps each data block for the component that renders it.
 * Attribute values are plain strings, so no estree is needed.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Root, Code, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { loadModel, POLICY_DIR } from '../lib/criteria/load.ts';
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
    const { model, messages } = loadModel(path, readFileSync(path, 'utf8'));
    const errors = messages.filter((m) => m.severity === 'error');
    if (errors.length || !model) throw policyError(errors);
    const payer = basename(path, '.mdx');
    let blockIndex = 0;
    let codesIndex = 0;
    const replace = (nodes: RootContent[]): RootContent[] => nodes.flatMap((node): RootContent[] => {
      if (node.type === 'code') {
        const lang = (node as Code).lang;
        if (lang === 'criteria') return [element('CriteriaBlock', { payer, block: model.blocks[blockIndex++]!.id }) as RootContent];
        if (lang === 'codes') return [element('CodesTable', { payer, index: String(codesIndex++) }) as RootContent];
        if (lang === 'example') return []; // examples are shown together, as one table, by the page
      }
      if ('children' in node) (node as { children: RootContent[] }).children = replace((node as { children: RootContent[] }).children);
      return [node];
    });
    tree.children = replace(tree.children);
  };
}

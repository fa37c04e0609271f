/**
 * The remark plugin sees the same data blocks as the checker: a block inside a JSX element fails the build with
 * the checker's positioned message (it used to be skipped by one and counted by the other), and blocks are
 * matched to the model by content, so a tree whose lines differ from the file's still gets the right trees.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { parseMdxTree } from '../../src/lib/criteria/parse.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const DIR = mkdtempSync(join(tmpdir(), 'remark-criteria-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));
process.env.POLICIES_DIR = DIR; // read by load.ts when first imported, below
const { remarkCriteria } = await import('../../src/integrations/remark-criteria.ts');

function transform(fixture: string, stripFrontmatter = false): Root {
  const path = join(DIR, 'acme.mdx');
  copyFileSync(join(FIXTURES, fixture, 'input.mdx'), path);
  const text = readFileSync(path, 'utf8');
  const tree = parseMdxTree(stripFrontmatter ? text.replace(/^---\n[\s\S]*?\n---\n/, '') : text);
  remarkCriteria()(tree, new VFile({ path, value: text }));
  return tree;
}
const components = (tree: Root) => tree.children.filter((n) => n.type === 'mdxJsxFlowElement').map((n) => [n.name, ...n.attributes.map((a) => ('value' in a ? a.value : null))]);

describe('remark-criteria', () => {
  it('replaces each block by the component for the same block, also when the tree lacks the frontmatter', () => {
    const expected = [['CriteriaBlock', 'acme', 'acme-indications'], ['Interpretation', 'levels-reading', 'ind-levels'], ['CriteriaBlock', 'acme', 'acme-pregnancy'], ['CodesTable', 'acme', '0']];
    expect(components(transform('valid/minimal'))).toEqual(expected);
    expect(components(transform('valid/minimal', true))).toEqual(expected);
  });

  it('a criteria block inside a JSX element fails with the checker\'s file:line:column, not a TypeError', () => {
    expect(() => transform('invalid/block-in-jsx')).toThrow(`${relative(process.cwd(), join(DIR, 'acme.mdx'))}:55:1: Unexpected \`criteria\` block inside \`<div>\`, expected data blocks outside JSX elements (block-in-jsx)`);
  });
});

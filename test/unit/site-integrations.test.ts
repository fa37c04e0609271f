/**
 * The remark plugin sees the same data blocks as the checker: a block inside a JSX element fails the build with
 * the checker's positioned message (it used to be skipped by one and counted by the other), and blocks are
 * matched to the model by content, so a tree whose lines differ from the file's still gets the right trees.
 * The content loader fails the build on a frontmatter mistake with the checker's file:line:column (not
 * Astro's `InvalidContentEntryDataError … file:0:0`); each POLICIES_DIR gets its own build cache.
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
const { policyLoader } = await import('../../src/integrations/policy-loader.ts');

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

describe('policy-loader', () => {
  it('a frontmatter mistake fails the content sync with the checker\'s message and location', async () => {
    const path = join(DIR, 'acme.mdx');
    copyFileSync(join(FIXTURES, 'invalid/version-impossible-date/input.mdx'), path);
    const error = await policyLoader().load({} as never).then(() => null, (e: unknown) => e as Error & { loc?: unknown });
    expect(error?.message).toBe(`${relative(process.cwd(), path)}:13:16: Unexpected \`2025-02-30\`, expected a real calendar date for \`effective\` (version-date)`);
    expect(error?.loc).toEqual({ file: path, line: 13, column: 16 });
  });
});

describe('cache-dir', () => {
  it('two policy folders never share a build cache; one folder always gets the same', async () => {
    const { cacheDirFor } = await import('../../src/integrations/cache-dir.ts');
    expect(cacheDirFor('src/content/policies')).not.toBe(cacheDirFor('test/fixtures/dev-site/policies'));
    expect(cacheDirFor('src/content/policies')).toBe(cacheDirFor(join(process.cwd(), 'src/content/policies')));
  });
});

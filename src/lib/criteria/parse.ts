/**
 * MDX text → the structured parts of a policy, each with its source position: frontmatter YAML, fenced
 * `criteria` / `codes` / `example` blocks (YAML), and <Interpretation> notes. No Astro here: the CLI, the
 * checker, the tests and the Astro remark plugin all call this.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, Code, Heading, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { LineIndex, type Message } from './messages.ts';

export const DATA_LANGS = ['criteria', 'codes', 'example'] as const;
export type DataLang = (typeof DATA_LANGS)[number];

/** A YAML region of the file: its text and where it starts, so YAML offsets map back to the file. */
export type YamlRegion = { text: string; offset: number };

export type RawBlock = { lang: DataLang; yaml: YamlRegion; line: number; column: number };
export type RawNote = { id: string | null; nodes: string[]; allow?: string[]; text: string; line: number; column: number };
export type RawHeading = { depth: number; text: string; line: number };

export type ParsedMdx = {
  file: string;
  text: string;
  lines: LineIndex;
  frontmatter: YamlRegion | null;
  blocks: RawBlock[];
  notes: RawNote[];
  headings: RawHeading[];
  messages: Message[];
};

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']);

export function parseMdxTree(text: string): Root {
  return processor.runSync(processor.parse(text)) as Root;
}

/** The raw text between a fenced block's fences, taken from the file so that offsets stay exact. */
function fenceContent(node: Code, text: string, lines: LineIndex): YamlRegion {
  const start = lines.lineStart(node.position!.start.line + 1);
  const endLine = node.position!.end.line; // the closing fence's line
  const end = Math.max(start, lines.lineStart(endLine));
  return { text: text.slice(start, end), offset: start };
}

function plainText(node: RootContent | Root): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'code') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(plainText).join(node.type === 'paragraph' ? '' : ' ').replace(/\s+/g, ' ').trim();
  return '';
}

function attribute(el: MdxJsxFlowElement, name: string): string | null {
  for (const a of el.attributes) if (a.type === 'mdxJsxAttribute' && a.name === name && typeof a.value === 'string') return a.value;
  return null;
}

export function extract(file: string, text: string, tree: Root): ParsedMdx {
  const lines = new LineIndex(text);
  const out: ParsedMdx = { file, text, lines, frontmatter: null, blocks: [], notes: [], headings: [], messages: [] };
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      const pos = node.position!;
      if (node.type === 'yaml' && out.frontmatter === null) {
        const start = lines.lineStart(pos.start.line + 1);
        out.frontmatter = { text: text.slice(start, lines.lineStart(pos.end.line)), offset: start };
      } else if (node.type === 'code' && (DATA_LANGS as readonly string[]).includes(node.lang ?? '')) {
        if (unclosedFence(node, text, lines)) {
          out.messages.push({ file, place: { line: pos.start.line, column: pos.start.column }, reason: `Unexpected end of file inside the \`${node.lang}\` block opened here, expected a closing fence`, ruleId: 'unclosed-fence', severity: 'error' });
          continue;
        }
        if (pos.start.column !== 1) {
          out.messages.push({ file, place: pos.start, reason: `Unexpected indented \`${node.lang}\` fence, expected it to start at column 1`, ruleId: 'fence-indent', severity: 'error' });
          continue;
        }
        out.blocks.push({ lang: node.lang as DataLang, yaml: fenceContent(node, text, lines), line: pos.start.line, column: pos.start.column });
      } else if (node.type === 'heading') {
        out.headings.push({ depth: (node as Heading).depth, text: plainText(node), line: pos.start.line });
      } else if (node.type === 'mdxJsxFlowElement' && node.name === 'Interpretation') {
        out.notes.push({
          id: attribute(node, 'id'),
          nodes: (attribute(node, 'nodes') ?? '').split(/\s+/).filter(Boolean),
          // Lint findings the note justifies (`allow="unreachable unpinned"`): see lint-reachability.ts, pinning.ts.
          allow: (attribute(node, 'allow') ?? '').split(/\s+/).filter(Boolean),
          text: plainText(node),
          line: pos.start.line,
          column: pos.start.column,
        });
      }
      if ('children' in node && node.type !== 'mdxJsxFlowElement') walk(node.children as RootContent[]);
      else if (node.type === 'mdxJsxFlowElement') out.messages.push(...nestedDataBlocks(file, node));
    }
  };
  walk(tree.children);
  return out;
}

/** A fence that runs to the end of the file: its last line is not a closing fence. */
function unclosedFence(node: Code, text: string, lines: LineIndex): boolean {
  const end = node.position!.end;
  if (end.line === node.position!.start.line) return true;
  const last = text.slice(lines.lineStart(end.line), lines.lineStart(end.line + 1) > lines.lineStart(end.line) ? lines.lineStart(end.line + 1) : text.length);
  return !/^\s*(`{3,}|~{3,})\s*$/.test(last);
}

/**
 * Data blocks inside a JSX element (`<div>` … ```criteria … `</div>`) are refused: the site would render them
 * in the element, apart from their section, and readers of the model would disagree on which blocks exist.
 */
function nestedDataBlocks(file: string, el: MdxJsxFlowElement): Message[] {
  const out: Message[] = [];
  const stack: RootContent[] = [...(el.children as RootContent[])];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'code' && (DATA_LANGS as readonly string[]).includes(n.lang ?? '')) {
      out.push({ file, place: { line: n.position!.start.line, column: n.position!.start.column }, reason: `Unexpected \`${n.lang}\` block inside \`<${el.name ?? ''}>\`, expected data blocks outside JSX elements`, ruleId: 'block-in-jsx', severity: 'error' });
    }
    if ('children' in n) stack.push(...(n.children as RootContent[]));
  }
  return out.sort((a, b) => a.place.line - b.place.line);
}

/** Where micromark-mdx puts the place of an error it reports only in its text: `(7:1-7:34)`. */
function placeInReason(reason: string): { line: number; column: number } | null {
  const m = /\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(reason);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : null;
}

/** micromark-mdx's "Expected a closing tag for `<X>` (l:c-l:c)" in the house wording, the place being the tag. */
function unclosedTag(reason: string): string | null {
  const m = /^Expected a closing tag for `<([^>]*)>`/.exec(reason);
  return m ? `Unexpected unclosed \`<${m[1]}>\`, expected a closing \`</${m[1]!.split(/\s/)[0]}>\` before the end of its paragraph or the file` : null;
}

/** Parses a policy's MDX text. A syntax error in the MDX itself becomes a positioned message, not a throw. */
export function parseMdx(file: string, text: string): ParsedMdx {
  try {
    return extract(file, text, parseMdxTree(text));
  } catch (error) {
    const e = error as { reason?: string; message: string; place?: { line?: number; column?: number; start?: { line: number; column: number } } };
    const place = e.place && 'start' in e.place && e.place.start ? e.place.start : e.place?.line ? { line: e.place.line, column: e.place.column ?? 1 } : placeInReason(e.reason ?? e.message) ?? { line: 1, column: 1 };
    return {
      file, text, lines: new LineIndex(text), frontmatter: null, blocks: [], notes: [], headings: [],
      messages: [{ file, place: { line: place.line ?? 1, column: place.column ?? 1 }, reason: unclosedTag(e.reason ?? e.message) ?? `Could not parse MDX: ${e.reason ?? e.message}`, ruleId: 'mdx-syntax', severity: 'error' }],
    };
  }
}

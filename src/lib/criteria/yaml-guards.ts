/**
 * What a policy's YAML may not contain, found before anything reads the values (issue #11): tabs in
 * indentation (one clear message per line instead of a cascade of YAML errors), anchors and aliases (a
 * self-referencing alias or an alias bomb would crash every reader), nesting deeper than MAX_DEPTH, and
 * control characters in text. Each problem is an offset in the YAML text; YamlSource positions it.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document } from 'yaml';

export const MAX_DEPTH = 64;
export type YamlProblem = { offset: number; reason: string; ruleId: string };

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Tabs in the indentation of a line: YAML indents with spaces only. */
export function tabProblems(text: string): YamlProblem[] {
  const out: YamlProblem[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const indent = /^[ \t]*/.exec(line)![0];
    const tab = indent.indexOf('\t');
    // A tab-only or blank line is harmless; a tab before content breaks the structure.
    if (tab >= 0 && indent.length < line.replace(/\r$/, '').length) out.push({ offset: start + tab, reason: 'Unexpected tab in indentation, expected spaces (YAML indents with spaces only)', ruleId: 'yaml-tab' });
    start += line.length + 1;
  }
  return out;
}

/** Anchors, aliases, depth and control characters, walking the parsed nodes without recursion. */
export function nodeProblems(doc: Document): YamlProblem[] {
  const out: YamlProblem[] = [];
  let tooDeep = false;
  /** One message per anchor name (an alias bomb names a few anchors many times). */
  const named = new Set<string>();
  const stack: Array<{ node: unknown; depth: number }> = [{ node: doc.contents, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    const at = (node as { range?: [number, number, number] }).range?.[0] ?? 0;
    if (isAlias(node)) {
      if (named.has(node.source)) continue;
      named.add(node.source);
      out.push({ offset: at, reason: `Unexpected alias \`*${node.source}\`, expected the value written out (anchors and aliases are not allowed in policies)`, ruleId: 'yaml-alias' });
      continue;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor && !named.has(anchor)) {
      named.add(anchor);
      out.push({ offset: at, reason: `Unexpected anchor \`&${anchor}\`, expected the value written out (anchors and aliases are not allowed in policies)`, ruleId: 'yaml-alias' });
    }
    if (depth > MAX_DEPTH) {
      if (!tooDeep) out.push({ offset: at, reason: `Unexpected nesting deeper than ${MAX_DEPTH} levels, expected a flatter structure`, ruleId: 'yaml-depth' });
      tooDeep = true;
      continue;
    }
    if (isScalar(node)) {
      const ch = typeof node.value === 'string' ? CONTROL.exec(node.value) : null;
      if (ch) out.push({ offset: at, reason: `Unexpected control character ${codePoint(ch[0])} in text, expected printable characters`, ruleId: 'control-character' });
    } else if (isMap(node) || isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i];
        if (isPair(item)) {
          stack.push({ node: item.value, depth: depth + 1 });
          stack.push({ node: item.key, depth: depth + 1 });
        } else stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

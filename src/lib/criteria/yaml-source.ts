/** YAML parsing that keeps positions: any path into the data maps back to file:line:column. */
import { parseDocument, isMap, isSeq, isScalar, isPair, type Document, type Node as YamlNode } from 'yaml';
import type { LineIndex, Message, Place } from './messages.ts';
import type { YamlRegion } from './parse.ts';
import type { PathKey } from './path.ts';
import { MAX_DEPTH, nodeProblems, tabProblems } from './yaml-guards.ts';

/** `a.b[0].c`: how paths are printed to authors (array indexes in brackets); see path.ts. */
export { formatPath, type PathKey } from './path.ts';

export class YamlSource {
  readonly value: unknown;
  readonly #doc: Document;
  readonly #region: YamlRegion;
  readonly #lines: LineIndex;
  readonly errors: Array<{ place: Place; reason: string; ruleId?: string }> = [];

  constructor(region: YamlRegion, lines: LineIndex) {
    this.#region = region;
    this.#lines = lines;
    // Tabs first: parsing tab-indented YAML gives a cascade of misleading errors (see yaml-guards.ts).
    const tabs = tabProblems(region.text);
    this.#doc = parseDocument(tabs.length ? '' : region.text, { prettyErrors: false, uniqueKeys: true });
    for (const e of this.#doc.errors) {
      const overflow = /call stack/i.test(e.message); // the parser recursed past the stack: nesting far too deep
      if (overflow && this.errors.some((x) => x.ruleId === 'yaml-depth')) continue; // once, not once per level
      this.errors.push({ place: this.#at(e.pos[0]), reason: overflow ? `Unexpected nesting deeper than ${MAX_DEPTH} levels, expected a flatter structure` : `Invalid YAML: ${e.message.split('\n')[0]}`, ...(overflow && { ruleId: 'yaml-depth' }) });
    }
    for (const p of [...tabs, ...(this.#doc.errors.length ? [] : nodeProblems(this.#doc))]) this.errors.push({ place: this.#at(p.offset), reason: p.reason, ruleId: p.ruleId });
    this.value = this.errors.length ? undefined : this.#doc.toJS();
  }

  #at(offset: number): Place {
    return this.#lines.place(this.#region.offset + offset);
  }

  #node(path: readonly PathKey[]): YamlNode | null {
    let node: unknown = this.#doc.contents;
    for (const key of path) {
      if (isMap(node)) node = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key)?.value;
      else if (isSeq(node) && typeof key === 'number') node = node.items[key];
      else return null;
      if (node == null) return null;
    }
    return node as YamlNode;
  }

  /** Where the value at `path` starts; falls back to the nearest ancestor that exists. */
  place(path: readonly PathKey[]): Place {
    for (let n = path.length; n >= 0; n--) {
      const node = this.#node(path.slice(0, n));
      if (node?.range) return this.#at(node.range[0]);
    }
    return this.#at(0);
  }

  /** Where the key `key` of the map at `path` is written (for unexpected keys). */
  keyPlace(path: readonly PathKey[], key: string): Place {
    const map = this.#node(path);
    if (isMap(map)) {
      const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range) return this.#at(pair.key.range[0]);
    }
    return this.place(path);
  }

  message(file: string, path: readonly PathKey[], reason: string, ruleId: string, severity: Message['severity'] = 'error'): Message {
    return { file, place: this.place(path), reason, ruleId, severity };
  }
}

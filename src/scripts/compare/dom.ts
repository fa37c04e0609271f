/** Building DOM from data with text only: nothing a case or a result holds is ever parsed as HTML. */
type Attrs = Record<string, string | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  el.append(...children); // strings become text nodes
  return el;
}

/** Sets text only when it changed (skips needless style work on every update). */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

export function setClass(el: Element, className: string): void {
  if (el.className !== className) el.className = className;
}

/** Values and lists as the one-line test form writes them: `8`, `true`, `medicare`, `[commercial, medicaid]`. */

export type Scalar = string | number | boolean;

export function parseScalar(text: string): Scalar {
  const t = text.trim();
  if (/^-?\d+(?:\.\d+)?$/.test(t)) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^".*"$/.test(t)) return JSON.parse(t) as string;
  return t;
}

export function formatScalar(v: Scalar): string {
  if (typeof v !== 'string') return String(v);
  // Bare when it reads back as the same string.
  return /^[A-Za-z][\w.-]*$/.test(v) && v !== 'true' && v !== 'false' ? v : JSON.stringify(v);
}

/** `[a, b]` → its items, or null when the text is not a bracketed list. */
export function parseList(text: string): Scalar[] | null {
  const t = text.trim();
  if (!t.startsWith('[') || !t.endsWith(']')) return null;
  const inner = t.slice(1, -1).trim();
  return inner ? inner.split(',').map(parseScalar) : [];
}

export const formatList = (values: readonly Scalar[]) => `[${values.map(formatScalar).join(', ')}]`;

/**
 * Permalinks: `/compare/#case=<base64url of the case's UTF-8 JSON>`. Decoding never trusts the hash: bad
 * base64, bad JSON and invalid cases come back as problems with field paths, for the page to show as text.
 */
import { caseSchema, type Case } from './case-schema.ts';
import { caseJson } from './case-text.ts';
import { describeIssues, formatProblems } from './zod-messages.ts';

const MAX_HASH_LENGTH = 20_000;

export function encodeCase(c: Case): string {
  const bytes = new TextEncoder().encode(JSON.stringify(c));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function permalink(c: Case, base = '/compare/'): string {
  return `${base}#case=${encodeCase(c)}`;
}

export type Decoded = { ok: true; case: Case } | { ok: false; problems: string[] };

export function decodeCase(encoded: string): Decoded {
  if (encoded.length > MAX_HASH_LENGTH) return { ok: false, problems: [`The link is too long (${encoded.length} characters, at most ${MAX_HASH_LENGTH}).`] };
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) return { ok: false, problems: ['The link is not base64url: it has characters outside A–Z, a–z, 0–9, - and _.'] };
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(encoded.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0));
  } catch {
    return { ok: false, problems: ['The link is not base64url: its length does not fit.'] };
  }
  // Same reading as the CLI's FILE (case-text.ts): invalid UTF-8 refused, a leading BOM accepted.
  const json = caseJson(bytes);
  if (!json.ok) return { ok: false, problems: [json.problem === 'not UTF-8 text' ? 'The link does not decode to UTF-8 text.' : `The link's case is ${json.problem}`] };
  const value = json.value;
  const r = caseSchema.safeParse(value);
  return r.success ? { ok: true, case: r.data } : { ok: false, problems: formatProblems(describeIssues(r.error.issues, value)) };
}

/** Reads `#case=…` from a location hash; null when the hash carries no case. */
export function caseFromHash(hash: string): Decoded | null {
  const m = /^#?(?:.*&)?case=([^&]*)/.exec(hash);
  return m ? decodeCase(m[1]!) : null;
}

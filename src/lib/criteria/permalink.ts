/**
 * Permalinks: `/compare/#case=<base64url of the case's UTF-8 JSON>`. Decoding never trusts the hash: bad
 * base64, bad JSON and invalid cases come back as problems with field paths, for the page to show as text.
 */
import { caseSchema, type Case } from './case-schema.ts';
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
  let json: string;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    json = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
  } catch {
    return { ok: false, problems: ['The link does not decode to UTF-8 text.'] };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    return { ok: false, problems: [`The link's case is not JSON: ${(e as Error).message}`] };
  }
  const r = caseSchema.safeParse(value);
  return r.success ? { ok: true, case: r.data } : { ok: false, problems: formatProblems(describeIssues(r.error.issues, value)) };
}

/** Reads `#case=…` from a location hash; null when the hash carries no case. */
export function caseFromHash(hash: string): Decoded | null {
  const m = /^#?(?:.*&)?case=([^&]*)/.exec(hash);
  return m ? decodeCase(m[1]!) : null;
}

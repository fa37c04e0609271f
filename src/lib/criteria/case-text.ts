/**
 * Bytes → the JSON value of a case (or of an array of cases), the same way for every reader: the CLI's FILE or
 * stdin and the /compare/ permalink. Invalid UTF-8 is refused (never replaced with U+FFFD, which would
 * evaluate text nobody wrote); one leading byte-order mark is accepted, as editors on Windows write it.
 */
export type CaseText = { ok: true; value: unknown } | { ok: false; problem: string };

export function caseJson(bytes: Uint8Array): CaseText {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops one leading BOM
  } catch {
    return { ok: false, problem: 'not UTF-8 text' };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, problem: `not JSON: ${(e as Error).message}` };
  }
}

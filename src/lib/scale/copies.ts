/**
 * The scale fixture (issue #18): a site of N payers made from the real policies under new payer ids
 * (`cohere-c1`, `excellus-c1`, …), so that the build, the pages and the pair analysis can be measured and tested
 * at 20 or 50 payers. A copy is the same criteria under another payer: every pair of a policy and its copy must
 * agree everywhere, which checks the pair analysis.
 */

export type PolicySource = { name: string; text: string };

const FRONTMATTER = /^---\n([\s\S]*?)\n---\n/;

/** The payer id a policy file declares in its frontmatter (`payer: cohere`). */
export function payerIdOf(text: string): string {
  const id = FRONTMATTER.exec(text)?.[1]?.match(/^payer:\s*(\S+)\s*$/m)?.[1];
  if (!id) throw new Error('Missing `payer:` in the frontmatter, expected a policy file');
  return id;
}

/** The same policy under another payer id and name: only the frontmatter's `payer` and `payerName` change. */
export function copyPolicy(text: string, copy: number): { payer: string; text: string } {
  const match = FRONTMATTER.exec(text);
  if (!match) throw new Error('Missing frontmatter, expected a policy file');
  const payer = `${payerIdOf(text)}-c${copy}`;
  const frontmatter = (match[1] ?? '')
    .replace(/^payer:\s*\S+\s*$/m, `payer: ${payer}`)
    .replace(/^payerName:\s*(.+?)\s*$/m, (_, name: string) => `payerName: ${JSON.stringify(copyName(unquote(name), copy))}`);
  return { payer, text: `---\n${frontmatter}\n---\n${text.slice(match[0].length)}` };
}

/**
 * "Cigna (eviCore)" → "Cigna copy 1 (eviCore)": the copy's number goes before any parenthetical note, since the
 * pages' short names drop those notes and every copy must still be told apart.
 */
function copyName(name: string, copy: number): string {
  const note = name.indexOf(' (');
  return note < 0 ? `${name} copy ${copy}` : `${name.slice(0, note)} copy ${copy}${name.slice(note)}`;
}

function unquote(yamlScalar: string): string {
  return /^["']/.test(yamlScalar) ? (JSON.parse(yamlScalar.replace(/^'(.*)'$/, '"$1"')) as string) : yamlScalar;
}

/**
 * N policy files: the originals first, then copy 1 of each, copy 2 of each, … (so any N mixes every policy).
 * Files are named by payer id.
 */
export function scaledPolicies(originals: readonly PolicySource[], n: number): PolicySource[] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`Unexpected payer count \`${n}\`, expected a whole number ≥ 1`);
  const sorted = [...originals].sort((a, b) => a.name.localeCompare(b.name));
  const out: PolicySource[] = [];
  for (let i = 0; out.length < n; i++) {
    const source = sorted[i % sorted.length]!;
    const copy = Math.floor(i / sorted.length);
    if (copy === 0) out.push({ name: `${payerIdOf(source.text)}.mdx`, text: source.text });
    else {
      const c = copyPolicy(source.text, copy);
      out.push({ name: `${c.payer}.mdx`, text: c.text });
    }
  }
  return out;
}

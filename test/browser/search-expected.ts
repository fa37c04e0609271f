/**
 * What the search should find, derived from the policies themselves (their MDX text and validated models),
 * never from the index: which payers speak of a query, which code rows and levels nodes it should land on.
 */
import { readFileSync } from 'node:fs';
import { loadModels } from '../../src/lib/criteria/load.ts';
import type { PolicyModel } from '../../src/lib/criteria/model.ts';
import { covers } from '../../src/lib/search/level-alias.ts';
import { queryLevels } from '../../src/lib/search/query.ts';
import type { Level } from '../../src/lib/criteria/levels.ts';

/** The queries issue #5 names. */
export const QUERIES = {
  code: ['22513', '0200T', 'C1062', 'M80.08XA'],
  device: ['Kiva', 'SpineJack', 'StabiliT'],
  level: ['T1-T4', 'T5-L5'],
  term: ['sacroplasty', 'vertebra plana', 'osteoporosis program', 'myeloma'],
} as const;
export const ALL_QUERIES: string[] = Object.values(QUERIES).flat();

type Policy = { model: PolicyModel; compounds: string[]; words: string[] };

/** Lower-case tokens; en and em dashes read as hyphens. `compounds` keep hyphenated words whole, `words` split them. */
function tokens(text: string): { compounds: string[]; words: string[] } {
  const compounds = text.toLowerCase().replace(/[–—‐]/g, '-').split(/[^a-z0-9.\-]+/).map((t) => t.replace(/^[.-]+|[.-]+$/g, '')).filter(Boolean);
  return { compounds, words: compounds.flatMap((c) => c.split('-')).map((w) => w.replace(/^\.+|\.+$/g, '')).filter(Boolean) };
}

const { models } = loadModels();
export const POLICIES: Policy[] = models.map((model) => ({ model, ...tokens(readFileSync(model.file, 'utf8')) }));

/** The levels nodes of a policy whose range covers every level a range query names. */
export function coveringNodes(model: PolicyModel, query: string): string[] {
  const levels = queryLevels(query) as Level[] | null;
  if (!levels) return [];
  return model.nodes.flatMap((n) => (n.kind === 'levels' && covers(n, levels) ? [n.id] : []));
}

/**
 * Does the policy's text speak of the query? One word (or code, or written range) must occur as a token; several
 * words must occur in order within five words of each other ("osteoporosis treatment and prevention program").
 */
export function mentions(p: Policy, query: string): boolean {
  const q = tokens(query);
  if (q.compounds.length === 1) return (q.compounds[0]!.includes('-') ? p.compounds : p.words).includes(q.compounds[0]!);
  return p.words.some((w, i) => w === q.words[0] && q.words.slice(1).every((next, k) => p.words.slice(i + 1, i + 6 + k * 5).includes(next)));
}

/** Payers (ids) whose policy speaks of the query; for a level range, also those with a node that covers it. */
export function expectedPayers(query: string, { coverage }: { coverage: boolean }): string[] {
  return POLICIES.filter((p) => mentions(p, query) || (coverage && coveringNodes(p.model, query).length > 0)).map((p) => p.model.payer).sort();
}

/**
 * The loosest reading a result must satisfy not to be fake: every query word (or a stem of it, as Pagefind
 * matches) occurs somewhere in the policy, or a levels node covers the range.
 */
export function plausiblePayers(query: string): string[] {
  const q = tokens(query).words;
  const stem = (w: string) => w.slice(0, Math.max(4, w.length - 2));
  return POLICIES.filter((p) => q.every((w) => p.words.some((t) => t.startsWith(stem(w)))) || coveringNodes(p.model, query).length > 0)
    .map((p) => p.model.payer).sort();
}

/** Payers listing the code in a ```codes block, whose page therefore has the row `#code-<code>`. */
export function listingPayers(code: string): string[] {
  return models.filter((m) => m.codes.some((b) => b.codes.some((c) => c.code === code))).map((m) => m.payer).sort();
}

export const payerName = (payer: string) => models.find((m) => m.payer === payer)!.meta.payerName;

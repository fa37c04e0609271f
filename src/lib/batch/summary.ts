/**
 * A tally → the impact summary in words: per payer the share of each decision and deny category, the most
 * frequent deciding criteria (by node, with their labels and sections) and missing facts (with the form's
 * titles); per pair of payers how many cases change decision and in which direction.
 */
import type { PolicyModel } from '../criteria/model.ts';
import { FACTS_BY_PATH } from '../criteria/facts.ts';
import { DECISION_LABEL, categoryWords, payerName } from '../compare/words.ts';
import type { Decision, DenyCategory } from '../criteria/block-schema.ts';
import type { Counts, Tally } from './tally.ts';

const TOP = 5;
const share = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : 0);
const sorted = (c: Counts) => Object.entries(c).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

/** The form's words for a missing fact: `conservativeCare.therapies[1].weeks` → "Therapies tried › Weeks (therapy 2)". */
export function factTitle(path: string): string {
  const item = /^(.*)\[(\d+)\]\.(\w+)$/.exec(path);
  if (item) return `${FACTS_BY_PATH.get(item[1]!)?.title ?? item[1]} › ${item[3] === 'weeks' ? 'Weeks' : item[3] === 'outcome' ? 'Outcome' : item[3]} (item ${Number(item[2]) + 1})`;
  return FACTS_BY_PATH.get(path)?.title ?? path;
}

/** "approve" / "deny:investigational" → "Approve", "Deny (investigational)". */
export function outcomeLabel(key: string): string {
  const [decision, category] = key.split(':') as [Decision, DenyCategory | undefined];
  return category ? `${DECISION_LABEL[decision]} (${categoryWords(category)})` : DECISION_LABEL[decision];
}

export type PayerSummary = {
  payer: string;
  name: string;
  cases: number;
  decisions: Array<{ decision: string; label: string; cases: number; share: number }>;
  categories: Array<{ category: string; label: string; cases: number; share: number }>;
  reasons: Array<{ node: string; label: string; source: string; cases: number }>;
  missing: Array<{ fact: string; title: string; cases: number }>;
};
export type PairSummary = { a: string; b: string; changed: number; share: number; directions: Array<{ from: string; to: string; label: string; cases: number }> };
export type Summary = {
  cases: number;
  payers: PayerSummary[];
  pairs: PairSummary[];
  by: { field: string; title: string; groups: Array<{ value: string; cases: number; payers: Array<{ payer: string; decisions: Counts }> }> } | null;
};

export function summarize(t: Tally, models: readonly PolicyModel[]): Summary {
  const model = (payer: string) => models.find((m) => m.payer === payer)!;
  const payers = t.payers.map((payer): PayerSummary => {
    const m = model(payer);
    const node = (id: string) => m.nodes.find((n) => n.id === id);
    return {
      payer,
      name: payerName(m),
      cases: t.cases,
      decisions: sorted(t.decisions[payer]!).map(([decision, cases]) => ({ decision, label: outcomeLabel(decision), cases, share: share(cases, t.cases) })),
      categories: sorted(t.categories[payer]!).map(([category, cases]) => ({ category, label: categoryWords(category as DenyCategory), cases, share: share(cases, t.cases) })),
      reasons: sorted(t.reasons[payer]!).slice(0, TOP).map(([id, cases]) => ({ node: id, label: node(id)?.label ?? id, source: node(id)?.source ?? '', cases })),
      missing: sorted(t.missing[payer]!).slice(0, TOP).map(([fact, cases]) => ({ fact, title: factTitle(fact), cases })),
    };
  });
  const pairs: PairSummary[] = [];
  for (let i = 0; i < t.payers.length; i++) {
    for (let j = i + 1; j < t.payers.length; j++) {
      const [a, b] = [t.payers[i]!, t.payers[j]!];
      const counts = t.pairs[`${a}|${b}`] ?? {};
      const changed = Object.values(counts).reduce((x, y) => x + y, 0);
      const directions = sorted(counts).map(([k, cases]) => {
        const [from, to] = k.split('>') as [string, string];
        return { from, to, label: `${payerName(model(a))} ${outcomeLabel(from).toLowerCase()} → ${payerName(model(b))} ${outcomeLabel(to).toLowerCase()}`, cases };
      });
      pairs.push({ a, b, changed, share: share(changed, t.cases), directions });
    }
  }
  pairs.sort((x, y) => y.changed - x.changed);
  const by = t.by && {
    field: t.by.field,
    title: FACTS_BY_PATH.get(t.by.field)?.title ?? t.by.field,
    groups: sorted(Object.fromEntries(Object.entries(t.by.groups).map(([g, per]) => [g, Object.values(Object.values(per)[0] ?? {}).reduce((x, y) => x + y, 0)])))
      .map(([value, cases]) => ({ value, cases, payers: t.payers.map((payer) => ({ payer, decisions: t.by!.groups[value]![payer] ?? {} })) })),
  };
  return { cases: t.cases, payers, pairs, by };
}

/** The summary as text for a terminal. */
export function formatSummary(s: Summary): string {
  const lines: string[] = [`${s.cases.toLocaleString('en-US')} cases`];
  for (const p of s.payers) {
    lines.push('', `## ${p.name}`);
    for (const d of p.decisions) lines.push(`  ${d.label.padEnd(34)} ${String(d.cases).padStart(9)}  ${d.share.toFixed(1).padStart(5)} %`);
    if (p.reasons.length) lines.push('  most frequent deciding criteria:', ...p.reasons.map((r) => `    ${String(r.cases).padStart(9)}  ${r.label}${r.source ? ` (${r.source})` : ''}`));
    if (p.missing.length) lines.push('  most frequent missing facts:', ...p.missing.map((m) => `    ${String(m.cases).padStart(9)}  ${m.title}`));
  }
  lines.push('', '## Where payers differ (cases whose decision changes between the two)');
  for (const pair of s.pairs) {
    const [a, b] = [s.payers.find((p) => p.payer === pair.a)!.name, s.payers.find((p) => p.payer === pair.b)!.name];
    lines.push(`  ${a} vs ${b}: ${pair.changed} (${pair.share.toFixed(1)} %)`, ...pair.directions.slice(0, TOP).map((d) => `    ${String(d.cases).padStart(9)}  ${d.label}`));
  }
  if (s.by) {
    lines.push('', `## By ${s.by.title}`);
    for (const g of s.by.groups) {
      lines.push(`  ${g.value} (${g.cases} cases)`);
      for (const p of g.payers) {
        const name = s.payers.find((x) => x.payer === p.payer)!.name;
        lines.push(`    ${name.padEnd(30)} ${sorted(p.decisions).map(([d, n]) => `${outcomeLabel(d)} ${n}`).join(', ')}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The exported ELM against the site, case by case: every criteria node's value (cql-execution's define against
 * the compiled trace), the Kleene decision ("Criteria decision" and "Deny category" against decide.ts's
 * kleeneDecision) and the decision itself ("Decision" against decide()). Where the CQL leaves a case open
 * (needs-information) the site may still decide it by its exact search over the facts' completions (exact.ts):
 * counted as `settledBySite`, not a difference; a decided CQL result must equal the site's.
 */
import type { CompiledPolicy } from '../criteria/compile.ts';
import { decide, kleeneDecision, versionOn } from '../criteria/decide.ts';
import { TRUTH_NAMES } from '../criteria/kleene.ts';
import { versionsOf } from './canonical.ts';
import { buildElmLibrary, type ElmLibrary } from './library.ts';
import { elmRunner, truthOf, type ElmRunner } from './run-elm.ts';

export type Tally = {
  cases: number;
  /** Node values compared (cases × nodes of the version). */
  nodeValues: number;
  decisions: number;
  /** The site's decisions, counted. */
  byDecision: Record<string, number>;
  /** Cases the CQL leaves open that the site's exact search decides. */
  settledBySite: number;
  differences: string[];
};

type Prepared = { version: string; built: ElmLibrary; run: ElmRunner };

/** One library and one executor per version, built once and reused for every case. */
export function equivalenceChecker(policy: CompiledPolicy) {
  const { model } = policy;
  const versions: Prepared[] = versionsOf(model).map((v) => {
    const built = buildElmLibrary(model, v);
    return { version: v.version, built, run: elmRunner(built) };
  });
  const tally: Tally = { cases: 0, nodeValues: 0, decisions: 0, byDecision: {}, settledBySite: 0, differences: [] };
  const differ = (c: unknown, what: string) => {
    if (tally.differences.length < 20) tally.differences.push(`${model.payer}: ${what} for ${JSON.stringify(c)}`);
    else tally.differences.length++;
  };

  async function check(c: unknown): Promise<void> {
    const date = (c as { dateOfService?: string }).dateOfService;
    const v = versionOn(model, date) ?? versionsOf(model)[0]!;
    const p = versions.find((x) => x.version === v.version)!;
    const r = await p.run(c);
    tally.cases++;
    const trace = policy.trace(c);
    for (const d of p.built.nodeDefines) {
      tally.nodeValues++;
      const got = truthOf(r[d.name]);
      if (got !== trace[d.node]) differ(c, `node ${d.name}: CQL ${TRUTH_NAMES[got]}, site ${TRUTH_NAMES[trace[d.node]!]}`);
    }
    const kleene = kleeneDecision(model, p.version, policy.blocks(c));
    const want = kleene ? kleene.decision : 'needs-information';
    const wantCategory = kleene?.decision === 'deny' ? kleene.category ?? null : null;
    if (r['Criteria decision'] !== want || (r['Deny category'] ?? null) !== wantCategory) {
      differ(c, `Criteria decision: CQL ${String(r['Criteria decision'])}/${String(r['Deny category'])}, site ${want}/${String(wantCategory)}`);
    }
    const site = decide(policy, c, { explain: false });
    tally.decisions++;
    tally.byDecision[site.decision] = (tally.byDecision[site.decision] ?? 0) + 1;
    const cql = r.Decision as string;
    if (cql === 'needs-information' && site.decision !== 'needs-information') tally.settledBySite++;
    else if (cql !== site.decision) differ(c, `Decision: CQL ${cql}, site ${site.decision}`);
    else if (r['Deny category'] != null && cql === 'deny' && r['Deny category'] !== site.category) differ(c, `Deny category: CQL ${String(r['Deny category'])}, site ${String(site.category)}`);
  }
  return { check, tally, versions };
}

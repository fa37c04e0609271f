/**
 * The analysis as the site sees it: computed at build from the compiled policies (POLICIES) and the bundled
 * public examples, once per build process and shared by /disagreements/ and the per-pair pages. Nothing is
 * kept between builds, so changing a threshold in a policy changes the pages.
 */
import { PUBLIC_EXAMPLES } from '../criteria/public-cases.ts';
import { POLICIES } from '../site/policies.ts';
import { analyse } from './analyse.ts';
import { defaultAnchors } from './anchors.ts';
import type { Analysis } from './types.ts';

let analysis: Analysis | undefined;

export function siteAnalysis(): Analysis {
  analysis ??= analyse(POLICIES, { anchors: defaultAnchors(PUBLIC_EXAMPLES, POLICIES) });
  return analysis;
}

export function payerNames(a: Analysis): Map<string, string> {
  return new Map(a.payers.map((p) => [p.id, p.name]));
}

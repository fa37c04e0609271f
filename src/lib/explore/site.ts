/**
 * The overview as the site sees it: computed at build from the compiled policies (POLICIES) and the bundled
 * public examples, once per build process. Linear in the payer count: pairs are analysed on demand in the
 * browser (pair.ts, src/scripts/disagreements/). Nothing is kept between builds.
 */
import { PUBLIC_EXAMPLES } from '../criteria/public-cases.ts';
import { POLICIES } from '../site/policies.ts';
import { defaultAnchors } from './anchors.ts';
import { overview, type Overview } from './overview.ts';

let computed: Overview | undefined;

export function siteOverview(): Overview {
  computed ??= overview(POLICIES, defaultAnchors(PUBLIC_EXAMPLES, POLICIES));
  return computed;
}

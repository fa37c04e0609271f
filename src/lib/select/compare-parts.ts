/**
 * What /compare/ carries in its HTML: the chooser's options, the payers of the default choice (their cards and
 * picture parts; the others' come from /compare/parts/<payer>/ when chosen) and the timeline axis for all payers.
 */
import type { CompiledPolicy } from '../criteria/compile.ts';
import { axisEnd, timelineRow } from '../pictures/timeline.ts';
import { defaultChoice, payerOptions } from './payer-choice.ts';

export function comparePageParts(all: readonly CompiledPolicy[]) {
  // Payers in name order, as on the home page and /criteria/: the chooser's list and the default choice.
  const policies = [...all].sort((a, b) => a.model.meta.payerName.localeCompare(b.model.meta.payerName));
  const options = payerOptions(policies.map((p) => p.model));
  const chosen = new Set(defaultChoice(options.map((o) => o.id)));
  return {
    /** Every payer, in name order. */
    policies,
    options,
    inline: policies.filter((p) => chosen.has(p.model.payer)),
    /** Payers whose parts are fetched on demand. */
    fetched: policies.filter((p) => !chosen.has(p.model.payer)),
    timelineEnd: axisEnd(policies.map((p) => timelineRow(p.model))),
  };
}

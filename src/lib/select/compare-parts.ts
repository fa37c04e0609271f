/**
 * What /compare/ carries in its HTML: the chooser's options, the payers of the default choice (their cards and
 * picture parts; the others' come from /compare/parts/<payer>/ when chosen) and the timeline axis for all payers.
 */
import type { CompiledPolicy } from '../criteria/compile.ts';
import { axisEnd, timelineRow } from '../pictures/timeline.ts';
import { defaultChoice, payerOptions } from './payer-choice.ts';

export type ComparePageParts = ReturnType<typeof partsOf>;

// /compare/ and each of its parts pages ask for the same answer: computed once per list of policies, not once per
// page (which made the build's work grow with the square of the payer count).
const computed = new WeakMap<readonly CompiledPolicy[], ComparePageParts>();

export function comparePageParts(all: readonly CompiledPolicy[]): ComparePageParts {
  let parts = computed.get(all);
  if (!parts) computed.set(all, (parts = partsOf(all)));
  return parts;
}

function partsOf(all: readonly CompiledPolicy[]) {
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

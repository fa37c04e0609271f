/** The result of one evaluation for one payer (case-format.md, "Result of one evaluation"). */
import type { Decision, DenyCategory } from './block-schema.ts';
import type { TruthName } from './kleene.ts';

export type Reason = {
  /** Node id (also the anchor on the policy page). */
  node: string;
  block: string;
  label: string;
  /** The payer's own section reference. */
  source: string;
  value: TruthName;
};

export type TraceEntry = {
  node: string;
  block: string;
  value: TruthName;
  /** The case facts a leaf read, with the values it saw (absent = unknown). */
  facts?: Record<string, unknown>;
};

/** An answer to a missing fact that decides the case on its own (exact.ts): "≥ 8" → approve. */
export type Answer = {
  answer: string;
  decision: 'approve' | 'deny' | 'individual-review';
  category?: DenyCategory;
};

export type Result = {
  payer: string;
  /** Policy id and the version that applied; null when none is in effect. */
  policy: { id: string; title: string; version: string | null };
  decision: Decision;
  category?: DenyCategory;
  /** Plain-language summary of why. */
  summary: string;
  reasons: Reason[];
  /** For needs-information: the case fields that would settle it. */
  missing: string[];
  /** Addition: for missing facts with short answers, the answers that would decide the case, and how. */
  settles?: Record<string, Answer[]>;
  /** Addition: the exact search reached its bound; the result is the sound Kleene one and may ask for more. */
  conservative?: true;
  trace?: TraceEntry[];
};

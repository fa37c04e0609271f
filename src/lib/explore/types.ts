/** The analysis as data: what the page renders, the CLI prints as JSON and the tests check. */
import type { Case } from '../criteria/case-schema.ts';
import type { TruthName } from '../criteria/kleene.ts';
import type { NamedDifference } from './differences.ts';
import type { DifferenceKind, OutcomeKey } from './outcome.ts';

export type Anchor = {
  /** `subacute-osteoporotic-l3` (a public example) or `cohere/chronic-fracture` (a policy's example). */
  name: string;
  summary: string;
  case: Case;
};

/** One field changed from the anchor, in words: "request.levels: [L3] → [T2]". */
export type Change = { field: string; from: unknown; to: unknown; words: string };

/** A criterion (or block, or the version rule) that explains one side of a disagreement. */
export type SideNode = {
  id: string;
  label: string;
  kind: 'node' | 'block' | 'version';
  /** Title of the block it belongs to ("Indications"); for the version rule, "Versions". */
  block: string;
  /** The node's value on the witness case (nodes only). */
  value?: TruthName;
  /** Its value on the anchor, when that differs. */
  was?: TruthName;
  /** `/policies/<payer>/#<id>` */
  href: string;
};

export type Side = {
  payer: string;
  outcome: OutcomeKey;
  /**
   * The criteria on the deciding path that read the changed fields. When none do (the payer has no criterion
   * on them), the deciding blocks instead, and `direct` is false.
   */
  nodes: SideNode[];
  direct: boolean;
  /** Ids of the responsible criteria whose value differs from the anchor's: what the theme is made of. */
  changed: string[];
};

export type Witness = {
  pair: [string, string];
  kind: DifferenceKind;
  severity: number;
  /** Difference kind + the responsible ids on each side: witnesses that share it tell the same story. */
  theme: string;
  anchor: string;
  changes: Change[];
  case: Case;
  permalink: string;
  sides: [Side, Side];
  /** Found by a one-at-a-time sweep, or by a generated (multi-field) case, then minimized. */
  found: 'sweep' | 'generated';
};

export type PairSummary = {
  pair: [string, string];
  /** Named differences (see differences.ts): what the overview's matrix counts. */
  differences: number;
  themes: number;
  byKind: Partial<Record<DifferenceKind, number>>;
  worst: DifferenceKind | null;
};

/** For each payer, the values of one dimension at which it approves, from one anchor, in words. */
export type Boundary = {
  dimension: string;
  title: string;
  anchor: string;
  /** "an osteoporotic fracture" */
  anchorLabel: string;
  /** Along an ordered axis (levels, numbers, weeks, dates): the boundary is a threshold. */
  ordered: boolean;
  approved: Record<string, string>;
};

export type StripRow = {
  payer: string;
  outcomes: OutcomeKey[];
  /** The row in words, outcome by outcome: "approve: T1–L5". */
  words: string[];
};

export type Strip = {
  dimension: string;
  title: string;
  kind: string;
  anchor: string;
  anchorLabel: string;
  labels: string[];
  rows: StripRow[];
};

export type Analysis = {
  payers: Array<{ id: string; name: string }>;
  seed: number;
  size: {
    anchors: number;
    dimensions: number;
    sweepCases: number;
    generatedCases: number;
    /** Every case evaluated, sweeps + generated + minimization, each by every payer it was run on. */
    evaluations: number;
    casesEvaluated: number;
    witnessesConsidered: number;
  };
  matrix: PairSummary[];
  boundaries: Boundary[];
  strips: Strip[];
  /** Every pair's named differences, pair by pair in payer order. */
  differences: NamedDifference[];
  witnesses: Witness[];
};

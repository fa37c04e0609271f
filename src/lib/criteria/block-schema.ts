/**
 * The structure of what authors write in a policy: criteria blocks and their nodes, code tables, examples,
 * and the frontmatter. Structure only; the checks that need context (does the fact exist, does the value fit
 * it, are ids unique) live in validate.ts.
 */
import { z } from 'zod';
import { inputBehaviour, KIND_NAMES, type KindInput } from './kinds/registry.ts';

const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Expected a kebab-case id such as `ind-levels`');

export const DENY_CATEGORIES = ['not-medically-necessary', 'investigational', 'not-covered'] as const;
export type DenyCategory = (typeof DENY_CATEGORIES)[number];
export { COMPARISONS, type Comparison } from './kinds/ops.ts';
export { FACT_OPS, type FactOp } from './kinds/fact.ts';

const common = {
  /** Stable id, unique in the policy; also the node's HTML anchor. */
  id: kebab,
  /** The criterion in plain words, close to the payer's text. */
  label: z.string().min(1),
  /** The payer's own section reference; inherited from the parent when absent. */
  source: z.string().min(1).optional(),
  /** Id of an interpretation note about this node. */
  note: kebab.optional(),
  /** Criteria topics (src/lib/criteria/topics.ts) this node is about beyond those of the facts it reads. */
  topics: z.array(kebab).min(1).optional(),
};

type Common = { id: string; label: string; source?: string | undefined; note?: string | undefined; topics?: string[] | undefined };
/** A node as written in the long form (the one-line `test:` form is expanded into this first: test-form.ts). */
export type NodeInput = KindInput & Common;

/** The union of every kind's schema, in registry order. */
export const nodeSchema: z.ZodType<NodeInput> = z.lazy(() => z.discriminatedUnion('kind', KIND_NAMES.map((k) => inputBehaviour(k)!.schema(z, common, nodeSchema)) as never)) as unknown as z.ZodType<NodeInput>;

export const blockSchema = z.strictObject({
  id: kebab,
  /** indication: met → approve; exclusion: met → outcome; scope: NOT met → outcome. */
  role: z.enum(['indication', 'exclusion', 'scope']),
  title: z.string().min(1),
  source: z.string().min(1),
  outcome: z.enum(['deny', 'individual-review']).optional(),
  category: z.enum(DENY_CATEGORIES).optional(),
  note: kebab.optional(),
  /** Versions this block belongs to; every version when absent. */
  versions: z.array(z.string()).min(1).optional(),
  tree: nodeSchema,
});
export type BlockInput = z.output<typeof blockSchema>;

export const CODE_STANCES = ['criteria', 'investigational', 'not-medically-necessary', 'not-covered', 'listed'] as const;
export type CodeStance = (typeof CODE_STANCES)[number];

export const codesSchema = z.strictObject({
  source: z.string().min(1),
  codes: z.array(z.strictObject({
    code: z.string().regex(/^[A-Z0-9][A-Z0-9.]{2,9}$/, 'Expected a code such as `22513`, `0200T` or `M80.08XA`'),
    system: z.enum(['CPT', 'HCPCS', 'ICD-10-CM']),
    description: z.string().min(1),
    stance: z.enum(CODE_STANCES),
    note: z.string().optional(),
  })).min(1),
});
export type CodesInput = z.output<typeof codesSchema>;

export const DECISIONS = ['approve', 'deny', 'individual-review', 'needs-information', 'not-in-effect'] as const;
export type Decision = (typeof DECISIONS)[number];

export const exampleSchema = z.strictObject({
  name: kebab,
  /** The payer's clause the example exercises. */
  clause: z.string().min(1),
  /** A public example (../shared/cases/<name>.json) to start from. */
  base: z.string().optional(),
  /** The case, or the changes to `base`: objects merge, lists replace. */
  case: z.record(z.string(), z.unknown()).default({}),
  expect: z.strictObject({
    decision: z.enum(DECISIONS),
    category: z.enum(DENY_CATEGORIES).optional(),
    missing: z.array(z.string()).optional(),
  }),
});
export type ExampleInput = z.output<typeof exampleSchema>;

const date = z.union([z.date().transform((d) => d.toISOString().slice(0, 10)), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]);
/** A date as precise as the source prints it: `2026-05` for "May 2026". */
const printedDate = z.union([date, z.string().regex(/^\d{4}-\d{2}$/, 'Expected a date as YYYY-MM-DD or YYYY-MM')]);

/** Where the policy comes from, as the source document prints it (shown on the policy page and home page). */
const sourceSchema = z.strictObject({
  document: z.string().min(1),
  seed: z.string().min(1),
  /** The public document, only where the source's own text gives its address. */
  url: z.string().optional(),
  /** Who publishes the document. */
  publisher: z.string().min(1).optional(),
  /** Why the publisher is named so, where it is inferred rather than printed. */
  publisherNote: z.string().min(1).optional(),
  /** Last review date printed in the source. */
  lastReview: printedDate.optional(),
  /** Related public documents whose addresses the source prints (an LCD it adopts, …). */
  related: z.array(z.strictObject({ title: z.string().min(1), url: z.string().url() })).optional(),
  /** The revision history printed in the source, oldest first. */
  history: z.array(z.strictObject({ date: printedDate, version: z.string().min(1).optional(), change: z.string().min(1) })).optional(),
});

export const frontmatterSchema = z.strictObject({
  payer: kebab,
  payerName: z.string().min(1),
  payerNameNote: z.string().optional(),
  title: z.string().min(1),
  number: z.string(),
  summary: z.string().min(1),
  source: sourceSchema,
  procedures: z.array(z.enum(['vertebroplasty', 'kyphoplasty', 'sacroplasty', 'coccygeoplasty'])).min(1),
  versions: z.array(z.strictObject({
    version: z.string().min(1),
    effective: date,
    nextReview: date.optional(),
    /** The next review as the source prints it ("June 2026") where it gives no day. */
    nextReviewAsPrinted: z.string().min(1).optional(),
    until: date.optional(),
  })).min(1),
  unmetCategory: z.enum(DENY_CATEGORIES).default('not-medically-necessary'),
});
export type Frontmatter = z.output<typeof frontmatterSchema>;

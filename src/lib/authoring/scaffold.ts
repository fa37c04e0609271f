/**
 * `npm run new-policy -- <payer-id>`: the text of a new policy file that already passes `npm run check`
 * (frontmatter, one indication block, one exclusion, codes, examples on both sides of every threshold, one interpretation note), written
 * so that each part shows the author what to replace. The file is never overwritten.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { frontmatterSchema } from '../criteria/block-schema.ts';

export type ScaffoldOptions = {
  payer: string;
  /** Display name; default: the id in title case (`acme-health` → "Acme Health"). */
  payerName?: string | undefined;
  /** First day in effect, YYYY-MM-DD; default: today. */
  effective?: string | undefined;
};

/** Why an id cannot be a payer id, or null when it can. */
export function payerIdProblem(id: string): string | null {
  if (frontmatterSchema.shape.payer.safeParse(id).success) return null;
  return `Unexpected payer id \`${id}\`, expected a kebab-case id such as \`acme-health\` (lowercase letters, digits and single hyphens)`;
}

const titleCase = (id: string) => id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
const today = () => new Date().toISOString().slice(0, 10);

export function scaffoldPolicy({ payer, payerName = titleCase(payer), effective = today() }: ScaffoldOptions): string {
  const name = payerName.replace(/"/g, "'");
  return `---
payer: ${payer}
payerName: "${name}"
title: Vertebral Augmentation
number: ""                          # the payer's own policy number ("" when it has none)
summary: "${name}'s criteria for vertebroplasty and kyphoplasty. Rewrite as one or two sentences on what the policy covers: the home page shows them."
source:
  document: "${name} Medical Policy – Vertebral Augmentation"
  seed: none                        # the file in ../shared/seeds this transcription comes from
  url: ""
procedures: [vertebroplasty, kyphoplasty]
versions:
  - version: "1"
    effective: ${effective}         # first day in effect; add a version when the payer publishes one
unmetCategory: not-medically-necessary
---

This file was written by \`npm run new-policy\`. Transcribe ${name}'s policy section by section: prose for
context, one \`\`\`criteria block per list of criteria, each node citing the payer's own section. Keep
\`npm start\` running to see this page change as you save, and run \`npm run check\` before committing.
The block format is described at /authoring/.

## Indications

\`\`\`criteria
id: indications
role: indication
title: Indications
source: "Coverage Criteria › I"
tree:
  id: ind
  kind: all
  label: Vertebroplasty or kyphoplasty is medically necessary when ALL of the following are met
  of:
    - id: ind-osteoporotic
      test: diagnosis.etiology in [osteoporotic, steroid-induced]
      label: Painful osteoporotic vertebral compression fracture
    - id: ind-levels
      test: every level in T5-L5
      label: Fracture between T5 and L5
      note: levels-reading
    - id: ind-pain
      test: symptoms.painNrs >= 5
      # no label: generated from the test ("Pain (NRS/VAS) at least 5/10"); write one in the payer's words
    - id: ind-conservative
      test: therapies 1 of all failed weeks >= 6
      label: Conservative management failed after at least 6 weeks
\`\`\`

<Interpretation id="levels-reading" nodes="ind-levels">
Where the payer's text can be read two ways, say which reading the criteria encode and why. Here "a fracture
between T5 and L5" is read as every treated level lying within T5–L5.
</Interpretation>

## Contraindications

\`\`\`criteria
id: contraindications
role: exclusion
outcome: deny
category: not-medically-necessary
title: Contraindications
source: "Coverage Criteria › II"
tree:
  id: excl
  kind: any
  label: Not medically necessary when ANY of the following is present
  of:
    - id: excl-infection
      test: findings.activeInfection = true
      label: Active systemic infection
    - id: excl-coagulopathy
      test: findings.coagulopathyUncorrected = true
      label: Uncorrected coagulation disorder
\`\`\`

## Codes

\`\`\`codes
source: "Coding"
codes:
  - code: "22513"
    system: CPT
    description: Percutaneous vertebral augmentation including cavity creation (e.g., kyphoplasty), 1 vertebral body; thoracic
    stance: criteria
  - code: "22514"
    system: CPT
    description: Percutaneous vertebral augmentation including cavity creation (e.g., kyphoplasty), 1 vertebral body; lumbar
    stance: criteria
\`\`\`

## Examples

${example(effective, BOUNDARY_EXAMPLES[0]!)}

One example on each side of every threshold and level range: \`npm run check\` changes each by one step and
reports any change that no example notices.

${BOUNDARY_EXAMPLES.slice(1).map((e) => example(effective, e)).join('\n\n')}
`;
}

/** One example: the approved osteoporotic case at L1, with one fact moved (to each side of a threshold). */
type BoundaryExample = { name: string; clause: string; level?: string; pain?: number; weeks?: number; decision: 'approve' | 'deny' };

const BOUNDARY_EXAMPLES: BoundaryExample[] = [
  { name: 'osteoporotic-l1-approved', clause: 'Coverage Criteria › I', decision: 'approve' },
  { name: 't5-approved', clause: 'Coverage Criteria › I (T5 is the first level covered)', level: 'T5', decision: 'approve' },
  { name: 't4-denied', clause: 'Coverage Criteria › I (T4 is above the range)', level: 'T4', decision: 'deny' },
  { name: 'l5-approved', clause: 'Coverage Criteria › I (L5 is the last level covered)', level: 'L5', decision: 'approve' },
  { name: 's1-denied', clause: 'Coverage Criteria › I (S1 is below the range)', level: 'S1', decision: 'deny' },
  { name: 'pain-5-approved', clause: 'Coverage Criteria › I (pain 5 is enough)', pain: 5, decision: 'approve' },
  { name: 'pain-4-denied', clause: 'Coverage Criteria › I (pain 4 is not)', pain: 4, decision: 'deny' },
  { name: 'five-weeks-denied', clause: 'Coverage Criteria › I (5 weeks of conservative care are not enough)', weeks: 5, decision: 'deny' },
];

function example(effective: string, { name, clause, level = 'L1', pain = 7, weeks = 6, decision }: BoundaryExample): string {
  return `\`\`\`example
name: ${name}
clause: "${clause}"
case:
  dateOfService: ${effective}
  diagnosis: { etiology: osteoporotic }
  request: { levels: [${level}] }
  symptoms: { painNrs: ${pain} }
  conservativeCare: { therapies: [{ kind: physical-therapy, weeks: ${weeks}, outcome: failed }] }
  findings: { activeInfection: false, coagulopathyUncorrected: false }
expect:
  decision: ${decision}
\`\`\``;
}

export type NewPolicyResult = { ok: true; path: string } | { ok: false; reason: string; code: 1 | 2 };

/** Writes `<dir>/<payer>.mdx`; refuses an invalid id (code 2) and an existing file (code 1). */
export function writeNewPolicy(dir: string, options: ScaffoldOptions): NewPolicyResult {
  const problem = payerIdProblem(options.payer);
  if (problem) return { ok: false, reason: problem, code: 2 };
  if (options.effective !== undefined && !frontmatterSchema.shape.versions.element.shape.effective.safeParse(options.effective).success) {
    return { ok: false, reason: `Unexpected --effective \`${options.effective}\`, expected a date as YYYY-MM-DD`, code: 2 };
  }
  const path = join(dir, `${options.payer}.mdx`);
  try {
    writeFileSync(path, scaffoldPolicy(options), { flag: 'wx' }); // 'wx': fail rather than overwrite
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return { ok: false, reason: `Unexpected existing file ${path}, expected a payer id with no policy yet (new-policy never overwrites)`, code: 1 };
    throw e;
  }
  return { ok: true, path };
}

/**
 * `npm run export -- --out DIR`: writes each policy's FHIR files (src/lib/fhir/files.ts) to DIR/<payer-id>/ —
 * the same bytes the site serves at /policies/<payer-id>/fhir/ — without building the site. Every resource is
 * validated against the FHIR R4 StructureDefinitions first; a node kind with no ELM form is named. Exits 2 on
 * bad options, 1 when a policy is invalid, a kind is inexpressible or a resource fails validation.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadModels, policyFiles } from '../criteria/load.ts';
import { formatMessage } from '../criteria/messages.ts';
import { fhirFiles, fileText } from '../fhir/files.ts';
import { validateFhir } from '../fhir/validate.ts';
import { writeLines, type Io } from './io.ts';

const USAGE = 'Usage: npm run export -- --out DIR';

export async function exportCommand(argv: string[], io: Io): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { out: { type: 'string' } } });
  } catch (e) {
    await io.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!args.values.out) {
    await io.stderr.write(`Missing --out DIR, expected the folder to write the FHIR files to\n${USAGE}\n`);
    return 2;
  }
  const out = resolve(io.cwd, args.values.out);
  const { models, messages } = loadModels(policyFiles(resolve(io.cwd, io.env.POLICIES_DIR || 'src/content/policies')));
  const errors = messages.filter((m) => m.severity === 'error');
  if (errors.length) {
    await writeLines(io.stderr, [...errors.map(formatMessage), 'export: fix the policies above first (npm run check).']);
    return 1;
  }
  const lines: string[] = [];
  const problems: string[] = [];
  for (const model of models) {
    const { files, inexpressible } = fhirFiles(model);
    for (const kind of inexpressible) problems.push(`${model.payer}: node kind \`${kind}\` has no ELM form, expected one in src/lib/criteria/kinds/ (ELM_FORMS)`);
    const dir = join(out, model.payer);
    mkdirSync(dir, { recursive: true });
    for (const f of files) {
      for (const i of validateFhir(f.resource).filter((x) => x.severity === 'error')) problems.push(`${model.payer}/${f.name}: ${i.expression}: ${i.text}`);
      writeFileSync(join(dir, f.name), fileText(f));
      lines.push(`${relative(io.cwd, join(dir, f.name)) || f.name}`);
    }
  }
  await writeLines(io.stdout, [...lines, `export: ${lines.length} files for ${models.length} policies in ${relative(io.cwd, out) || '.'}; ${problems.length ? `${problems.length} problems (stderr)` : 'every resource valid (FHIR R4), every node kind expressed in ELM'}.`]);
  if (problems.length) await writeLines(io.stderr, problems);
  return problems.length ? 1 : 0;
}

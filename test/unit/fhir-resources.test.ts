/**
 * The exported FHIR resources: every Library and Questionnaire of every policy validates against the R4
 * StructureDefinitions (@medplum/core), the Library holds the CQL and ELM it says, and a QuestionnaireResponse
 * converts to a case and back without loss (empty answers stay unknown).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseSchema } from '../../src/lib/criteria/case-schema.ts';
import { versionBlocks } from '../../src/lib/criteria/decide.ts';
import { compare } from '../../src/lib/criteria/kinds/ops.ts';
import { importCompiled, loadModels } from '../../src/lib/criteria/load.ts';
import { thresholds } from '../../src/lib/criteria/thresholds.ts';
import { factGuards } from '../../src/lib/fhir/enable-when.ts';
import { factOf } from '../../src/lib/fhir/parameters.ts';
import { versionsOf } from '../../src/lib/fhir/canonical.ts';
import { fhirFiles, LIBRARY_FILE, QUESTIONNAIRE_FILE } from '../../src/lib/fhir/files.ts';
import { buildElmLibrary } from '../../src/lib/fhir/library.ts';
import { questionnaireResource, type Item } from '../../src/lib/fhir/questionnaire.ts';
import { caseToResponse, responseToCase, type ResponseItem } from '../../src/lib/fhir/response-mapping.ts';
import { validateFhir } from '../../src/lib/fhir/validate.ts';
import { flatten, partialCase, toCase } from '../fixtures/case-arbitrary.ts';
import { seedCases } from '../fixtures/seeds.ts';

const { models } = loadModels();
const decode = (data: unknown) => Buffer.from(String(data), 'base64').toString('utf8');

describe.each(models.map((m) => [m.payer, m] as const))('%s', (_payer, model) => {
  const { files, inexpressible } = fhirFiles(model);

  it('every node kind is expressed, and the files are the Library and the Questionnaire', () => {
    expect(inexpressible).toEqual([]);
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining([LIBRARY_FILE, QUESTIONNAIRE_FILE]));
  });

  it('every exported resource validates against the FHIR R4 StructureDefinitions with no errors', () => {
    for (const f of files) expect(validateFhir(f.resource).filter((i) => i.severity === 'error'), f.name).toEqual([]);
  });

  it('the Library holds CQL with one define per node (label and section as a comment), and the ELM', () => {
    const library = files.find((f) => f.name === LIBRARY_FILE)!.resource as { content: Array<{ contentType: string; data: string }> };
    const cql = decode(library.content.find((c) => c.contentType === 'text/cql')!.data);
    const elm = JSON.parse(decode(library.content.find((c) => c.contentType === 'application/elm+json')!.data)) as { library: { statements: { def: Array<{ name: string }> } } };
    const version = versionsOf(model).at(-1)!;
    const built = buildElmLibrary(model, version);
    expect(elm).toEqual(JSON.parse(JSON.stringify(built.elm)));
    for (const { node } of built.nodeDefines) {
      const n = model.nodes[node]!;
      expect(cql).toContain(`// ${n.label.replace(/\s+/g, ' ').trim()} (${n.source.replace(/\s+/g, ' ').trim()})\ndefine "${n.id}":`);
    }
    const names = elm.library.statements.def.map((d) => d.name);
    for (const b of model.blocks) expect(names).toContain(`Block ${b.id}`);
    expect(names).toEqual(expect.arrayContaining(['Decision', 'Deny category', 'In effect']));
    expect(new Set(names).size).toBe(names.length);
  });

  it('a question its enableWhen hides (a guard answered otherwise) cannot change any block, whatever its answer', async () => {
    const compiled = await importCompiled(model);
    const version = versionsOf(model).at(-1)!;
    const blocks = versionBlocks(model, version.version);
    const guarded = [...factGuards(model, new Set(blocks.map((b) => b.index)))].filter(([, g]) => g.length);
    expect(guarded.length).toBeGreaterThan(0);
    const near = thresholds([model]);
    const answers = (path: string): unknown[] => {
      const f = factOf(path);
      if (f.type === 'boolean') return [true, false, undefined];
      if (f.type === 'enum') return [...f.values, undefined];
      if (f.type === 'number') return [f.min, f.max, ...(near.get(path) ?? []).flatMap((t) => [t - 1, t, t + 1]).filter((x) => x >= f.min && x <= f.max), undefined];
      return [undefined];
    };
    let hidden = 0;
    fc.assert(fc.property(partialCase([model], seedCases([model])), (c) => {
      const flat = flatten(c);
      for (const [path, guards] of guarded) {
        const off = guards.some((g) => flat[g.fact] !== undefined && !compare(g.op, flat[g.fact] as number, g.value as number));
        if (!off) continue;
        hidden++;
        const want = blocks.map((b) => compiled.blocks(c)[b.index]);
        for (const v of answers(path)) {
          const changed = toCase({ ...flat, [path]: v });
          expect(blocks.map((b) => compiled.blocks(changed)[b.index]), `${path} = ${String(v)}`).toEqual(want);
        }
      }
    }), { seed: 23, numRuns: 300 });
    expect(hidden).toBeGreaterThan(0);
  });

  it('a QuestionnaireResponse converts to a case and back; empty answers stay unknown', () => {
    const version = versionsOf(model).at(-1)!;
    const questionnaire = questionnaireResource(model, version) as { item: Item[] };
    const asked = new Set(buildElmLibrary(model, version).parameters);
    const cases = partialCase([model], seedCases([model]));
    fc.assert(fc.property(cases, (c) => {
      // The form asks only what the policy reads: the case restricted to those facts round-trips exactly.
      const restricted = toCase(Object.fromEntries(Object.entries(flatten(c)).filter(([p]) => asked.has(p))));
      const response = caseToResponse(questionnaire, restricted, model, version);
      expect(validateFhir(response).filter((i) => i.severity === 'error')).toEqual([]);
      const { case: back, problems } = responseToCase(questionnaire, response);
      expect(problems).toEqual([]);
      expect(back).toEqual(restricted);
      expect(caseSchema.safeParse(back).success).toBe(true);
      expect(caseToResponse(questionnaire, back, model, version)).toEqual(response);
    }), { seed: 17, numRuns: 300 });
  });
});

it('an unanswered or empty item is unknown, "none" is the empty list, an unknown item is named', () => {
  const model = models.find((m) => m.nodes.some((n) => n.kind === 'therapies') && m.nodes.some((n) => n.reads.includes('diagnosis.fractureAgeWeeks')))!;
  const version = versionsOf(model).at(-1)!;
  const questionnaire = questionnaireResource(model, version) as { item: Item[] };
  const response = (items: ResponseItem[]) => ({
    resourceType: 'QuestionnaireResponse' as const,
    status: 'in-progress',
    item: [{ linkId: 'topic-fracture-age', item: items }],
  });
  const age = 'diagnosis.fractureAgeWeeks';
  expect(responseToCase(questionnaire, response([{ linkId: age, answer: [] }]))).toEqual({ case: {}, problems: [] });
  expect(responseToCase(questionnaire, response([{ linkId: age }]))).toEqual({ case: {}, problems: [] });
  expect(responseToCase(questionnaire, response([{ linkId: age, answer: [{ valueDecimal: 7 }] }])).case).toEqual({ diagnosis: { fractureAgeWeeks: 7 } });
  const none = { linkId: 'topic-conservative-care', item: [{ linkId: 'conservativeCare.therapies:none', answer: [{ valueBoolean: true }] }] };
  expect(responseToCase(questionnaire, { resourceType: 'QuestionnaireResponse', status: 'completed', item: [none] }).case).toEqual({ conservativeCare: { therapies: [] } });
  expect(responseToCase(questionnaire, response([{ linkId: 'symptoms.painNrsTypo', answer: [{ valueDecimal: 7 }] }])).problems)
    .toEqual(['Unexpected item `symptoms.painNrsTypo`, expected a question of the Questionnaire']);
});

it('the validator finds errors (so "no errors" above means something)', () => {
  expect(validateFhir({ resourceType: 'Library', status: 'active', content: [{ contentType: 'text/cql', data: 'not base64!' }], bogus: 1 }).filter((i) => i.severity === 'error').length).toBeGreaterThan(1);
  expect(validateFhir({ resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 7, type: 'group' }] }).filter((i) => i.severity === 'error').length).toBeGreaterThan(0);
  expect(validateFhir({ resourceType: 'Questionnaire', item: [{ type: 'boolean' }] }).filter((i) => i.severity === 'error').length).toBeGreaterThan(1);
});

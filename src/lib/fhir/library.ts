/**
 * One FHIR R4 Library per policy version: the criteria as ELM (application/elm+json) and CQL text (text/cql),
 * both from the same tree. One define per criteria node (named by its id, built by its kind's ELM form in
 * kinds/*.ts), one per block (`Block <id>`), then the decision (decision-elm.ts). Facts are parameters
 * (parameters.ts). Every define carries the node's label and source section: a CQL comment, an ELM annotation.
 */
import { elmOf } from '../criteria/kinds/registry.ts';
import { versionBlocks } from '../criteria/decide.ts';
import type { ModelNode, PolicyModel } from '../criteria/model.ts';
import { canonical, computableName, resourceId, SITE_BASE, fhirPath, type Version } from './canonical.ts';
import { cqlOf, quoted } from './cql-text.ts';
import { blockDefine, decisionDefines, type Define } from './decision-elm.ts';
import * as elm from './elm.ts';
import { factOf, parameterType } from './parameters.ts';

export const DATE_FACT = 'dateOfService';

export type ElmLibrary = {
  /** The ELM JSON (what cql-execution runs). */
  elm: { library: Record<string, unknown> };
  cql: string;
  /** Fact paths bound as parameters, in first-use order (dateOfService last). */
  parameters: string[];
  /** Node ids per define name, for readers of results. */
  nodeDefines: Array<{ node: number; name: string }>;
  /** Kinds that had no ELM form (named in build output; expected none). */
  inexpressible: string[];
};

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The nodes of the given blocks, in model (pre-)order. */
function nodesOf(model: PolicyModel, blocks: readonly number[]): ModelNode[] {
  const keep = new Set(blocks);
  return model.nodes.filter((n) => keep.has(n.block));
}

export function buildElmLibrary(model: PolicyModel, version: Version): ElmLibrary {
  const blocks = versionBlocks(model, version.version);
  const params: string[] = [];
  const fact = (path: string) => {
    if (!params.includes(path)) params.push(path);
    return elm.param(path);
  };
  const inexpressible = new Set<string>();
  const defines: Define[] = [];
  const nodeDefines: ElmLibrary['nodeDefines'] = [];
  for (const node of nodesOf(model, blocks.map((b) => b.index))) {
    let expression: elm.Elm;
    try {
      expression = elmOf(node, { fact, kids: node.children.map((k) => elm.ref(model.nodes[k]!.id)) });
    } catch {
      inexpressible.add(node.kind);
      expression = elm.nullOf();
    }
    defines.push({ name: node.id, expression, comment: `${oneLine(node.label)} (${oneLine(node.source)})` });
    nodeDefines.push({ node: node.index, name: node.id });
  }
  for (const b of blocks) defines.push({ name: blockDefine(b), expression: elm.ref(model.nodes[b.root]!.id), comment: `${b.role}: ${oneLine(b.title)} (${oneLine(b.source)})` });
  const date = fact(DATE_FACT);
  const inEffect = elm.and([elm.lessOrEqual(elm.date(version.effective), date), ...(version.until ? [elm.less(date, elm.date(version.until))] : [])]);
  defines.push(...decisionDefines(model, blocks, inEffect));

  const name = computableName(model.payer);
  const library = {
    identifier: { id: name, version: version.version },
    schemaIdentifier: { id: 'urn:hl7-org:elm', version: 'r1' },
    usings: { def: [{ localIdentifier: 'System', uri: 'urn:hl7-org:elm-types:r1' }, { localIdentifier: 'FHIR', uri: 'http://hl7.org/fhir', version: '4.0.1' }] },
    parameters: { def: params.map((p) => ({ name: p, accessLevel: 'Public', parameterTypeSpecifier: parameterType(factOf(p)).elm })) },
    contexts: { def: [{ name: 'Patient' }] },
    statements: {
      def: defines.map((d) => ({
        name: d.name,
        context: 'Patient',
        accessLevel: 'Public',
        annotation: [{ type: 'Annotation', t: [{ name: 'description', value: d.comment }] }],
        expression: d.expression,
      })),
    },
  };
  const cql = [
    `// ${model.meta.payerName}: ${oneLine(model.meta.title)}${model.meta.number ? ` (${model.meta.number})` : ''}, version ${version.version}`,
    `// Generated from ${model.file} by src/lib/fhir/library.ts: one define per criteria node, block and the decision.`,
    `// Facts are parameters named by their case path (${SITE_BASE}${fhirPath(model.payer, '')}); absent facts are null (unknown).`,
    `library ${name} version '${version.version}'`,
    '',
    "using FHIR version '4.0.1'",
    '',
    ...params.map((p) => `parameter ${quoted(p)} ${parameterType(factOf(p)).cql}`),
    '',
    'context Patient',
    '',
    ...defines.flatMap((d) => [`// ${d.comment}`, `define ${quoted(d.name)}:`, `  ${cqlOf(d.expression)}`, '']),
  ].join('\n');
  return { elm: { library }, cql, parameters: params, nodeDefines, inexpressible: [...inexpressible] };
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** The FHIR R4 Library resource for a policy version. */
export function libraryResource(model: PolicyModel, version: Version, built = buildElmLibrary(model, version)): Record<string, unknown> {
  const { meta } = model;
  return {
    resourceType: 'Library',
    id: resourceId(model.payer, version.version),
    url: canonical(model.payer, 'Library'),
    ...(meta.number ? { identifier: [{ system: `${SITE_BASE}/policies/${model.payer}/`, value: meta.number }] } : {}),
    version: version.version,
    name: computableName(model.payer),
    title: `${meta.payerName}: ${meta.title}`,
    status: 'active',
    experimental: false,
    type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/library-type', code: 'logic-library', display: 'Logic Library' }] },
    publisher: meta.payerName,
    description: `The coverage criteria of ${meta.payerName}'s policy "${oneLine(meta.title)}", version ${version.version}, as CQL: one define per criterion (named by its id, with its label and the policy's section as a comment), one per criteria block, and "Decision". Each case fact is a parameter named by its case path; an absent fact is null, and unknown stays null (Kleene logic).`,
    effectivePeriod: { start: version.effective, ...(version.until ? { end: version.until } : {}) },
    relatedArtifact: [{ type: 'documentation', display: 'The policy with its decision trees', url: `${SITE_BASE}/policies/${model.payer}/` }],
    parameter: [
      ...built.parameters.map((p) => {
        const t = parameterType(factOf(p));
        return { name: p, use: 'in', min: 0, max: t.fhir.max, documentation: factOf(p).title, type: t.fhir.type };
      }),
      { name: 'Decision', use: 'out', min: 0, max: '1', type: 'string' },
      { name: 'Deny category', use: 'out', min: 0, max: '1', type: 'string' },
    ],
    content: [
      { contentType: 'text/cql', title: `${computableName(model.payer)}.cql`, data: b64(built.cql) },
      { contentType: 'application/elm+json', title: `${computableName(model.payer)}.json`, data: b64(JSON.stringify(built.elm)) },
    ],
  };
}

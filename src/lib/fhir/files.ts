/**
 * The files the site publishes and `npm run export` writes, per policy: Library.json and Questionnaire.json for
 * the latest version (stable URLs), and for a policy with several versions each version's pair as well
 * (Library-<version>.json). One function, so the site and the export write the same bytes.
 */
import type { PolicyModel } from '../criteria/model.ts';
import { versionsOf } from './canonical.ts';
import { buildElmLibrary, libraryResource } from './library.ts';
import { questionnaireResource } from './questionnaire.ts';

export type FhirFile = { name: string; resource: Record<string, unknown> };

export const LIBRARY_FILE = 'Library.json';
export const QUESTIONNAIRE_FILE = 'Questionnaire.json';

const slug = (version: string) => version.replace(/[^A-Za-z0-9.-]/g, '-');

export function fhirFiles(model: PolicyModel): { files: FhirFile[]; inexpressible: string[] } {
  const versions = versionsOf(model);
  const files: FhirFile[] = [];
  const inexpressible = new Set<string>();
  versions.forEach((v, i) => {
    const built = buildElmLibrary(model, v);
    built.inexpressible.forEach((k) => inexpressible.add(k));
    const library = libraryResource(model, v, built);
    const questionnaire = questionnaireResource(model, v, built.parameters);
    if (i === versions.length - 1) files.push({ name: LIBRARY_FILE, resource: library }, { name: QUESTIONNAIRE_FILE, resource: questionnaire });
    if (versions.length > 1) files.push({ name: `Library-${slug(v.version)}.json`, resource: library }, { name: `Questionnaire-${slug(v.version)}.json`, resource: questionnaire });
  });
  return { files, inexpressible: [...inexpressible] };
}

/** The JSON text of a file as published (two-space indent, final newline). */
export const fileText = (f: FhirFile) => `${JSON.stringify(f.resource, null, 2)}\n`;

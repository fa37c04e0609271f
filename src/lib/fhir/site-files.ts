/** The FHIR files of every policy as the site serves them, computed once per build (endpoints and pages). */
import { POLICIES } from '../site/policies.ts';
import { fhirFiles, type FhirFile } from './files.ts';

let cache: Map<string, FhirFile[]> | null = null;

export function siteFhirFiles(): Map<string, FhirFile[]> {
  if (!cache) {
    cache = new Map();
    for (const p of POLICIES) {
      const { files, inexpressible } = fhirFiles(p.model);
      // Named in the build output, never dropped silently (expected: none).
      for (const kind of inexpressible) console.warn(`FHIR export: ${p.model.payer}: node kind \`${kind}\` has no ELM form; its defines are null`);
      cache.set(p.model.payer, files);
    }
  }
  return cache;
}

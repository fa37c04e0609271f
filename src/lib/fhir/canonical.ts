/**
 * Where the exported resources say they live: canonical URLs under the site's address (astro.config.mjs
 * `site`), stable per payer: /policies/<payer-id>/fhir/Library.json and …/Questionnaire.json. `FHIR_BASE`
 * overrides the base for a deployment elsewhere.
 */
import type { PolicyModel } from '../criteria/model.ts';

export const SITE_BASE = (typeof process !== 'undefined' && process.env.FHIR_BASE) || 'http://127.0.0.1:4321';

export type Version = PolicyModel['meta']['versions'][number];

/** Versions in date order; the last is the one the unversioned files hold. */
export function versionsOf(model: PolicyModel): Version[] {
  return [...model.meta.versions].sort((a, b) => a.effective.localeCompare(b.effective));
}

export const fhirPath = (payer: string, file: string) => `/policies/${payer}/fhir/${file}`;
export const canonical = (payer: string, type: 'Library' | 'Questionnaire') => `${SITE_BASE}/policies/${payer}/fhir/${type}`;

/** A FHIR id (`[A-Za-z0-9\-.]{1,64}`) for a payer's version. */
export function resourceId(payer: string, version: string): string {
  return `${payer}-${version}`.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 64);
}

/** A computable name (`^[A-Z]([A-Za-z0-9_]){0,254}$`): `VertebralAugmentationKaiserWa`. */
export function computableName(payer: string): string {
  return `VertebralAugmentation${payer.split(/[^A-Za-z0-9]+/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}`;
}

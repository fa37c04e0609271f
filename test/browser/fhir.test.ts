/**
 * The FHIR files are published with the site: each policy page links its Library.json and Questionnaire.json,
 * both resolve to the FHIR resources the export writes (same bytes), and /fhir/ renders, linked from the site
 * navigation, readable at desktop and phone widths, accessibly.
 */
import { basename } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadModels, policyFiles } from '../../src/lib/criteria/load.ts';
import { fhirFiles, fileText } from '../../src/lib/fhir/files.ts';
import { seriousAxeViolations, useSite } from './harness.ts';

const payers = policyFiles().map((f) => basename(f, '.mdx'));
const { models } = loadModels();
let page: Page;
const site = useSite((s) => { page = s.page; });

describe.each(payers)('policy page %s', (payer) => {
  it('links its Library.json and Questionnaire.json, which resolve to the exported FHIR resources', async () => {
    await page.goto(`${site.url}/policies/${payer}/`);
    const model = models.find((m) => m.payer === payer)!;
    const expected = fhirFiles(model).files;
    for (const type of ['Library', 'Questionnaire'] as const) {
      const href = await page.locator(`a[data-fhir="${type}"]`).getAttribute('href');
      expect(href).toBe(`/policies/${payer}/fhir/${type}.json`);
      const res = await fetch(`${site.url}${href}`);
      expect(res.status).toBe(200);
      const text = await res.text();
      const json = JSON.parse(text) as { resourceType: string; version: string };
      expect(json.resourceType).toBe(type);
      expect(json.version).toBe(model.meta.versions.at(-1)!.version);
      expect(text).toBe(fileText(expected.find((f) => f.name === `${type}.json`)!));
    }
  });
});

describe('/fhir/', () => {
  for (const [width, height] of [[1280, 900], [390, 844]] as const) {
    it(`explains the files and links every policy's files at ${width} px, accessibly, without sideways scrolling`, async () => {
      await page.setViewportSize({ width, height });
      await page.goto(`${site.url}/fhir/`);
      expect(await page.locator('h1').textContent()).toMatch(/Library and a Questionnaire/);
      for (const words of ['Coverage Requirements Discovery', 'Documentation Templates and Rules', 'Prior Authorization Support', 'What was proven']) {
        expect(await page.getByText(words).count(), words).toBeGreaterThan(0);
      }
      const rows = await page.locator('tr[data-payer]').evaluateAll((els) => els.map((e) => e.getAttribute('data-payer')));
      expect(rows.sort()).toEqual([...payers].sort());
      expect(await page.locator('header.site nav a[href="/fhir/"]').getAttribute('aria-current')).toBe('page');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  }
});

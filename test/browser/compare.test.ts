/**
 * /compare/ in Chromium against the built site: permalinks, form → decisions, refusals of bad links, trace,
 * export, print, keyboard, phone width and accessibility. Expected decisions come from ../shared/cases.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadModels } from '../../src/lib/criteria/load.ts';
import { caseFromHash, encodeCase } from '../../src/lib/criteria/permalink.ts';
import { sharedCase, sharedCases, type SharedCase } from '../fixtures/shared-cases.ts';
import { seriousAxeViolations, useSite } from './harness.ts';

const { models } = loadModels();
const payers = models.map((m) => m.payer);
let page: Page;
const site = useSite((s) => { page = s.page; });
let dialogs: string[] = [];

beforeAll(async () => {
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
});
beforeEach(() => { dialogs = []; });

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Opens /compare/ with a hash in a fresh document and waits until the page has rendered results. */
async function open(hash = ''): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${site.url}/compare/${hash}`);
  await page.waitForSelector('#results[data-state="ready"]');
}

const revision = () => page.locator('#results').getAttribute('data-revision');
/** A fresh form: every field unknown but the date of service, which starts as today (in the page's time zone). */
async function freshCase(): Promise<{ dateOfService: string }> {
  const today = await page.evaluate(() => { const d = new Date(); return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10); });
  expect(await page.inputValue('#field-dateOfService')).toBe(today);
  return { dateOfService: today };
}
/** Runs an action and waits for the results to be rendered again. */
async function rerender(action: () => Promise<unknown>): Promise<void> {
  const before = await revision();
  await action();
  await page.waitForFunction((r) => document.querySelector('#results')?.getAttribute('data-revision') !== r, before);
}

async function decisions(): Promise<Record<string, { decision: string | null; category: string | null }>> {
  return page.locator('article[data-payer]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-payer'), { decision: e.getAttribute('data-decision'), category: e.getAttribute('data-category') }])));
}

async function expectDecisions(shared: SharedCase): Promise<void> {
  const shown = await decisions();
  for (const [payer, e] of Object.entries(shared.expected)) {
    expect(shown[payer]?.decision, `${shared.name}: ${payer}`).toBe(e.decision);
    if (e.category) expect(shown[payer]?.category, `${shared.name}: ${payer} category`).toBe(e.category);
    if (e.decision !== 'deny') expect(shown[payer]?.category, `${shared.name}: ${payer} has no category`).toBeNull();
  }
}

/** The case in the address bar, once it has caught up with the form (it follows a moment after an edit). */
const caseInAddress = async () => {
  await page.waitForFunction(() => location.hash === `#case=${document.querySelector<HTMLElement>('#results')?.dataset.case}`);
  const decoded = caseFromHash(new URL(page.url()).hash);
  return decoded?.ok ? decoded.case : null;
};

describe('/compare/ permalinks', () => {
  it.each(sharedCases().map((c) => [c.name, c] as const))('opens %s by permalink with the decisions it expects', async (_, shared) => {
    await open(`#case=${encodeCase(shared.case)}`);
    expect((await page.locator('article[data-payer]').evaluateAll((els) => els.map((e) => e.getAttribute('data-payer')))).sort()).toEqual([...payers].sort());
    await expectDecisions(shared);
    expect(await caseInAddress()).toEqual(shared.case);
    expect(await page.locator('#case-refused').isHidden()).toBe(true);
  });

  it('offers every public example and a blank case as presets that load them', async () => {
    await open();
    expect(await caseInAddress()).toEqual(await freshCase());
    const presets = await page.locator('a[data-preset]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-preset'), e.getAttribute('href')]));
    expect(presets.map(([name]) => name).sort()).toEqual(['blank', ...sharedCases().map((c) => c.name)].sort());
    const stenting = sharedCase('stenting');
    await rerender(() => page.click('a[data-preset="stenting"]'));
    await expectDecisions(stenting);
    await rerender(() => page.click('a[data-preset="blank"]'));
    expect(await caseInAddress()).toEqual({});
    expect(Object.values(await decisions()).every((d) => d.decision !== null)).toBe(true);
  });
});

describe('/compare/ form', () => {
  it('changes decisions as fields change and keeps the address in step (stenting → before-regence-effective)', async () => {
    const from = sharedCase('stenting');
    const to = sharedCase('before-regence-effective');
    await open(`#case=${encodeCase(from.case)}`);
    await rerender(() => page.selectOption('#field-request-technique', to.case.request!.technique!));
    await rerender(() => page.fill('#field-dateOfService', to.case.dateOfService!));
    await rerender(() => page.fill('#field-id', to.case.id!));
    expect(await caseInAddress()).toEqual(to.case);
    await expectDecisions(to);
    const changed = Object.keys(to.expected).filter((p) => to.expected[p]!.decision !== from.expected[p]?.decision);
    expect(changed.length).toBeGreaterThan(0);
  });

  it('edits levels with the checkboxes and names the level split (subacute L3 → upper-thoracic T2)', async () => {
    const from = sharedCase('subacute-osteoporotic-l3');
    const to = sharedCase('upper-thoracic-t2');
    await open(`#case=${encodeCase(from.case)}`);
    // T2 first: with L3 unticked first, no level would be ticked, a request the case schema refuses.
    await rerender(() => page.check('input[data-item-of="request.levels"][value="T2"]'));
    await rerender(() => page.uncheck('input[data-item-of="request.levels"][value="L3"]'));
    await rerender(() => page.fill('#field-ageYears', String(to.case.ageYears)));
    await rerender(() => page.fill('#field-id', to.case.id!));
    expect(await caseInAddress()).toEqual(to.case);
    await expectDecisions(to);
    const line = page.locator('#disagreement-body li[data-line="levels"]');
    expect(await line.textContent()).toMatch(/^T2: /);
    expect(await line.locator('a[href^="/policies/"]').count()).toBe(payers.length);
  });

  it('shows unknown as unknown, lists what is missing, and jumps to the field without losing the case', async () => {
    await open();
    const booleans = page.locator('select[data-path^="findings."]');
    expect(await booleans.count()).toBeGreaterThan(0);
    expect(new Set(await booleans.evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).selectedOptions[0]!.textContent)))).toEqual(new Set(['unknown']));
    expect(await page.locator('#case-form input[type="checkbox"]:not([data-item-of])').count()).toBe(0);
    expect(await page.locator('#field-request-levels').evaluate((e) => (e as HTMLSelectElement).selectedOptions[0]!.textContent)).toBe('unknown');

    const shared = sharedCase('symptoms-unknown');
    await open(`#case=${encodeCase(shared.case)}`);
    for (const [payer, e] of Object.entries(shared.expected)) {
      const listed = await page.locator(`article[data-payer="${payer}"] ul.missing a[data-field-link]`).evaluateAll((els) => els.map((a) => a.getAttribute('data-field-link')));
      // An expected entry names a field or a group of fields (`symptoms`), as in the examples' format.
      for (const m of e.missing ?? []) expect(listed.some((x) => x === m || x!.startsWith(`${m}.`)), `${payer} should name ${m}: ${listed.join(', ')}`).toBe(true);
    }
    const missing = page.locator(`article[data-payer="${payers[0]}"] ul.missing a[data-field-link]`);
    expect(await missing.count()).toBeGreaterThan(0);
    const path = (await missing.first().getAttribute('data-field-link'))!;
    await missing.first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`field-${path.replace(/\./g, '-')}`);
    expect(await caseInAddress()).toEqual(shared.case);
  });

  it('keeps a list "none" apart from unknown', async () => {
    await open();
    const fresh = await freshCase();
    await rerender(() => page.selectOption('#field-osteoporosisCare', 'list'));
    expect(await caseInAddress()).toEqual({ ...fresh, osteoporosisCare: [] });
    await rerender(() => page.selectOption('#field-osteoporosisCare', ''));
    expect(await caseInAddress()).toEqual(fresh);
  });

  it('shows the trace with every criterion marked met, not met or unknown', async () => {
    await open(`#case=${encodeCase(sharedCase('upper-thoracic-t2').case)}`);
    for (const m of models) {
      const card = page.locator(`article[data-payer="${m.payer}"]`);
      await card.locator('details.trace > summary').click();
      const values = await card.locator('li[data-node]').evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
      expect(values.length).toBe(m.nodes.length);
      expect(new Set(values).size).toBeGreaterThan(0);
      for (const v of values) expect(['met', 'not-met', 'unknown']).toContain(v);
    }
    const reason = page.locator('article[data-payer] ul.reasons a').first();
    expect(await reason.getAttribute('href')).toMatch(/^\/policies\/[a-z0-9-]+\/#[a-z0-9-]+$/);
  });
});

describe('/compare/ refuses bad links', () => {
  it.each([
    ['not base64url', '#case=%%%', /not base64url/],
    ['not JSON', `#case=${b64url('{"request": ')}`, /not JSON/],
    ['a wrong value', `#case=${b64url(JSON.stringify({ request: { levels: ['T13'] } }))}`, /request\.levels\[0\]/],
  ])('refuses %s with a visible message naming the problem', async (_, hash, message) => {
    await open(hash);
    const refusal = page.locator('#case-refused');
    expect(await refusal.isVisible()).toBe(true);
    expect(await refusal.textContent()).toMatch(message);
    // The form shows a blank case, and the results are for it.
    expect(await page.locator('#field-request-levels').inputValue()).toBe('');
    expect(Object.values(await decisions()).every((d) => d.decision !== null)).toBe(true);
  });

  it('refuses a script-bearing case and runs nothing from it', async () => {
    const hostile = {
      id: '<img src=x onerror="window.__pwned=1;alert(1)">',
      request: { levels: ['<script>window.__pwned=2</script>'] },
      '<svg onload="window.__pwned=3">': true,
    };
    await open(`#case=${b64url(JSON.stringify(hostile))}`);
    const refusal = page.locator('#case-refused');
    expect(await refusal.isVisible()).toBe(true);
    const text = (await refusal.textContent())!;
    expect(text).toContain('request.levels[0]');
    expect(text).toContain('<svg onload=');
    expect(await page.locator('#case-refused script, #case-refused img, #case-refused svg').count()).toBe(0);
    await page.waitForLoadState('load'); // every resource the page asked for has loaded or failed: any handler has run
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('shows a script-bearing case label as text', async () => {
    const label = '<img src=x onerror="window.__pwned=1;alert(1)"><b>bold</b>';
    const c = { ...sharedCase('stenting').case, id: label };
    await open(`#case=${encodeCase(c)}`);
    expect(await page.locator('#case-refused').isHidden()).toBe(true);
    expect(await page.locator('#case-label').textContent()).toBe(`Case: ${label}`);
    expect(await page.locator('#field-id').inputValue()).toBe(label);
    expect(await page.locator('main img, main b').count()).toBe(0);
    await page.waitForLoadState('load'); // every resource the page asked for has loaded or failed: any handler has run
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});

describe('/compare/ sharing, export and print', () => {
  it('copies the link to the case', async () => {
    const shared = sharedCase('myeloma-t8');
    await open(`#case=${encodeCase(shared.case)}`);
    await site.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    await page.click('#copy-link');
    await page.waitForFunction(() => document.querySelector('#toolbar-status')?.textContent !== '');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const decoded = caseFromHash(new URL(copied).hash);
    expect(decoded?.ok && decoded.case).toEqual(shared.case);
  });

  it('exports the comparison as JSON and CSV', async () => {
    const shared = sharedCase('stenting');
    await open(`#case=${encodeCase(shared.case)}`);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const data = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(data.case).toEqual(shared.case);
    for (const [payer, e] of Object.entries(shared.expected)) expect(data.results.find((r: { payer: string }) => r.payer === payer).decision).toBe(e.decision);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const lines = readFileSync((await csv.path())!, 'utf8').trim().split('\r\n');
    expect(lines.length).toBe(payers.length + 1);
  });

  it.each(sharedCases().map((c) => [c.name, c] as const))('prints %s on one A4 page', async (_, shared) => {
    await open(`#case=${encodeCase(shared.case)}`);
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
    expect(await page.locator('#case-summary-facts dt').count()).toBeGreaterThan(0);
  });
});

describe('/compare/ keyboard, phone and accessibility', () => {
  it('can be used by keyboard alone: a yes/no answer, a therapy row, a missing-fact link', async () => {
    await open();
    await page.focus('#field-findings-pregnant');
    await rerender(() => page.keyboard.press('ArrowDown'));
    expect(await caseInAddress()).toEqual({ ...(await freshCase()), findings: { pregnant: true } });

    await page.focus('button[data-add-row="conservativeCare.therapies"]');
    await rerender(() => page.keyboard.press('Enter'));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-part'))).toBe('kind');
    await page.keyboard.press('Tab');
    await rerender(() => page.keyboard.type('6'));
    const c = await caseInAddress();
    expect(c?.conservativeCare?.therapies).toHaveLength(1);
    expect(c?.conservativeCare?.therapies?.[0]?.weeks).toBe(6);

    const link = page.locator('ul.missing a[data-field-link]').first();
    const path = (await link.getAttribute('data-field-link'))!;
    await link.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`field-${path.replace(/\./g, '-')}`);
  });

  it('fits a 375 px screen and has no serious or critical axe violations', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await open(`#case=${encodeCase(sharedCase('upper-thoracic-t2').case)}`);
    for (const d of await page.locator('details.trace').all()) await d.locator('summary').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('has no serious or critical axe violations on a wide screen, with a refusal and a problem shown', async () => {
    await open(`#case=${b64url(JSON.stringify({ ageYears: 500 }))}`);
    await page.fill('#field-symptoms-painNrs', '15');
    expect(await page.locator('#form-problems').isVisible()).toBe(true);
    expect(await page.locator('#field-symptoms-painNrs').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

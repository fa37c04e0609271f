/**
 * /compare/ explains (issue #14), driven in Chromium from an empty form with the scenario: a
 * 78-year-old, a 4-week-old osteoporotic L2 fracture, NRS 8, three weeks of failed prescription analgesics.
 * Also: ask next decides what it says, deny cards cite only what decides, field-level refusals, the form's
 * shortcuts, the layout on desktop and phone, and the record the export keeps.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FACTS_BY_PATH } from '../../src/lib/criteria/facts.ts';
import { loadModels } from '../../src/lib/criteria/load.ts';
import { caseFromHash, encodeCase } from '../../src/lib/criteria/permalink.ts';
import { sharedCase } from '../fixtures/shared-cases.ts';
import { useSite } from './harness.ts';

const { models } = loadModels();
let page: Page;
const site = useSite((s) => { page = s.page; });

/** A dotted case field path as written in criteria (`findings.retropulsionWithNeurologicCompromise`). */
const DOTTED_PATH = new RegExp(`\\b(?:${[...new Set([...FACTS_BY_PATH.values()].map((f) => f.segments[0]))].join('|')})\\.[a-zA-Z]`);

async function open(hash = ''): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${site.url}/compare/${hash}`);
  await explained();
}
/** Waits until the results, with ask next, are for what the form shows. */
async function explained(): Promise<void> {
  await page.waitForFunction(() => {
    const r = document.querySelector<HTMLElement>('#results');
    return r?.dataset.state === 'ready' && r.dataset.explained === r.dataset.revision && r.dataset.paused !== 'true';
  });
}
/** Runs an edit and waits for the results to be explained again. */
async function edit(action: () => Promise<unknown>): Promise<void> {
  const before = await page.locator('#results').getAttribute('data-revision');
  await action();
  await page.waitForFunction((r) => document.querySelector('#results')?.getAttribute('data-revision') !== r, before);
  await explained();
}
const caseInAddress = async () => {
  await page.waitForFunction(() => location.hash === `#case=${document.querySelector<HTMLElement>('#results')?.dataset.case}`);
  const decoded = caseFromHash(new URL(page.url()).hash);
  return decoded?.ok ? decoded.case : null;
};
const decisionOf = (payer: string) => page.locator(`article[data-payer="${payer}"]`).getAttribute('data-decision');

/** The scenario of issue #14, typed into an empty form. */
async function enterScenario(): Promise<void> {
  await edit(() => page.fill('#field-ageYears', '78'));
  await edit(() => page.selectOption('#field-diagnosis-etiology', 'osteoporotic'));
  await edit(() => page.fill('#field-diagnosis-fractureAgeWeeks', '4'));
  await edit(() => page.check('input[data-item-of="request.levels"][value="L2"]'));
  await edit(() => page.fill('#field-symptoms-painNrs', '8'));
  await edit(() => page.click('button[data-add-row="conservativeCare.therapies"]'));
  const row = '[data-rows-of="conservativeCare.therapies"] li:first-child';
  await edit(() => page.selectOption(`${row} [data-part="kind"]`, 'prescription-analgesic'));
  await edit(() => page.fill(`${row} [data-part="weeks"]`, '3'));
  await edit(() => page.selectOption(`${row} [data-part="outcome"]`, 'failed'));
}

/** Answers a field through its control, as a reader would. */
async function answer(path: string, value: unknown): Promise<void> {
  const id = `#field-${path.replace(/\./g, '-')}`;
  const fact = FACTS_BY_PATH.get(path)!;
  if (fact.type === 'set' || fact.type === 'levels') {
    await edit(() => page.selectOption(id, 'list'));
    for (const v of value as string[]) await edit(() => page.check(`input[data-item-of="${path}"][value="${v}"]`));
  } else if (fact.type === 'number' || fact.type === 'string') await edit(() => page.fill(id, String(value)));
  else await edit(() => page.selectOption(id, String(value)));
}

describe('the issue\'s scenario, from an empty form', () => {
  it('explains every payer in words, starting Cohere\'s card with conservative care, 3 weeks and 4 weeks', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await open();
    await enterScenario();
    const c = await caseInAddress();
    expect(c).toMatchObject({ ageYears: 78, request: { levels: ['L2'] }, diagnosis: { etiology: 'osteoporotic', fractureAgeWeeks: 4 }, symptoms: { painNrs: 8 }, conservativeCare: { therapies: [{ kind: 'prescription-analgesic', weeks: 3, outcome: 'failed' }] } });

    const cohere = page.locator('article[data-payer="cohere"]');
    const why = (await cohere.getAttribute('data-why'))!;
    // The card's first paragraph after its heading is that sentence.
    expect(await cohere.locator(':scope > p').first().textContent()).toBe(why);
    const first = why.split(/(?<=\)\.) /)[0]!;
    expect(first).toMatch(/conservative care/i);
    expect(first).toContain('3 weeks');
    expect(first).toContain('4 weeks');
    for (const m of models) expect((await page.locator(`article[data-payer="${m.payer}"]`).getAttribute('data-why'))!.length).toBeGreaterThan(20);

    // "Where they disagree" speaks while results are open.
    expect(await page.locator('#disagreement-speech').textContent()).toMatch(/Cohere Health already fails on conservative care/);
  });

  it('shows no field path anywhere in the results\' visible text', async () => {
    const text = await page.locator('#results').innerText();
    expect(text).not.toMatch(DOTTED_PATH);
    expect(text.length).toBeGreaterThan(500);
  });

  it('asks a handful of questions, each a link to its field, and answering them decides the payers it says', async () => {
    const items = page.locator('#ask-next-body li[data-ask-field]');
    const n = await items.count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(5);
    const decides = ((await page.locator('#ask-next-body').getAttribute('data-decides')) ?? '').split(' ').filter(Boolean);
    expect(decides.length).toBeGreaterThan(0);
    expect(await page.locator('.ask-headline').textContent()).toMatch(new RegExp(`^Answer (these ${n}|this one) to decide ${decides.length} of 5 payers`));
    const asked = await items.evaluateAll((els) => els.map((e) => ({ field: e.getAttribute('data-ask-field')!, value: JSON.parse(e.getAttribute('data-ask-value')!) })));
    for (const p of decides) expect(await decisionOf(p)).toBe('needs-information');

    // The link focuses the field.
    const link = items.first().locator('a[data-field-link]');
    await link.click();
    expect(await page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe(asked[0]!.field);

    for (const a of asked) await answer(a.field, a.value);
    for (const p of decides) expect(await decisionOf(p), p).not.toBe('needs-information');
  });
});

describe('reasons', () => {
  it('deny cards cite only the deciding exclusion or the nearest pathway, each reason once', async () => {
    for (const name of ['stenting', 'myeloma-t8', 'upper-thoracic-t2']) {
      await open(`#case=${encodeCase(sharedCase(name).case)}`);
      for (const m of models) {
        const card = page.locator(`article[data-payer="${m.payer}"]`);
        if ((await card.getAttribute('data-decision')) !== 'deny') continue;
        const reasons = await card.locator('ul.reasons > li').evaluateAll((els) => els.map((e) => ({ node: e.getAttribute('data-reason-node')!, block: e.getAttribute('data-block')!, text: e.querySelector('.reason-facts')!.textContent! })));
        expect(reasons.length, `${name}: ${m.payer}`).toBeGreaterThan(0);
        expect(new Set(reasons.map((r) => r.text)).size, `${name}: ${m.payer} says each reason once`).toBe(reasons.length);
        const blocks = new Set(reasons.map((r) => r.block));
        const roles = new Set([...blocks].map((b) => m.blocks.find((x) => x.id === b)!.role));
        expect(roles.size, `${name}: ${m.payer} cites one kind of block`).toBe(1);
        if (roles.has('indication')) {
          // One pathway: every reason under the alternative the sentence names.
          const why = (await card.getAttribute('data-why'))!;
          expect(why).toMatch(/^No indication is met\. Nearest: /);
          expect(blocks.size).toBe(1);
        } else {
          expect(await card.getAttribute('data-why')).toMatch(/^(Excluded|Outside what the policy addresses)/);
        }
      }
    }
  });
});

describe('the form', () => {
  it('refuses NRS 80 at the field and never evaluates it', async () => {
    await open(`#case=${encodeCase({ dateOfService: '2026-11-21', symptoms: { painNrs: 8 } })}`);
    await page.fill('#field-symptoms-painNrs', '80');
    await page.waitForSelector('#results[data-paused="true"]');
    const message = page.locator('[data-problem-for="symptoms.painNrs"]');
    expect(await message.isVisible()).toBe(true);
    expect(await message.textContent()).toMatch(/80.*at most 10/);
    expect(await page.locator('#field-symptoms-painNrs').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#field-symptoms-painNrs').getAttribute('aria-describedby')).toContain('field-symptoms-painNrs-problem');
    expect(await page.locator('#results-paused').isVisible()).toBe(true);
    expect((await caseInAddress())?.symptoms?.painNrs).toBe(8);
    await edit(() => page.fill('#field-symptoms-painNrs', '7'));
    expect(await message.isHidden()).toBe(true);
    expect(await page.locator('#results-paused').isHidden()).toBe(true);
    expect((await caseInAddress())?.symptoms?.painNrs).toBe(7);
  });

  it('answers a group of findings "none of these" and clears it', async () => {
    await open();
    await edit(() => page.click('button[data-group-none="findings"]'));
    const c = await caseInAddress();
    const findings = [...FACTS_BY_PATH.values()].filter((f) => f.group === 'findings');
    expect(Object.keys(c?.findings ?? {}).length).toBe(findings.length);
    expect(Object.values(c?.findings ?? {}).every((v) => v === false)).toBe(true);
    await edit(() => page.click('button[data-group-clear="findings"]'));
    expect((await caseInAddress())?.findings).toBeUndefined();
  });

  it('shows under each field which payers read it', async () => {
    await open();
    expect(await page.locator('[data-field="symptoms.painNrs"] .readers').textContent()).toMatch(/^Read by .*Cohere/);
    expect(await page.locator('[data-field] .readers').count()).toBe(await page.locator('[data-field]').count());
  });

  it('drops a preset\'s name from the case label once the case is edited', async () => {
    await open();
    await edit(() => page.click('a[data-preset="stenting"]'));
    expect(await page.locator('#case-label').textContent()).toBe('Case: stenting');
    await edit(() => page.fill('#field-ageYears', '80'));
    expect(await page.locator('#case-label').isHidden()).toBe(true);
    expect((await caseInAddress())?.id).toBeUndefined();
  });
});

describe('layout and record', () => {
  it('keeps the results beside the form on a desktop, and a thin strip one tap from them on a phone', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await open(`#case=${encodeCase(sharedCase('stenting').case)}`);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    const box = await page.locator('#results-title').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);

    await page.setViewportSize({ width: 375, height: 667 });
    const strip = await page.locator('.decision-strip').boundingBox();
    expect(strip!.height).toBeLessThan(667 / 6);
    await page.click('.decision-strip a[href="#results"]');
    await page.waitForFunction(() => { const r = document.querySelector('#results')!.getBoundingClientRect(); return r.top < window.innerHeight && r.bottom > 0; });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('exports each payer\'s why, reasons with citations and policy versions, and prints the permalink', async () => {
    const shared = sharedCase('stenting');
    await open(`#case=${encodeCase(shared.case)}`);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const data = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(data.permalink).toContain('#case=');
    expect(data.exported).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(data.policies.map((p: { version: string }) => p.version).every(Boolean)).toBe(true);
    for (const r of data.results) {
      expect(r.why.length).toBeGreaterThan(10);
      for (const s of r.supportingReasons) expect(s.source.length).toBeGreaterThan(0);
    }
    await page.pdf({ format: 'A4' });
    expect(await page.locator('#record-permalink').textContent()).toContain('#case=');
  });
});

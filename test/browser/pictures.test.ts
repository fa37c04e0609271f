/**
 * The spine and the timeline on the built site: every mark is what the payer's compiled evaluator decides for
 * a single-level case, window edges are the policies' thresholds, the case is marked, the text equivalents say
 * the same as the pictures, keyboard focus moves over the marks, and axe finds nothing serious.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../src/lib/criteria/decide.ts';
import { LEVELS } from '../../src/lib/criteria/levels.ts';
import { loadCompiled } from '../../src/lib/criteria/load.ts';
import type { CompiledPolicy } from '../../src/lib/criteria/compile.ts';
import { encodeCase } from '../../src/lib/criteria/permalink.ts';
import { singleLevelCase, stanceOf } from '../../src/lib/pictures/spine.ts';
import { seriousAxeViolations, useSite } from './harness.ts';

let page: Page;
const site = useSite((s) => { page = s.page; });
let policies: CompiledPolicy[];

beforeAll(async () => {
  ({ policies } = await loadCompiled());
});

async function openCompare(c: object = {}): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${site.url}/compare/#case=${encodeCase(c)}`);
  await page.waitForSelector('#results[data-state="ready"]');
}

const marks = () => page.locator('#spine [data-payer] [data-mark]').evaluateAll((els) => els.map((e) => ({
  payer: e.closest('[data-payer]')!.getAttribute('data-payer')!, level: e.getAttribute('data-level')!, stance: e.getAttribute('data-stance')!, requested: e.hasAttribute('data-requested'),
})));

describe('the spine', () => {
  it('marks each level for each payer as its criteria decide a single-level case, on /compare/ and /criteria/', async () => {
    await page.goto(`${site.url}/criteria/`);
    const onCriteria = await marks();
    await openCompare();
    const shown = await marks();
    expect(onCriteria).toEqual(shown);
    expect(shown).toHaveLength(policies.length * LEVELS.length);
    for (const p of policies) {
      for (const level of LEVELS) {
        const expected = stanceOf(decide(p, singleLevelCase(p, level)));
        expect(shown.find((m) => m.payer === p.model.payer && m.level === level)?.stance, `${p.model.payer} ${level}`).toBe(expected);
      }
    }
    // The payers really differ somewhere (T2, the sacrum), so the picture has something to show.
    expect(new Set(shown.filter((m) => m.level === 'T2').map((m) => m.stance)).size).toBeGreaterThan(1);
  });

  it('highlights the requested levels across every column', async () => {
    await openCompare({ request: { levels: ['T4', 'T5'] } });
    await page.waitForFunction(() => document.querySelectorAll('#spine [data-requested]').length > 0);
    const shown = await marks();
    for (const m of shown) expect(m.requested, `${m.payer} ${m.level}`).toBe(m.level === 'T4' || m.level === 'T5');
    expect(await page.locator('#spine .requested-key').isVisible()).toBe(true);
  });

  it('has a table that says the same as the marks', async () => {
    await openCompare();
    const shown = await marks();
    const cells = await page.locator('table[data-text-for="spine"] td[data-payer]').evaluateAll((els) => els.map((e) => ({
      payer: e.getAttribute('data-payer')!, level: e.closest('tr')!.getAttribute('data-level')!, stance: e.getAttribute('data-stance')!, text: e.textContent ?? '',
    })));
    expect(cells).toHaveLength(shown.length);
    const words: Record<string, RegExp> = { covered: /^covered/, investigational: /^investigational/, 'not-covered': /^not covered/, 'not-addressed': /^not addressed/ };
    for (const c of cells) {
      expect(shown.find((m) => m.payer === c.payer && m.level === c.level)?.stance).toBe(c.stance);
      expect(c.text).toMatch(words[c.stance]!);
    }
  });

  it('moves keyboard focus over its marks and reads them out', async () => {
    await openCompare();
    const first = page.locator('#spine [data-mark]').first();
    await first.focus();
    await expect.poll(() => page.locator('#spine [data-caption]').textContent()).toMatch(/^C1, /);
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-level'));
    expect(focused).toBe('C2');
    await expect.poll(() => page.locator('#spine [data-caption]').textContent()).toMatch(/^C2, /);
    expect(await page.locator('#spine [data-mark][tabindex="0"]').count()).toBe(1);
  });
});

describe('the timeline', () => {
  it('puts its window edges at the policies’ thresholds', async () => {
    await openCompare();
    for (const p of policies) {
      const bars = await page.locator(`#timeline .tl-row[data-payer="${p.model.payer}"] [data-mark]`).evaluateAll((els) => els.map((e) => ({
        op: e.getAttribute('data-op'), threshold: Number(e.getAttribute('data-threshold')), from: Number(e.getAttribute('data-from')), to: e.getAttribute('data-to'), nodes: e.getAttribute('data-nodes')!.split(' '),
      })));
      // Every fracture-age comparison and therapy duration in the criteria, read straight off the model.
      const expected = new Set<string>();
      for (const n of p.model.nodes) {
        if (n.kind === 'fact' && n.fact === 'diagnosis.fractureAgeWeeks' && typeof n.value === 'number') expected.add(`${n.op} ${n.value}`);
        if (n.kind === 'therapies' && n.weeks) expected.add(`${n.weeks.op} ${n.weeks.value}`);
      }
      expect(new Set(bars.map((b) => `${b.op} ${b.threshold}`)), p.model.payer).toEqual(expected);
      for (const b of bars) {
        expect(b.op === 'lt' || b.op === 'le' ? Number(b.to) : b.from).toBe(b.threshold);
        for (const id of b.nodes) expect(p.model.nodes.some((n) => n.id === id)).toBe(true);
      }
    }
  });

  it('marks the case’s fracture age and therapy weeks, and says so in words', async () => {
    await openCompare({ diagnosis: { fractureAgeWeeks: 5 }, conservativeCare: { therapies: [{ kind: 'physical-therapy', weeks: 3 }, { kind: 'prescription-analgesic', weeks: 7 }] } });
    await page.waitForFunction(() => !document.querySelector('#timeline [data-case-text]')?.hasAttribute('hidden'));
    const weeks = await page.locator('#timeline [data-case-marker]:not([hidden])').evaluateAll((els) => els.map((e) => [e.closest('[data-lane]')!.getAttribute('data-lane'), e.getAttribute('data-weeks')]));
    expect(weeks).toContainEqual(['fracture-age', '5']);
    expect(weeks).toContainEqual(['conservative-care', '7']);
    expect(await page.locator('#timeline [data-case-text]').textContent()).toBe('This case (dashed line): fracture age 5 weeks; longest conservative therapy 7 weeks.');
  });

  it('has a list that says the same as the bars', async () => {
    await openCompare();
    for (const p of policies) {
      const row = `#timeline .tl-row[data-payer="${p.model.payer}"] [data-mark]`;
      const bars = await page.locator(row).evaluateAll((els) => els.map((e) => `${e.getAttribute('data-from')}-${e.getAttribute('data-to')} ${e.textContent}`));
      const items = await page.locator(`ul[data-text-for="timeline"] > li[data-payer="${p.model.payer}"] li[data-from]`).evaluateAll((els) => els.map((e) => `${e.getAttribute('data-from')}-${e.getAttribute('data-to')} ${e.textContent}`));
      expect(items.length).toBe(bars.length);
      bars.forEach((b, i) => {
        const [edges, condition] = [b.split(' ')[0], b.slice(b.indexOf(' ') + 1)];
        expect(items[i]!.startsWith(edges!)).toBe(true);
        expect(items[i]).toContain(condition);
      });
    }
  });
});

describe('the pictures for everyone', () => {
  it('pass axe with nothing serious, and fit a phone screen without the page scrolling sideways', async () => {
    await openCompare({ request: { levels: ['L1'] }, diagnosis: { fractureAgeWeeks: 3 } });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

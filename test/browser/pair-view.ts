/**
 * The on-demand views of /disagreements/ (issue #18) as tests open them: a pair view, or the overview with one
 * payer against the others, each waited on until the browser has computed it (the timeouts are backstops for a
 * busy machine, never waits).
 */
import type { Page } from 'playwright-core';

const COMPUTED = 240_000;

export const pairPath = (a: string, b: string) => `/disagreements/pair/?${new URLSearchParams({ a, b })}`;

/** Opens a pair view and waits for its differences; returns how many are shown. */
export async function openPair(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const done = await page.waitForSelector('[data-pair-view][data-pair-done]', { timeout: COMPUTED });
  return Number(await done.getAttribute('data-pair-done'));
}

/** Waits until the overview has compared its chosen payer with every other. */
export async function againstDone(page: Page): Promise<void> {
  await page.waitForSelector('[data-against][data-against-done]', { timeout: COMPUTED });
}

/**
 * Live preview, end to end: the real `astro dev` server runs on a copy of the fixture policy folder
 * (test/fixtures/dev-site/policies, copied to a git-ignored folder beside it, so the fixture itself is never
 * edited), Chromium reads the pages, and the test edits the copy: the decision tree and the examples table
 * follow without a restart, a broken block shows file:line:column in the browser overlay and the terminal while
 * the server keeps running, and fixing it brings the page back. Also /authoring/ (served by the same server):
 * accessible, keyboard-usable, phone-width.
 * Tests do not depend on each other: each gets a fresh page, and after each the policy is restored and the
 * server is seen serving it again. Every wait is on a condition (a page state, a line of output), never a delay.
 * The server, the copy and .astro/ (which the dev server rewrites) are cleaned up even when a test fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from './harness.ts';
import { cacheDirFor } from '../../src/integrations/cache-dir.ts';

const ROOT = join(import.meta.dirname, '../..');
const WORK = mkdtempSync(join(ROOT, 'test/fixtures/dev-site/run-'));
const POLICIES = relative(ROOT, join(WORK, 'policies'));
cpSync(join(ROOT, 'test/fixtures/dev-site/policies'), join(ROOT, POLICIES), { recursive: true });
const FIXTURE = join(ROOT, POLICIES, 'acme.mdx');
const DOT_ASTRO = join(ROOT, '.astro');
const original = readFileSync(FIXTURE, 'utf8');
const backup = mkdtempSync(join(tmpdir(), 'dev-server-test-'));
const hadDotAstro = existsSync(DOT_ASTRO);

let server: ChildProcess | null = null;
let output = '';
let url = '';
let browser: Awaited<ReturnType<typeof launchBrowser>> | null = null;
let page: Page;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < end) {
    if (server && server.exitCode !== null) break; // the dev server died: no point waiting
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = (e as { cause?: unknown }).cause ?? e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const died = server && server.exitCode !== null ? ` (the dev server exited with ${server.exitCode})` : '';
  const shown = await page?.evaluate(() => `${location.href}: ${document.title}: ${document.body?.innerText.slice(0, 300)}`).catch((e: unknown) => String(e));
  throw new Error(`timed out waiting for ${what}${died}${last ? ` (last error: ${String(last)})` : ''}\n--- the page ---\n${shown}\n--- dev server output ---\n${output.slice(-4000)}`);
}

/** The environment a developer's shell would give `astro dev`: without vitest's markers (Astro serves no pages under VITEST). */
function devEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST'));
}

function edit(replacements: Array<[string, string]>): void {
  let text = original;
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`fixture no longer contains ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  writeFileSync(FIXTURE, text);
}

async function stopServer(): Promise<void> {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 5_000);
  await exited;
  clearTimeout(timer);
}

beforeAll(async () => {
  if (hadDotAstro) cpSync(DOT_ASTRO, join(backup, '.astro'), { recursive: true });
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  // --ignore-lock: run beside a developer's own `npm start` without touching its lock file.
  server = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], {
    cwd: ROOT,
    env: { ...devEnv(), POLICIES_DIR: POLICIES, FORCE_COLOR: '0', NO_COLOR: '1' },
    detached: true, // its own process group, so stopping it stops everything it started
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d: Buffer) => { output += d.toString(); });
  server.stderr!.on('data', (d: Buffer) => { output += d.toString(); });
  await until(`the dev server at ${url}`, async () => (await fetch(`${url}/`)).ok, 120_000);
  browser = await launchBrowser();
});

afterAll(async () => {
  try {
    await browser?.close();
    await stopServer();
  } finally {
    rmSync(WORK, { recursive: true, force: true });
    rmSync(join(ROOT, cacheDirFor(POLICIES, ROOT)), { recursive: true, force: true }); // this copy's own Astro cache
    rmSync(DOT_ASTRO, { recursive: true, force: true });
    if (hadDotAstro) cpSync(join(backup, '.astro'), DOT_ASTRO, { recursive: true });
    rmSync(backup, { recursive: true, force: true });
  }
});

/** The served policy page as HTML (no browser): what a fresh visit would get. */
const served = async () => {
  const r = await fetch(`${url}/policies/acme/`);
  return r.ok ? r.text() : null;
};

beforeEach(async () => {
  page = await browser!.page();
});

// Whatever a test did, the next one starts from the original policy, served as such.
afterEach(async () => {
  await page?.close().catch(() => undefined);
  if (readFileSync(FIXTURE, 'utf8') !== original) writeFileSync(FIXTURE, original);
  await until('the original policy to be served again', async () => (await served())?.includes('Pain NRS 5 or more') ?? false);
});

/**
 * Navigates, tolerating the dev server's own full reloads: the first visit to a page can make Vite
 * pre-bundle a dependency it had not seen and reload the page, which aborts the navigation in flight.
 */
async function visit(path: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(`${url}${path}`, { waitUntil: 'load' });
      return;
    } catch (e) {
      if (attempt >= 6 || !/ERR_ABORTED|interrupted by another navigation|Execution context was destroyed|frame was detached/.test(String(e))) throw e;
      await page.waitForLoadState('load').catch(() => undefined);
    }
  }
}

const label = () => page.locator('#ind-pain .label').first().textContent({ timeout: 1_000 });
const example = () => page.locator('#example-approve-l3').first();
const overlayText = (selector: string) => page.evaluate((s) => document.querySelector('vite-error-overlay')?.shadowRoot?.querySelector(s)?.textContent?.trim() ?? null, selector);

describe('live preview on a fixture policy folder', () => {
  it('serves the fixture folder instead of the real policies', async () => {
    await visit('/');
    const payers = await until('the home page', async () => {
      const listed = await page.locator('[data-payer-card]').evaluateAll((els) => els.map((e) => e.getAttribute('data-payer-card')));
      return listed.length ? listed : null;
    });
    expect(payers).toEqual(['acme']);
  });

  it('saving a policy updates its decision tree and its examples in the open page, without a restart', async () => {
    await visit('/policies/acme/');
    expect(await until('the tree', label)).toBe('Pain NRS 5 or more');
    expect(await until('the example', () => example().getAttribute('data-pass', { timeout: 1_000 }))).toBe('true');
    const pid = server!.pid;

    edit([['label: Pain NRS 5 or more', 'label: Pain NRS 8 or more'], ['      op: ge\n      value: 5\n', '      op: ge\n      value: 8\n']]);
    // No reload here: the dev server pushes the change to the page.
    await until('the new label', async () => (await label()) === 'Pain NRS 8 or more');
    expect(await until('the new condition', () => page.locator('#ind-pain .condition').first().textContent({ timeout: 1_000 }))).toContain('at least 8/10');
    await until('the example to fail', async () => (await example().getAttribute('data-pass', { timeout: 1_000 })) === 'false');
    expect(await until('the failure', () => example().locator('.fail').textContent({ timeout: 1_000 }))).toContain('decision deny, expected approve');
    expect(server!.pid).toBe(pid);
    expect(server!.exitCode).toBeNull();
  });

  it('a broken block shows file:line:column in the overlay and the terminal; fixing it brings the page back', async () => {
    await visit('/policies/acme/');
    await until('the tree', label);
    const before = output.length;
    edit([['fact: symptoms.painNrs', 'fact: symptoms.painNRS']]);

    // The overlay comes by HMR; a full reload racing it (the content layer rewrites its store on every save)
    // can leave a page without it, so a fresh visit is made now and then: the server renders the error too.
    let probes = 0;
    const message = await until('the error overlay', async () => {
      const text = await overlayText('#message-content');
      if (!text && ++probes % 20 === 0) await visit('/policies/acme/');
      return text;
    });
    expect(message).toContain(`${POLICIES}/acme.mdx:44:13: Unexpected fact symptoms.painNRS, expected a case field such as symptoms.painNrs (unknown-fact)`);
    // Each read waits: the overlay can be re-rendered (or the page reloaded) while the server recompiles.
    expect(await until('the overlay title', () => overlayText('#title'))).toBe('Invalid criteria in a policy file');
    expect(await until('the overlay location', () => overlayText('#code h2'))).toMatch(/acme\.mdx:44:13$/);
    expect(await until('the overlay code frame', () => overlayText('.error-line'))).toContain('fact: symptoms.painNRS');
    await until('the message in the terminal', async () => output.slice(before).includes(`${POLICIES}/acme.mdx:44:13: Unexpected fact \`symptoms.painNRS\`, expected a case field such as \`symptoms.painNrs\` (unknown-fact)`));
    expect(server!.exitCode).toBeNull();

    writeFileSync(FIXTURE, original);
    await until('the page to come back', async () => (await label()) === 'Pain NRS 5 or more');
    await until('the overlay to go', async () => (await page.locator('vite-error-overlay').count()) === 0);
    expect(await until('the example', () => example().getAttribute('data-pass', { timeout: 1_000 }))).toBe('true');
  });
});

describe('/authoring/', () => {
  it('renders the demo policy through the site components, with no serious or critical axe violations', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await visit('/authoring/');
    await until('the guide', async () => (await page.locator('h1').textContent()) === 'Writing a policy');
    expect(await page.locator('.criteria-block').count()).toBe(3);
    expect(await page.locator('#demo-ind-pain-nrs .label').textContent()).toBe('Pain of 7 or more on a 10-point scale');
    // Every example of the demo policy is shown, and passes.
    const demoExamples = readFileSync(join(ROOT, 'src/content/policies-demo/demo-health.mdx'), 'utf8').match(/^```example$/gm)!.length;
    expect(await page.locator('table.examples tr[data-pass="true"]').count()).toBe(demoExamples);
    expect(await page.locator('aside.interpretation').count()).toBe(1);
    expect(await page.locator('.mistake pre').first().textContent()).toMatch(/demo-health\.mdx:\d+:\d+: Unexpected fact/);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('works from the keyboard: the skip link, the table of contents, scrollable code', async () => {
    await visit('/authoring/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    const toc = page.locator('nav.toc a[href="#check"]');
    await toc.focus();
    await page.keyboard.press('Enter');
    await until('the jump', async () => (await page.evaluate(() => location.hash)) === '#check');
    expect(await page.locator('#check').evaluate((h) => h.getBoundingClientRect().top)).toBeLessThan(200);
    // Code and wide tables scroll, so they must take focus.
    const unfocusable = await page.locator('pre, .table-scroll').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth && e.tabIndex < 0).length);
    expect(unfocusable).toBe(0);
  });

  it('fits a phone: nothing wider than the screen, still no serious violations', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await visit('/authoring/');
    await until('the guide', async () => (await page.locator('h1').textContent()) === 'Writing a policy');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

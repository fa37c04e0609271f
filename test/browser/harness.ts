/**
 * Browser-test harness: serves the built site (dist/) on loopback and drives Debian's Chromium through
 * playwright-core. `npm test` builds the site before the browser project runs.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const DEFAULT_DIST = join(process.cwd(), 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.png': 'image/png',
  '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pagefind': 'application/octet-stream',
};

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A static server for dist/ (or another built site, such as the scale fixture's) on an ephemeral loopback port. */
export async function serveDist(dist = DEFAULT_DIST): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} is missing: run \`npm run build\` first (npm test does).`);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dist, path));
    if (!file.startsWith(dist)) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A fresh headless Chromium profile; close() removes it. */
export async function launchBrowser(): Promise<{ context: BrowserContext; page: () => Promise<Page>; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium); .ci/run does.`);
  const profile = mkdtempSync(join(tmpdir(), 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    page: () => context.newPage(),
    close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}

/** A test file's served site and browser (see useSite). */
export type Site = { url: string; dist: string; browser: Awaited<ReturnType<typeof launchBrowser>>; page: Page };

/**
 * Serves a built site and opens Chromium and a page before a test file's tests, and closes both after them:
 * registers the file's first beforeAll and its afterAll. `ready` receives them (files keep their own `page`);
 * `dist` is computed inside the hook, so that a generated site can be built there.
 */
export function useSite(ready: (site: Site) => void, options: { dist?: () => string; timeout?: number } = {}): Site {
  const site = {} as Site;
  let served: Awaited<ReturnType<typeof serveDist>> | undefined;
  beforeAll(async () => {
    site.dist = options.dist?.() ?? DEFAULT_DIST;
    served = await serveDist(site.dist);
    site.url = served.url;
    site.browser = await launchBrowser();
    site.page = await site.browser.page();
    ready(site);
  }, options.timeout);
  afterAll(async () => {
    await site.browser?.close();
    await served?.close();
  });
  return site;
}

/** Runs axe-core in the page; returns violations of impact serious or critical. */
export async function seriousAxeViolations(page: Page): Promise<Array<{ id: string; impact: string; help: string; nodes: string[] }>> {
  const source = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  const violations = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

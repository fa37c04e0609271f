/**
 * The JavaScript a built page loads before anything is asked of it: its module scripts and everything they import
 * statically (dynamic `import()` chunks load on demand and are not counted), gzipped. Read from dist/, so it
 * measures what the build really ships, at any number of payers.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const SCRIPT_SRC = /<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g;
const INLINE_MODULE = /<script\b[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/g;
// Static imports and re-exports only: `import x from "./a.js"`, `import "./a.js"`, `export … from "./a.js"`.
const STATIC_IMPORT = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g;

export type InitialJs = { files: string[]; bytes: number; gzipBytes: number };

export function initialJs(distDir: string, pagePath: string): InitialJs {
  const html = readFileSync(join(distDir, pagePath), 'utf8');
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const [, src = ''] of html.matchAll(SCRIPT_SRC)) if (src.startsWith('/')) queue.push(join(distDir, src));
  let inline = '';
  for (const m of html.matchAll(INLINE_MODULE)) {
    inline += m[1];
    for (const [, spec = ''] of (m[1] ?? '').matchAll(STATIC_IMPORT)) if (spec.startsWith('/')) queue.push(join(distDir, spec));
  }
  let code = inline;
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    code += text;
    for (const [, spec = ''] of text.matchAll(STATIC_IMPORT)) queue.push(spec.startsWith('/') ? join(distDir, spec) : resolve(dirname(file), spec));
  }
  return { files: [...seen], bytes: Buffer.byteLength(code), gzipBytes: gzipSync(code).length };
}

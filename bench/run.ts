/**
 * `npm run bench`: runs every bench/*.bench.ts and prints its figures. Figures are medians and ratios from one
 * run on this machine, reported, never asserted (timings here are noisy).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Figures = Record<string, string | number>;
const dir = join(process.cwd(), 'bench');
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort();
for (const f of files) {
  const mod = (await import(pathToFileURL(join(dir, f)).href)) as { default: () => Promise<Figures> };
  const figures = await mod.default();
  console.log(`\n## ${f.replace(/\.bench\.ts$/, '')}`);
  for (const [k, v] of Object.entries(figures)) console.log(`${k}: ${typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 2 }) : v}`);
}

/**
 * What `npm run check` reports for a policy, beyond validation: each folder in test/fixtures/lint holds a
 * small policy (input.mdx) and the exact lines check prints for it (expected.txt), in the CLI's order.
 * Regenerate after a deliberate wording change: UPDATE_FIXTURES=1 npx vitest run --project unit lint-fixtures
 * (then read the diff: every line must still point at the mistake, and nothing satisfiable may be reported).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/lib/criteria/check.ts';
import { formatMessage } from '../../src/lib/criteria/messages.ts';
import { readPublicExamples } from '../../src/lib/criteria/public-cases-fs.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/lint');
const UPDATE = process.env.UPDATE_FIXTURES === '1';
const cases = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe('npm run check on fixture policies: file:line:column: message (rule)', () => {
  for (const name of cases) {
    it(name, async () => {
      const input = join(FIXTURES, name, 'input.mdx');
      const expectedFile = join(FIXTURES, name, 'expected.txt');
      const { messages } = await checkFiles([input], readPublicExamples());
      const actual = [...messages]
        .sort((a, b) => a.place.line - b.place.line || a.place.column - b.place.column)
        .map(formatMessage);
      if (UPDATE) writeFileSync(expectedFile, actual.map((l) => `${l}\n`).join(''));
      expect(existsSync(expectedFile), `${relative(process.cwd(), expectedFile)} is missing; run with UPDATE_FIXTURES=1`).toBe(true);
      const expected = readFileSync(expectedFile, 'utf8').split('\n').filter(Boolean);
      expect(expected.length, 'each fixture shows at least one finding').toBeGreaterThan(0);
      expect(actual).toEqual(expected);
    });
  }
});

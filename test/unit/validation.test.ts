/**
 * Author-facing messages. Each folder in test/fixtures/invalid holds a small policy with mistakes
 * (input.mdx) and the exact lines `npm run check` prints for it (expected.txt).
 * Regenerate after a deliberate wording change: UPDATE_FIXTURES=1 npx vitest run --project unit validation
 * (then read the diff: every line must still point at the mistake).
 * expected.txt is what an author *should* see, reviewed by hand: broken-block-no-cascade and
 * exclusion-without-outcome list only the true messages, so regenerating them would enshrine the false
 * follow-on lines the engine prints today (see those fixtures' failures).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/lib/criteria/load.ts';
import { formatMessage } from '../../src/lib/criteria/messages.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const UPDATE = process.env.UPDATE_FIXTURES === '1';
const dirs = (root: string) => readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

function lines(path: string): string[] {
  return loadModel(path).messages.map(formatMessage);
}

describe('invalid policies: file:line:column: message (rule)', () => {
  for (const name of dirs(join(FIXTURES, 'invalid'))) {
    it(name, () => {
      const input = join(FIXTURES, 'invalid', name, 'input.mdx');
      const expectedFile = join(FIXTURES, 'invalid', name, 'expected.txt');
      const actual = lines(input);
      if (UPDATE) writeFileSync(expectedFile, actual.map((l) => `${l}\n`).join(''));
      expect(existsSync(expectedFile), `${relative(process.cwd(), expectedFile)} is missing; run with UPDATE_FIXTURES=1`).toBe(true);
      const expected = readFileSync(expectedFile, 'utf8').split('\n').filter(Boolean);
      expect(expected.length, 'an invalid fixture must expect at least one message').toBeGreaterThan(0);
      expect(actual).toEqual(expected);
      expect(loadModel(input).model, 'a policy with errors yields no model').toBeNull();
    });
  }
});

describe('valid policies', () => {
  for (const name of dirs(join(FIXTURES, 'valid'))) {
    it(`${name} yields a model and no messages`, () => {
      const { model, messages } = loadModel(join(FIXTURES, 'valid', name, 'input.mdx'));
      expect(messages.map(formatMessage)).toEqual([]);
      expect(model?.payer).toBeTruthy();
    });
  }

  it('messages name the file relative to the working directory', () => {
    const [first] = lines(join(FIXTURES, 'invalid', 'unknown-fact', 'input.mdx'));
    expect(first).toMatch(/^test\/fixtures\/invalid\/unknown-fact\/input\.mdx:\d+:\d+: /);
  });
});

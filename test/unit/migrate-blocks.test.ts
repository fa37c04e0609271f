/**
 * The block converter (scripts/migrate-blocks.ts): on every shipped policy and the demo, it converts every
 * long-form leaf to the test form, keeps the criteria and examples exactly (every node field but its position),
 * changes no line outside the leaves' kind lines, and is deterministic and idempotent.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { meaning, migrate } from '../../scripts/migrate-blocks.ts';
import { DEMO_POLICY } from '../../src/lib/authoring/demo.ts';
import { policyFiles } from '../../src/lib/criteria/load.ts';
import { parseMdx } from '../../src/lib/criteria/parse.ts';
import { validate } from '../../src/lib/criteria/validate.ts';

const KIND_LINE = /^\s*(?:-\s+)?(kind|fact|op|value|quantifier|within|kinds|outcome|weeks|atLeast):/;

describe.each([...policyFiles(), DEMO_POLICY])('%s', (file) => {
  const text = readFileSync(file, 'utf8');
  const { text: next } = migrate(file, text);

  it('gives the same criteria and examples', () => {
    const before = validate(parseMdx(file, text)).model!;
    const after = validate(parseMdx(file, next));
    expect(after.messages).toEqual([]);
    expect(meaning(after.model!)).toBe(meaning(before));
  });

  it('leaves no long-form leaf, and touches only kind lines', () => {
    expect(next).not.toMatch(/^\s*(?:-\s+)?kind: (fact|levels|level-count|therapies)$/m);
    const removed = text.split('\n').filter((l) => !next.split('\n').includes(l));
    expect(removed.filter((l) => !KIND_LINE.test(l))).toEqual([]);
  });

  it('is deterministic and idempotent', () => {
    expect(migrate(file, text).text).toBe(next);
    expect(migrate(file, next).text).toBe(next);
  });
});

// Prints one closing line for the whole `npm test` run — `tests: N passed, N failed` — from the vitest JSON
// reports of the unit and browser projects, so CI and people read one total instead of two.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of ['test-results/unit.json', 'test-results/browser.json']) {
  if (!existsSync(file)) { console.error(`missing ${file}: did that vitest project run?`); process.exit(1); }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

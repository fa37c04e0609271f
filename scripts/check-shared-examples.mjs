// Runs ../shared/tools/check-examples.mjs (the public examples through the CLI contract) when ../shared is
// beside the project, as in CI. The same examples also run as unit tests from the copy in src/data/public-cases.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const tool = new URL('../../shared/tools/check-examples.mjs', import.meta.url);
if (!existsSync(tool)) {
  console.log('../shared is not beside the project: the CLI-contract example check runs in CI only.');
  process.exit(0);
}
try {
  execFileSync(process.execPath, [tool.pathname], { stdio: 'inherit' });
} catch {
  process.exit(1);
}

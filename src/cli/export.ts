/** `npm run export -- --out DIR`: see src/lib/cli/export-command.ts. */
import { exportCommand } from '../lib/cli/export-command.ts';
import { runMain } from '../lib/cli/io.ts';

await runMain('export', exportCommand);

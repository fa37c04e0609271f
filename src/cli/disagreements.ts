/** `npm run disagreements [-- --json] [--seed N]`: see src/lib/cli/disagreements-command.ts. */
import { disagreementsCommand } from '../lib/cli/disagreements-command.ts';
import { runMain } from '../lib/cli/io.ts';

await runMain('disagreements', disagreementsCommand);

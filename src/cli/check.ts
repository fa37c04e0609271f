/** `npm run check [-- FILE…]`: see src/lib/cli/check-command.ts. */
import { checkCommand } from '../lib/cli/check-command.ts';
import { runMain } from '../lib/cli/io.ts';

await runMain('check', checkCommand);

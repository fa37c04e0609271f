/** `npm run new-policy -- <payer-id> [--name "Payer Name"] [--effective YYYY-MM-DD] [--dir DIR]`: see src/lib/cli/new-policy-command.ts. */
import { newPolicyCommand } from '../src/lib/cli/new-policy-command.ts';
import { runMain } from '../src/lib/cli/io.ts';

await runMain('new-policy', newPolicyCommand);

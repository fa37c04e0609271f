/** `npm run evaluate -- FILE [--trace]`: see src/lib/cli/evaluate-command.ts. */
import { evaluateCommand } from '../lib/cli/evaluate-command.ts';
import { runMain } from '../lib/cli/io.ts';

await runMain('evaluate', evaluateCommand);

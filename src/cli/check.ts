/**
 * `npm run check [-- FILE…]`: validates policy files without building the site. Prints every problem as
 * `file:line:column: message (rule)`, then a summary; exits 1 on any error.
 */
import { resolve } from 'node:path';
import { checkFiles } from '../lib/criteria/check.ts';
import { policyFiles } from '../lib/criteria/load.ts';
import { formatMessage } from '../lib/criteria/messages.ts';
import { readPublicExamples } from '../lib/criteria/public-cases-fs.ts';

const args = process.argv.slice(2);
const files = args.length ? args.map((a) => resolve(a)) : policyFiles();
const report = await checkFiles(files, readPublicExamples());
const sorted = [...report.messages].sort((a, b) => a.file.localeCompare(b.file) || a.place.line - b.place.line || a.place.column - b.place.column);
for (const m of sorted) console.log(formatMessage(m));
const errors = sorted.filter((m) => m.severity === 'error').length;
const warnings = sorted.length - errors;
const passed = report.runs.filter((r) => r.pass).length;
console.log(`check: ${files.length} policies, ${report.models.reduce((n, m) => n + m.nodes.length, 0)} criteria nodes, ${passed}/${report.runs.length} examples as expected, ${errors} errors, ${warnings} warnings`);
const { pinning } = report;
console.log(`check: threshold pinning compiled ${pinning.mutations} mutations (${pinning.equivalent} proven equivalent) in ${(pinning.ms / 1000).toFixed(1)} s`);
process.exit(errors ? 1 : 0);

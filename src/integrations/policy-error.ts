/**
 * The error the site's plugins throw for an invalid policy: every message (file:line:column, "Unexpected X,
 * expected Y") in its text, plus the `loc`, `title` and `hint` Astro's dev overlay reads, so the overlay shows
 * the policy's own lines rather than the plugin's source.
 */
import { resolve } from 'node:path';
import { PolicyError, type Message } from '../lib/criteria/messages.ts';

export function policyError(messages: readonly Message[]): PolicyError {
  const error = new PolicyError([...messages]);
  const first = messages[0];
  Object.assign(error, {
    title: 'Invalid criteria in a policy file',
    hint: 'Fix every line listed, then save: the page reloads by itself. `npm run check` prints the same messages.',
    ...(first && { loc: { file: resolve(first.file), line: first.place.line, column: first.place.column } }),
  });
  return error;
}

/** Lint findings over a compiled policy (criteria that can never be met or never fail). */
import type { CompiledPolicy } from './compile.ts';
import type { Message } from './messages.ts';

export function lintModel(_policy: CompiledPolicy): Message[] {
  return [];
}

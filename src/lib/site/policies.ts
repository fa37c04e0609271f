/** The compiled policies as the site sees them (from the build-time Vite plugin), with lookups. */
import { policies as compiled } from 'virtual:policies';
import type { CompiledPolicy } from '../criteria/compile.ts';

export const POLICIES: readonly CompiledPolicy[] = compiled as CompiledPolicy[];

export function policyFor(payer: string): CompiledPolicy {
  const p = POLICIES.find((x) => x.model.payer === payer);
  if (!p) throw new Error(`No compiled policy for payer ${payer}`);
  return p;
}

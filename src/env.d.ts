/** Modules generated at build time by src/integrations/vite-compiled-policies.ts. */
declare module 'virtual:policies' {
  import type { CompiledPolicy } from './lib/criteria/compile.ts';
  export const policies: CompiledPolicy[];
}
/** The browser's variant: same compiled evaluators, model without codes/notes/examples. */
declare module 'virtual:policies-client' {
  import type { CompiledPolicy } from './lib/criteria/compile.ts';
  export const policies: CompiledPolicy[];
}

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
/** Payer id → a dynamic import of that payer's browser module (one chunk per payer, fetched when chosen). */
declare module 'virtual:policy-client-loaders' {
  import type { CompiledPolicy } from './lib/criteria/compile.ts';
  export const loaders: Record<string, () => Promise<CompiledPolicy>>;
}
/** The authoring guide's demonstration policy (src/content/policies-demo), compiled, with its text. */
declare module 'virtual:policy-demo' {
  import type { PolicyModel } from './lib/criteria/model.ts';
  export const model: PolicyModel;
  export function blocks(c: unknown): ArrayLike<number>;
  export function trace(c: unknown): Uint8Array;
  export const text: string;
}
/** Each payer's full compiled policy, imported on demand (one chunk per payer), in payer order. */
declare module 'virtual:policy-loaders' {
  import type { CompiledPolicy } from './lib/criteria/compile.ts';
  export const loaders: Record<string, () => Promise<CompiledPolicy>>;
}

// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { remarkCriteria } from './src/integrations/remark-criteria.ts';
import { compiledPolicies } from './src/integrations/vite-compiled-policies.ts';
import { clientLoaders } from './src/integrations/vite-client-loaders.ts';
import { cacheDirFor } from './src/integrations/cache-dir.ts';
import { POLICY_DIR } from './src/lib/criteria/load.ts';

// Astro 7's default MDX processor runs no remark plugins: the unified processor is what runs ours.
export default defineConfig({
  site: 'http://127.0.0.1:4321',
  trailingSlash: 'always',
  cacheDir: cacheDirFor(POLICY_DIR),
  integrations: [mdx()],
  markdown: { processor: unified({ remarkPlugins: [remarkCriteria] }) },
  vite: {
    plugins: [compiledPolicies(), clientLoaders()],
    // The Web Worker of "evaluate a file" on /compare/ imports the compiled policies too.
    worker: { format: 'es', plugins: () => [compiledPolicies(), clientLoaders()] },
    // Pre-bundle the browser's dependencies up front, so the dev server never reloads a page to add one.
    optimizeDeps: { include: ['zod/mini'] },
  },
  devToolbar: { enabled: false },
});

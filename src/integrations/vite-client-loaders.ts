/**
 * Vite plugin: `virtual:policy-client-loaders` maps each payer id to a dynamic import of its browser module
 * (`virtual:policy-client/<payer>`, served by vite-compiled-policies.ts), so /compare/ and its file worker fetch
 * only the chosen payers' evaluators, one chunk per payer (issue #18).
 */
import { basename, dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { policyFiles, POLICY_DIR } from '../lib/criteria/load.ts';
import { emittedLoaders } from './compiled-files.ts';

const ID = 'virtual:policy-client-loaders';

export function clientLoaders(): Plugin {
  return {
    name: 'policy-client-loaders',
    configureServer(s) {
      // A policy added or removed changes the map (an edit does not: the payer's own module is invalidated).
      const invalidate = (file: string) => {
        if (dirname(file) !== resolve(POLICY_DIR) || !file.endsWith('.mdx')) return;
        for (const env of Object.values(s.environments)) {
          const mod = env.moduleGraph.getModuleById(`\0${ID}`);
          if (mod) env.moduleGraph.invalidateModule(mod);
        }
      };
      s.watcher.on('add', invalidate);
      s.watcher.on('unlink', invalidate);
    },
    resolveId(id) {
      return id === ID ? `\0${ID}` : null;
    },
    load(id) {
      if (id !== `\0${ID}`) return null;
      if (this.environment?.mode === 'build') return emittedLoaders(this, 'slim');
      const payers = policyFiles().map((f) => basename(f, '.mdx'));
      return `export const loaders = {\n${payers.map((p) => `  ${JSON.stringify(p)}: () => import(${JSON.stringify(`virtual:policy-client/${p}`)}),`).join('\n')}\n};\n`;
    },
  };
}

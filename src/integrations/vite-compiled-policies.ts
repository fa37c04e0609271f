/**
 * Vite plugin: `virtual:policies` exports every policy compiled at build time, one generated ES module per
 * policy (`virtual:policy/<payer>`). The site (pages and the /compare/ island) imports these; no interpreter
 * ships. In dev, saving an MDX file invalidates its module so pages re-render with the new criteria.
 */
import { basename, join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileModule } from '../lib/criteria/compile.ts';
import { loadModel, policyFiles, POLICY_DIR } from '../lib/criteria/load.ts';
import { policyError } from './policy-error.ts';

const ALL = 'virtual:policies';
const ONE = 'virtual:policy/';
/** The browser's variant: same evaluators, slim model (see slimModel). */
const CLIENT_ALL = 'virtual:policies-client';
const CLIENT_ONE = 'virtual:policy-client/';

export function compiledPolicies(): Plugin {
  const dir = resolve(POLICY_DIR);
  const fileFor = (payer: string) => join(dir, `${payer}.mdx`);
  return {
    name: 'compiled-policies',
    configureServer(s) {
      const invalidate = (file: string) => {
        if (!file.startsWith(dir) || !file.endsWith('.mdx')) return;
        for (const env of Object.values(s.environments)) {
          const graph = env.moduleGraph;
          const payer = basename(file, '.mdx');
          for (const id of [`\0${ALL}`, `\0${ONE}${payer}`, `\0${CLIENT_ALL}`, `\0${CLIENT_ONE}${payer}`]) {
            const mod = graph.getModuleById(id);
            if (mod) graph.invalidateModule(mod);
          }
        }
      };
      s.watcher.on('change', invalidate);
      s.watcher.on('add', invalidate);
      s.watcher.on('unlink', invalidate);
    },
    resolveId(id) {
      if (id === ALL || id.startsWith(ONE) || id === CLIENT_ALL || id.startsWith(CLIENT_ONE)) return `\0${id}`;
      return null;
    },
    load(id) {
      const index = id === `\0${ALL}` ? ONE : id === `\0${CLIENT_ALL}` ? CLIENT_ONE : null;
      if (index) {
        const payers = policyFiles().map((f) => basename(f, '.mdx'));
        return [
          ...payers.map((p, i) => `import * as p${i} from '${index}${p}';`),
          `export const policies = [${payers.map((_, i) => `p${i}`).join(', ')}];`,
        ].join('\n');
      }
      const prefix = id.startsWith(`\0${ONE}`) ? ONE : id.startsWith(`\0${CLIENT_ONE}`) ? CLIENT_ONE : null;
      if (prefix) {
        const file = fileFor(id.slice(prefix.length + 1));
        this.addWatchFile(file);
        const { model, messages } = loadModel(file);
        const errors = messages.filter((m) => m.severity === 'error');
        if (!model || errors.length) throw policyError(errors);
        return compileModule(model, { slim: prefix === CLIENT_ONE });
      }
      return null;
    },
  };
}

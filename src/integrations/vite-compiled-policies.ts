/**
 * Vite plugin: `virtual:policies` exports every policy compiled at build time, one generated ES module per
 * policy (`virtual:policy/<payer>`). The site (pages and the /compare/ island) imports these; no interpreter
 * ships. In dev, saving an MDX file invalidates its module so pages re-render with the new criteria.
 */
import { basename, join } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { compileModule } from '../lib/criteria/compile.ts';
import { loadModel, policyFiles, POLICY_DIR } from '../lib/criteria/load.ts';
import { PolicyError } from '../lib/criteria/messages.ts';

const ALL = 'virtual:policies';
const ONE = 'virtual:policy/';

export function compiledPolicies(): Plugin {
  const root = process.cwd();
  const fileFor = (payer: string) => join(root, POLICY_DIR, `${payer}.mdx`);
  let server: ViteDevServer | null = null;
  return {
    name: 'compiled-policies',
    configureServer(s) {
      server = s;
      const invalidate = (file: string) => {
        if (!file.startsWith(join(root, POLICY_DIR)) || !file.endsWith('.mdx')) return;
        for (const env of Object.values(s.environments)) {
          const graph = env.moduleGraph;
          for (const id of [`\0${ALL}`, `\0${ONE}${basename(file, '.mdx')}`]) {
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
      if (id === ALL || id.startsWith(ONE)) return `\0${id}`;
      return null;
    },
    load(id) {
      if (id === `\0${ALL}`) {
        const payers = policyFiles().map((f) => basename(f, '.mdx'));
        return [
          ...payers.map((p, i) => `import * as p${i} from '${ONE}${p}';`),
          `export const policies = [${payers.map((_, i) => `p${i}`).join(', ')}];`,
        ].join('\n');
      }
      if (id.startsWith(`\0${ONE}`)) {
        const file = fileFor(id.slice(ONE.length + 1));
        this.addWatchFile(file);
        const { model, messages } = loadModel(file);
        const errors = messages.filter((m) => m.severity === 'error');
        if (!model || errors.length) throw new PolicyError(errors);
        return compileModule(model);
      }
      return null;
    },
    // Keep `server` referenced for future hooks without tripping unused-variable checks.
    buildEnd() { server = null; },
  };
}

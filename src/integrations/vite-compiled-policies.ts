/**
 * Vite plugin: `virtual:policies` exports every policy compiled at build time, one generated ES module per
 * policy (`virtual:policy/<payer>`). The site (pages and the /compare/ island) imports these; no interpreter
 * ships. In dev, saving an MDX file invalidates its module so pages re-render with the new criteria.
 * `virtual:policy-demo` is the authoring guide's demonstration policy, compiled the same way plus its text;
 * it is kept out of `virtual:policies` so that it is never listed as a payer. `virtual:policy-loaders` imports
 * each full policy on demand (one module per payer), for the pair views of /disagreements/ (issue #18).
 * A build serves the same modules as files outside the bundler instead (compiled-files.ts, issue #18).
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileModule } from '../lib/criteria/compile.ts';
import { loadModel, policyFiles, POLICY_DIR } from '../lib/criteria/load.ts';
import { policyError } from './policy-error.ts';
import { DEMO_POLICY } from '../lib/authoring/demo.ts';
import { emittedLoaders, policiesFromFiles } from './compiled-files.ts';

const ALL = 'virtual:policies';
const ONE = 'virtual:policy/';
/** The browser's variant: same evaluators, slim model (see slimModel). */
const CLIENT_ALL = 'virtual:policies-client';
const CLIENT_ONE = 'virtual:policy-client/';
const DEMO = 'virtual:policy-demo';
const LOADERS = 'virtual:policy-loaders';

export function compiledPolicies(): Plugin {
  const dir = resolve(POLICY_DIR);
  const fileFor = (payer: string) => join(dir, `${payer}.mdx`);
  const demoFile = resolve(DEMO_POLICY);
  return {
    name: 'compiled-policies',
    configureServer(s) {
      const invalidate = (file: string) => {
        const payer = basename(file, '.mdx');
        const ids = file === demoFile ? [DEMO]
          : dirname(file) === dir && file.endsWith('.mdx') ? [ALL, `${ONE}${payer}`, CLIENT_ALL, `${CLIENT_ONE}${payer}`, LOADERS]
          : [];
        for (const env of Object.values(s.environments)) {
          for (const id of ids) {
            const mod = env.moduleGraph.getModuleById(`\0${id}`);
            if (mod) env.moduleGraph.invalidateModule(mod);
          }
        }
        // The demo is not watched through addWatchFile (that makes MDX compile it as a page): reload by hand.
        if (file === demoFile) s.ws.send({ type: 'full-reload' });
      };
      s.watcher.on('change', invalidate);
      s.watcher.on('add', invalidate);
      s.watcher.on('unlink', invalidate);
    },
    resolveId(id) {
      if (id === ALL || id.startsWith(ONE) || id === CLIENT_ALL || id.startsWith(CLIENT_ONE) || id === DEMO || id === LOADERS) return `\0${id}`;
      return null;
    },
    load(id) {
      if (id === `\0${DEMO}`) {
        const text = readFileSync(demoFile, 'utf8');
        const { model, messages } = loadModel(demoFile, text);
        const errors = messages.filter((m) => m.severity === 'error');
        if (!model || errors.length) throw policyError(errors);
        return `${compileModule(model)}\nexport const text = ${JSON.stringify(text)};\n`;
      }
      // A build keeps the compiled modules out of the bundler's graph (see compiled-files.ts).
      const building = this.environment?.mode === 'build';
      if (id === `\0${LOADERS}` && building) return emittedLoaders(this, 'full');
      if (id === `\0${ALL}` && building && this.environment.config.consumer === 'server') {
        return policiesFromFiles(join(this.environment.config.cacheDir, 'compiled-policies'));
      }
      if (id === `\0${LOADERS}`) {
        const payers = policyFiles().map((f) => basename(f, '.mdx'));
        return `export const loaders = {\n${payers.map((p) => `  ${JSON.stringify(p)}: () => import(${JSON.stringify(`${ONE}${p}`)}),`).join('\n')}\n};\n`;
      }
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


/**
 * The browser boundary: the /compare/ script bundled the way the build does (esbuild, minified, ES modules, the
 * browser's slim compiled policies for `virtual:policies-client`) stays under 60 KB gzip, and no build-only
 * module gets in: classic zod (the block schema), the YAML parser, remark/unified/micromark, vfile.
 */
import { build, type Plugin } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../../src/lib/criteria/compile.ts';
import { loadModels } from '../../src/lib/criteria/load.ts';

const LIMIT = 60 * 1024;
const BUILD_ONLY = [/node_modules\/zod\/v4\/classic\//, /node_modules\/yaml\//, /node_modules\/(remark|unified|micromark|mdast|vfile)[^/]*\//, /src\/lib\/criteria\/(block-schema|validate|parse|yaml-source|lint[^/]*)\.ts$/];

/** `virtual:policies-client`, `virtual:policy-client-loaders` and `virtual:policy-client/<payer>` as the Vite plugin serves them. */
const { models } = loadModels();
function clientPolicies(): Plugin {
  return {
    name: 'client-policies',
    setup(b) {
      b.onResolve({ filter: /^virtual:polic(y|ies)-client/ }, (args) => ({ path: args.path, namespace: 'virtual' }));
      b.onLoad({ filter: /.*/, namespace: 'virtual' }, (args) => {
        if (args.path === 'virtual:policy-client-loaders') {
          return { contents: `export const loaders = {${models.map((m) => `${JSON.stringify(m.payer)}: () => import(${JSON.stringify(`virtual:policy-client/${m.payer}`)})`).join(', ')}};`, loader: 'js' };
        }
        if (args.path === 'virtual:policies-client') {
          return { contents: [...models.map((m, i) => `import * as p${i} from 'virtual:policy-client/${m.payer}';`), `export const policies = [${models.map((_, i) => `p${i}`).join(', ')}];`].join('\n'), loader: 'js' };
        }
        const payer = args.path.slice('virtual:policy-client/'.length);
        return { contents: compileModule(models.find((m) => m.payer === payer)!, { slim: true }), loader: 'js' };
      });
    },
  };
}

describe('/compare/ bundle', async () => {
  const result = await build({
    entryPoints: ['src/scripts/compare/main.ts'],
    bundle: true,
    minify: true,
    format: 'esm',
    // As Vite does: the dynamically imported compiled policies become a chunk of their own, loaded after the page.
    splitting: true,
    outdir: 'bundle',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    treeShaking: true,
    plugins: [clientPolicies()],
    logLevel: 'silent',
  });
  const entry = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint === 'src/scripts/compare/main.ts')!;
  const code = result.outputFiles.find((f) => f.path.endsWith(entry[0]))!.contents;
  const inputs = Object.keys(result.metafile.inputs);

  it(`loads at most ${LIMIT / 1024} KB gzip of JavaScript up front`, () => {
    const gz = gzipSync(code, { level: 9 }).length;
    expect(gz, `${(gz / 1024).toFixed(1)} KB gzip (${(code.length / 1024).toFixed(1)} KB minified)`).toBeLessThanOrEqual(LIMIT);
    expect(gz).toBeGreaterThan(10 * 1024); // the form and the engine are in it: a near-empty bundle would mean a broken build
  });

  it('loads each payer\'s compiled policy on demand, as a chunk of its own', () => {
    // The entry holds the loader map only; each payer's module is a chunk of its own (esbuild names inputs namespace:path).
    expect(Object.keys(entry[1].inputs).filter((i) => i.startsWith('virtual:'))).toEqual(['virtual:virtual:policy-client-loaders']);
    const chunks = Object.values(result.metafile.outputs).filter((o) => Object.keys(o.inputs).some((i) => i.startsWith('virtual:virtual:policy-client/')));
    expect(chunks.length).toBe(models.length);
    for (const c of chunks) expect(Object.keys(c.inputs).filter((i) => i.startsWith('virtual:virtual:policy-client/')).length).toBe(1);
  });

  it('carries no FHIR export code: the kinds\' ELM forms and src/lib/fhir/ are tree-shaken away, and no FHIR library', () => {
    const fhirBytes = Object.values(result.metafile.outputs).flatMap((o) => Object.entries(o.inputs))
      .filter(([path, i]) => (/src\/lib\/fhir\//.test(path) || /node_modules\/(cql-execution|@medplum)\//.test(path)) && i.bytesInOutput > 0);
    expect(fhirBytes.map(([path, i]) => `${path}: ${i.bytesInOutput} bytes`)).toEqual([]);
    expect(result.outputFiles.some((f) => f.text.includes('urn:hl7-org:elm-types'))).toBe(false);
  });

  it('takes no build-only module (classic zod, yaml, remark, the block schema and validator)', () => {
    expect(inputs.filter((i) => BUILD_ONLY.some((re) => re.test(i)))).toEqual([]);
    // The check above must see the real module graph: the case schema (zod/mini) is in it.
    expect(inputs.some((i) => /node_modules\/zod\/v4\/mini\//.test(i))).toBe(true);
  });
});

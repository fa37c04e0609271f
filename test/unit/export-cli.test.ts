/** `npm run export -- --out DIR`, in-process: the files the site serves, valid, and refusals of bad options. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/lib/cli/export-command.ts';
import { loadModels } from '../../src/lib/criteria/load.ts';
import { fhirFiles, fileText } from '../../src/lib/fhir/files.ts';
import { run } from './cli-harness.ts';

const TMP = mkdtempSync(join(tmpdir(), 'fhir-export-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('npm run export', () => {
  it('writes each policy\'s Library.json and Questionnaire.json, byte for byte what the site serves', async () => {
    const { status, stdout, stderr } = await run(exportCommand, ['--out', TMP]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/every resource valid \(FHIR R4\), every node kind expressed in ELM/);
    const { models } = loadModels();
    expect(readdirSync(TMP).sort()).toEqual(models.map((m) => m.payer).sort());
    for (const m of models) {
      for (const f of fhirFiles(m).files) expect(readFileSync(join(TMP, m.payer, f.name), 'utf8'), `${m.payer}/${f.name}`).toBe(fileText(f));
      const library = JSON.parse(readFileSync(join(TMP, m.payer, 'Library.json'), 'utf8')) as { resourceType: string; version: string };
      expect(library.resourceType).toBe('Library');
      expect(library.version).toBe(m.meta.versions.at(-1)!.version);
    }
  });

  it('refuses a missing --out and an unknown option with usage (exit 2)', async () => {
    const missing = await run(exportCommand, []);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Missing --out DIR/);
    const unknown = await run(exportCommand, ['--out', TMP, '--nope']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Usage: npm run export -- --out DIR/);
  });

  it('refuses an invalid policy folder with the checker\'s messages (exit 1)', async () => {
    const { status, stderr } = await run(exportCommand, ['--out', TMP], '', { POLICIES_DIR: 'test/fixtures/invalid/unknown-fact' });
    expect(status).toBe(1);
    expect(stderr).toMatch(/input\.mdx:\d+:\d+: Unexpected fact/);
  });
});

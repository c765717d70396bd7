// `kube-sbom export` through the compiled program: files written atomically, what did not fit listed on stderr and
// in --json, the verification of this run carried into the output, usage errors before anything is read.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { countElements, parseSbom } from '../../parsers/index.js';
import { realdata, realdataMissing, runCli } from '../helpers/cli.js';
import { validateCycloneDx, validateSpdx23 } from '../helpers/json-schemas.js';
import { pristineRelease, releaseEnv, removePristine, type ReleaseEnv } from '../verify/release-env.js';

interface Bom {
  metadata: { properties?: { name: string; value: string }[] };
  components: { type: string; 'bom-ref': string }[];
}
const warningLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('kube-sbom: warning: '));
const propertyValue = (bom: Bom, name: string) => bom.metadata.properties?.find((p) => p.name === name)?.value;

describe.skipIf(realdataMissing)('export', () => {
  const v125 = realdata('k8s', 'release-sbom', 'kubernetes-v1.25.4-release.spdx');
  const example = realdata('spdx', 'official', '2.3', 'SPDXJSONExample-v2.3.spdx.json');
  const dir = mkdtempSync(join(tmpdir(), 'kube-sbom-export-'));
  let env: ReleaseEnv | undefined;
  beforeAll(async () => {
    await pristineRelease();
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await removePristine();
  });
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  it('cyclonedx-json -o FILE --json: a schema-valid BOM, a report listing what CycloneDX cannot express, one warning per kind', async () => {
    const file = join(dir, 'k8s.cdx.json');
    const r = await runCli(['export', v125, '--format', 'cyclonedx-json', '-o', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { counts: Record<string, number>; notExpressed: { kind: string; how: string; count: number }[] };
    expect(report.counts).toEqual({ packages: 130, files: 113, snippets: 0, relationships: 268 });
    expect(report.notExpressed).toContainEqual(expect.objectContaining({ kind: 'relationship GENERATED_FROM', how: 'dropped', count: 25 }));
    expect(warningLines(r.stderr)).toHaveLength(report.notExpressed.length);
    expect(r.stderr).toContain('kube-sbom: warning: CycloneDX cannot express 25 relationship GENERATED_FROM (e.g. SPDXRef-Package-registry.k8s.io-');
    const bom = JSON.parse(readFileSync(file, 'utf8')) as Bom;
    expect(validateCycloneDx(bom)).toEqual([]);
    expect(bom.components).toHaveLength(243);
    // A file is exported as given, and the BOM says so.
    expect(propertyValue(bom, 'kube-sbom:verification:status')).toBe('not-verified');
  });

  it('spdx-json to stdout: re-parses with the same counts, plus the annotation that says how the source was trusted', async () => {
    const r = await runCli(['export', example, '--format', 'spdx-json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(validateSpdx23(JSON.parse(r.stdout))).toEqual([]);
    const source = countElements(parseSbom(readFileSync(example)).document);
    const back = parseSbom(r.stdout).document;
    expect(countElements(back)).toEqual({ ...source, annotations: source.annotations + 1 });
    expect(back.annotations.filter((a) => a.spdxId === 'SPDXRef-DOCUMENT').map((a) => a.comment)).toContain('kube-sbom:verification:status=not-verified');
  });

  it('spdx-json of a CycloneDX BOM without a timestamp or tools: the time and tool of this export as its creation, schema-valid', async () => {
    const source = realdata('cyclonedx', 'cyclonedx-spec', 'valid-assembly-1.6.json');
    const before = Date.now() - 1000;
    const r = await runCli(['export', source, '--format', 'spdx-json']);
    expect(r.code, r.stderr).toBe(0);
    const written = JSON.parse(r.stdout) as { creationInfo: { created: string; creators: string[] } };
    expect(validateSpdx23(written)).toEqual([]);
    expect(written.creationInfo.creators).toEqual([expect.stringMatching(/^Tool: kube-sbom-\d+\.\d+\.\d+/)]);
    expect(Date.parse(written.creationInfo.created)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(warningLines(r.stderr)).toEqual(expect.arrayContaining([expect.stringContaining('creation time'), expect.stringContaining('creator')]));
  });

  it('--images: the inventory as container components', async () => {
    const r = await runCli(['export', v125, '--images', '--arch', 'amd64', '--format', 'cyclonedx-json']);
    expect(r.code, r.stderr).toBe(0);
    const bom = JSON.parse(r.stdout) as Bom;
    expect(validateCycloneDx(bom)).toEqual([]);
    expect(bom.components).toHaveLength(5);
    expect(bom.components.every((c) => c.type === 'container')).toBe(true);
  });

  it('a VERSION: verified first, and the BOM carries the digests, each check and the signer', async () => {
    env = await releaseEnv();
    const r = await runCli(['export', 'v1.25.4', ...env.flags, '--format', 'cyclonedx-json']);
    expect(r.code, r.stderr).toBe(0);
    const bom = JSON.parse(r.stdout) as Bom;
    expect(validateCycloneDx(bom)).toEqual([]);
    expect(propertyValue(bom, 'kube-sbom:verification:status')).toBe('verified');
    expect(propertyValue(bom, 'kube-sbom:verification:release-version')).toBe('v1.25.4');
    const served = readFileSync(join(env.root, 'sbom', 'v1.25.4', 'release'));
    const sha256 = (await import('node:crypto')).createHash('sha256').update(served).digest('hex');
    expect(propertyValue(bom, 'kube-sbom:verification:sha256')).toBe(sha256);
    expect(propertyValue(bom, 'kube-sbom:verification:check:signature')).toBe('pass');
    expect(propertyValue(bom, 'kube-sbom:verification:signer-identity')).toBeTruthy();
  });

  it('usage errors (exit 2) write nothing', async () => {
    const file = join(dir, 'never.json');
    for (const args of [
      ['export', v125, '--format', 'cyclonedx-json', '--json'],
      ['export', v125, '--format', 'cyclonedx-json', '--arch', 'amd64', '-o', file],
      ['export', v125, '--format', 'cyclonedx-xml', '-o', file],
      ['export', v125, '-o', file],
    ]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(existsSync(file)).toBe(false);
    }
  });

  it('an output folder that does not exist: exit 3, one line saying where', async () => {
    const r = await runCli(['export', example, '--format', 'cyclonedx-json', '-o', join(dir, 'missing', 'out.json')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/missing\/out\.json/);
  });
});

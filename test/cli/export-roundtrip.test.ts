// The round trip a user makes by hand: export the v1.23.1 release SBOM as CycloneDX, then inspect and list the images
// of the written file with the same program: the same document (namespace, counts) and the same images come back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realdata, realdataMissing, runCli } from '../helpers/cli.js';

interface Inspect {
  documentNamespace: string;
  dataLicense: string | null;
  counts: { packages: number; files: number };
}

describe.skipIf(realdataMissing)('export cyclonedx-json, then read it back', () => {
  const source = realdata('k8s', 'release-sbom', 'kubernetes-v1.23.1-release.spdx');
  const dir = mkdtempSync(join(tmpdir(), 'kube-sbom-roundtrip-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('inspect shows the SPDX namespace and the same counts; images lists the same images', async () => {
    const written = join(dir, 'release.cdx.json');
    const exported = await runCli(['export', source, '--format', 'cyclonedx-json', '-o', written]);
    expect(exported.code, exported.stderr).toBe(0);

    const [before, after] = await Promise.all([runCli(['inspect', source, '--json']), runCli(['inspect', written, '--json'])]);
    const a = JSON.parse(before.stdout) as Inspect;
    const b = JSON.parse(after.stdout) as Inspect;
    expect(b.documentNamespace).toBe('https://sbom.k8s.io/v1.23.1/release');
    expect([b.counts.packages, b.counts.files, b.dataLicense]).toEqual([a.counts.packages, a.counts.files, a.dataLicense]);

    const [imagesBefore, imagesAfter] = await Promise.all([runCli(['images', source]), runCli(['images', written])]);
    expect(imagesAfter.code, imagesAfter.stderr).toBe(0);
    const list = imagesBefore.stdout.trim().split('\n');
    expect(list).toHaveLength(25);
    expect(list).toContain('k8s.gcr.io/kube-apiserver-amd64:v1.23.1');
    expect(imagesAfter.stdout).toBe(imagesBefore.stdout);
  });
});

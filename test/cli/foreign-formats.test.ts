// inspect, validate, outline, query and images on real CycloneDX and SPDX 3 documents, run as a user runs them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realdata, realdataMissing, runCli } from '../helpers/cli.js';

const CENTOS = realdata('cyclonedx', 'trivy', 'centos-7-image.cdx-1.5.json');
const KBOM = realdata('cyclonedx', 'trivy', 'minikube-kbom.cdx-1.5.json');
const SPEC_XML = realdata('cyclonedx', 'cyclonedx-spec', 'valid-bom-1.6.xml');
const SPDX3 = realdata('spdx3', 'spdx-examples-via-carabiner', 'example6-lib.spdx3.json');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kube-sbom-foreign-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(realdataMissing)('commands on CycloneDX and SPDX 3 documents', () => {
  it('inspect --json names the spec and keeps the document facts SPDX 2 has no field for', async () => {
    const r = await runCli(['inspect', SPEC_XML, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      format: 'cyclonedx-xml',
      spec: { name: 'CycloneDX', version: '1.6' },
      name: 'Acme Application@9.1.1',
      created: '2020-04-13T20:20:39+00:00',
      counts: { packages: 5, files: 0, relationships: 3 },
      summary: { errors: 0 },
    });
    expect(report.properties).toEqual(
      expect.arrayContaining([
        { name: 'cyclonedx:serialNumber', value: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79' },
        { name: 'cyclonedx:manufacturer', value: 'Acme, Inc.' },
      ]),
    );
    const spdx3 = JSON.parse((await runCli(['inspect', SPDX3, '--json'])).stdout);
    expect(spdx3).toMatchObject({ format: 'spdx3-json', spec: { name: 'SPDX-3', version: '3.0.1' }, name: 'go-lib', counts: { packages: 5, files: 2 } });
  });

  it('validate passes a valid CycloneDX and SPDX 3 document without applying SPDX 2 rules', async () => {
    for (const file of [CENTOS, SPEC_XML, SPDX3]) {
      const r = await runCli(['validate', file, '--json']);
      const report = JSON.parse(r.stdout);
      expect(
        report.diagnostics.filter((d: { severity: string }) => d.severity === 'error'),
        file,
      ).toEqual([]);
      expect(r.code, file).toBe(0);
      // No SPDX 2 rule (dataLicense, downloadLocation, SPDXID forms) may speak.
      expect(report.diagnostics.map((d: { code: string }) => d.code)).not.toContain('SPDX_VERSION_UNKNOWN');
    }
  });

  it('validate fails a CycloneDX BOM with a short hash, a duplicate bom-ref and a dangling dependency, each with a line', async () => {
    const file = join(dir, 'bad.cdx.json');
    const bom = {
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      components: [
        { type: 'library', name: 'a', 'bom-ref': 'a', hashes: [{ alg: 'SHA-256', content: 'abcd' }] },
        { type: 'library', name: 'b', 'bom-ref': 'a' },
      ],
      dependencies: [{ ref: 'a', dependsOn: ['nowhere'] }],
    };
    writeFileSync(file, JSON.stringify(bom, null, 2));
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad\.cdx\.json:\d+:\d+: error CHECKSUM_FORMAT a: SHA256 checksum "abcd" is not 64 hex digits/);
    expect(r.stdout).toMatch(/bad\.cdx\.json:\d+:\d+: error CYCLONEDX_DUPLICATE_BOM_REF bom-ref "a" is used by more than one element/);
    expect(r.stdout).toMatch(/bad\.cdx\.json:\d+:\d+: error CYCLONEDX_UNKNOWN_REF the dependency "a" -> "nowhere" names "nowhere"/);
    expect(r.stdout).toMatch(/INVALID \(cyclonedx-json, CycloneDX-1\.5\): 3 errors/);
  });

  it('outline shows the dependency tree under the described component; query finds components by name and purl', async () => {
    const outline = await runCli(['outline', CENTOS]);
    expect(outline.code).toBe(0);
    expect(outline.stdout).toContain('└─ DESCRIBES package integration/testdata/fixtures/images/centos-7.tar.gz');
    // Each element is shown by its bom-ref, as the BOM and its dependencies name it.
    expect(outline.stdout).toContain('DEPENDS_ON package openssl-libs (pkg:rpm/centos/openssl-libs@1.0.2k-16.el7?arch=x86_64&epoch=1&distro=centos-7.6.1810)');
    const query = await runCli(['query', CENTOS, 'purl:pkg:rpm/centos/bash@*', '--fields', 'name,version,purl']);
    expect(query.code).toBe(0);
    expect(query.stdout.trim()).toBe('bash\t4.2.46-31.el7\tpkg:rpm/centos/bash@4.2.46-31.el7?arch=x86_64&distro=centos-7.6.1810');
    const files = await runCli(['query', SPDX3, 'type:file', '--fields', 'name,checksums']);
    expect(files.stdout).toContain('go\tSHA256:4448b9e62b3c364a073808e22643985d9f49c4ad44aa11d8e4a17c49600a7c3a');
  });

  it('images lists pkg:oci components of a trivy KBOM and the image a container component names', async () => {
    const kbom = await runCli(['images', KBOM]);
    expect(kbom.code).toBe(0);
    expect(kbom.stdout).toContain('registry.k8s.io/kube-apiserver@sha256:697cd88d94f7f2ef42144cb3072b016dcb2e9251f0e7d41a7fede557e555452d');
    expect(kbom.stdout.trim().split('\n')).toHaveLength(6);
    const centos = await runCli(['images', CENTOS, '--format', 'json']);
    expect(JSON.parse(centos.stdout).images).toEqual([
      expect.objectContaining({ reference: 'ghcr.io/aquasecurity/trivy-test-images:centos-7', spdxId: 'd0d41e30-9650-489d-948d-425ff2ed63d2' }),
    ]);
  });
});

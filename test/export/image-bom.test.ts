// The image inventory as CycloneDX container components and SPDX CONTAINER packages, with verification facts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { imagesToCycloneDx, imagesToSpdxJson, type ImageBomInput } from '../../src/export/image-bom.js';
import { parseOciPurl } from '../../src/k8s/oci-purl.js';
import { buildImageInventory } from '../../src/k8s/image-inventory.js';
import { DocumentIndex } from '../../src/sbom/document-index.js';
import { realdata, realdataMissing } from '../helpers/cli.js';
import { validateCycloneDx, validateSpdx23 } from '../helpers/json-schemas.js';

interface Component {
  type: string;
  name: string;
  version?: string;
  purl?: string;
  properties: { name: string; value: string }[];
}

const inventoryOf = (path: string) => buildImageInventory(new DocumentIndex(parseSbom(readFileSync(path), { fileName: path }).document));
const base = { source: 'test', namespace: 'https://example.test/doc', created: '2026-01-02T03:04:05Z', toolVersion: '0.0.0-test' };
const property = (c: Component, name: string) => c.properties.filter((p) => p.name === name).map((p) => p.value);

describe.skipIf(realdataMissing)('image inventory BOMs', () => {
  it('ko multi-arch index: container components with pkg:oci purls that read back to the same image', () => {
    const { images } = inventoryOf(realdata('spdx', 'real-world', 'tools', 'ko-0.12.0-multiarch-index.spdx.json'));
    expect(images.filter((i) => i.digest).length).toBeGreaterThan(1);
    const out = imagesToCycloneDx({ ...base, images });
    const bom = JSON.parse(out.text) as { components: Component[] };
    expect(validateCycloneDx(bom)).toEqual([]);
    expect(out.notExpressed).toEqual([]);
    expect(bom.components).toHaveLength(images.length);
    images.forEach((image, i) => {
      const c = bom.components[i]!;
      expect(c.type).toBe('container');
      expect(property(c, 'kube-sbom:image:reference')).toEqual([image.reference]);
      if (!image.digest) return expect(c.purl).toBeUndefined();
      expect(parseOciPurl(c.purl!)).toMatchObject({
        registry: image.registry,
        repository: image.repository,
        digest: image.digest,
        ...(image.architecture ? { architecture: image.architecture } : {}),
      });
    });
  });

  it('v1.25.4 with verification facts: status, digest (now in the purl), signer, issuer, Rekor index per image', () => {
    const { images } = inventoryOf(realdata('k8s', 'release-sbom', 'kubernetes-v1.25.4-release.spdx'));
    expect(images).toHaveLength(25);
    const digest = `sha256:${'ab'.repeat(32)}`;
    const [first, second] = images;
    const verification: ImageBomInput['verification'] = new Map([
      [
        first!.reference,
        {
          status: 'verified',
          code: 'OK',
          digest,
          signerIdentity: 'krel-trust@k8s-releng-prod.iam.gserviceaccount.com',
          signerIssuer: 'https://accounts.google.com',
          rekorLogIndexes: [42],
        },
      ],
      [second!.reference, { status: 'failed', code: 'IDENTITY_MISMATCH', rekorLogIndexes: [] }],
    ]);
    const bom = JSON.parse(imagesToCycloneDx({ ...base, images, verification }).text) as { components: Component[] };
    expect(validateCycloneDx(bom)).toEqual([]);
    const [a, b, c] = bom.components;
    expect(property(a!, 'kube-sbom:verification:status')).toEqual(['verified']);
    expect(property(a!, 'kube-sbom:verification:signer-identity')).toEqual(['krel-trust@k8s-releng-prod.iam.gserviceaccount.com']);
    expect(property(a!, 'kube-sbom:verification:signer-issuer')).toEqual(['https://accounts.google.com']);
    expect(property(a!, 'kube-sbom:verification:rekor-log-index')).toEqual(['42']);
    expect(parseOciPurl(a!.purl!)).toMatchObject({ digest, tag: 'v1.25.4', registry: 'registry.k8s.io' });
    expect(property(b!, 'kube-sbom:verification:status')).toEqual(['failed']);
    expect(property(b!, 'kube-sbom:verification:code')).toEqual(['IDENTITY_MISMATCH']);
    // Not verified by this run: no verification property at all (absence is not a pass), and no digest to pin.
    expect(c!.properties.some((p) => p.name.startsWith('kube-sbom:verification:'))).toBe(false);
    expect(c!.purl).toBeUndefined();
    // The archive's own checksums are the component's hashes; the SBOM's layer diff IDs are properties.
    expect(JSON.stringify(a)).toContain(first!.archiveChecksums.find((x) => x.algorithm === 'SHA256')!.value);
    expect(property(a!, 'kube-sbom:image:diff-id')).toEqual(first!.layers);
  });

  it('SPDX: CONTAINER packages, purl externalRefs and one annotation of facts per image; schema-valid and parseable', () => {
    const { images } = inventoryOf(realdata('spdx', 'real-world', 'tools', 'ko-0.12.0-multiarch-index.spdx.json'));
    const verification = new Map([[images[0]!.reference, { status: 'verified' as const, code: 'OK', digest: images[0]!.digest, rekorLogIndexes: [7] }]]);
    const out = imagesToSpdxJson({ ...base, images, verification, sourceProperties: [{ name: 'kube-sbom:verification:status', value: 'not-verified' }] });
    expect(validateSpdx23(JSON.parse(out.text))).toEqual([]);
    const back = parseSbom(out.text);
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(back.document.packages).toHaveLength(images.length);
    expect(back.document.packages.every((p) => p.primaryPackagePurpose === 'CONTAINER')).toBe(true);
    expect(back.document.packages[0]!.annotations[0]!.comment).toContain('kube-sbom:verification:rekor-log-index=7');
    expect(back.document.annotations.find((a) => a.spdxId === 'SPDXRef-DOCUMENT')?.comment).toBe('kube-sbom:verification:status=not-verified');
    // The written document is itself an image SBOM: our own inventory finds the same images in it.
    const again = buildImageInventory(new DocumentIndex(back.document))
      .images.map((i) => i.reference)
      .sort();
    expect(again).toEqual(images.map((i) => i.reference).sort());
  });

  it('SPDX: the release images, tags without digests, are found again in the written document', () => {
    const { images } = inventoryOf(realdata('k8s', 'release-sbom', 'kubernetes-v1.25.4-release.spdx'));
    expect(images.filter((i) => i.digest)).toEqual([]);
    const back = parseSbom(imagesToSpdxJson({ ...base, images }).text);
    const again = buildImageInventory(new DocumentIndex(back.document));
    expect(again.images.map((i) => i.reference).sort()).toEqual(images.map((i) => i.reference).sort());
  });
});

// Image inventories of real image SBOMs, read in place from ../shared/realdata.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { documentToSpdxJson } from '../../src/export/spdx-json.js';
import { buildImageInventory } from '../../src/k8s/image-inventory.js';
import { DocumentIndex } from '../../src/sbom/document-index.js';
import { realdata, realdataMissing } from '../helpers/cli.js';

const inventoryOf = (...path: string[]) => buildImageInventory(new DocumentIndex(parseSbom(readFileSync(realdata(...path))).document));

describe.skipIf(realdataMissing)('image inventory of real image SBOMs', () => {
  it('apko: the layer package with a pkg:oci layer purl is a layer of the image, not a second image', () => {
    const text = readFileSync(realdata('spdx', 'real-world', 'tools', 'apko-curl.spdx.json'), 'utf8');
    expect(text).toContain('mediaType=application%2Fvnd.oci.image.layer.v1.tar%2Bgzip');
    const { images } = inventoryOf('spdx', 'real-world', 'tools', 'apko-curl.spdx.json');
    expect(images.map((i) => [i.reference, i.kind, i.architecture, i.layers, i.layerDigestKind])).toEqual([
      [
        'curl@sha256:47fed8868b46b060efb8699dc40e981a0c785650223e03602d8c4493fc75b68c',
        'platform',
        'amd64',
        ['sha256:c6580b9a4fded304babd53a027a183c3f9d11863ba1c847971793a139801f707'],
        'blob',
      ],
    ]);
  });

  it("early bom's `REF (ARCH/OS)` packages: the repository of the name and the manifest digest of the SPDXID", () => {
    const { images, warnings } = inventoryOf('spdx', 'real-world', 'in-the-wild', 'chartmuseum-v0.14.0.spdx');
    expect(warnings).toEqual([]);
    expect(images.map((i) => [i.reference, i.architecture, i.os, i.kind, i.layers.length, i.layerDigestKind])).toEqual([
      ['ghcr.io/helm/chartmuseum@sha256:0fa963fdcc35c5936ddb5db4c9434eb61bfb42fbd00d82c4d1589b928015c15e', 'arm', 'linux', 'platform', 3, 'blob'],
      ['ghcr.io/helm/chartmuseum@sha256:281c1484be215c965109b3d67297b6037a4e85f236971061ec17b8af1a409ba8', '386', 'linux', 'platform', 3, 'blob'],
      ['ghcr.io/helm/chartmuseum@sha256:2eca4a4f7d566029f3127b1587a131c3ade2b2e9e53a759de1fe702f767b32a2', 'arm', 'linux', 'platform', 3, 'blob'],
      ['ghcr.io/helm/chartmuseum@sha256:c039b64c2c4fbc2cff1762bcf19340593cc0ce06f0bfdd6165c4749d2b7c9841', 'arm64', 'linux', 'platform', 3, 'blob'],
      ['ghcr.io/helm/chartmuseum@sha256:f707e29be48eac416a17d1eaf4efc7553972d452788ac404b8c89d35eed4d0e9', 'amd64', 'linux', 'platform', 3, 'blob'],
    ]);
  });

  it('bom on OCI-layout archives (Istio 1.13.1): blobs/sha256 layers, Docker Hub names, -0001 repeats', () => {
    const text = readFileSync(realdata('spdx', 'real-world', 'in-the-wild', 'istio-1.13.1-release.spdx'), 'utf8');
    const names = [...text.matchAll(/^PackageName: (istio\/\S+)$/gm)].map((m) => `docker.io/${m[1]!}`);
    const contained = (id: string) => text.split('\n').filter((l) => l.startsWith(`Relationship: ${id} CONTAINS `)).length;
    const { images, warnings } = inventoryOf('spdx', 'real-world', 'in-the-wild', 'istio-1.13.1-release.spdx');
    expect(warnings).toEqual([]);
    expect(images.map((i) => i.reference).sort()).toEqual(names.sort());
    for (const image of images) {
      expect([image.registry, image.kind, image.layerDigestKind]).toEqual(['docker.io', 'archive', 'blob']);
      expect(image.layers.length).toBe(contained(image.spdxId));
      expect(image.layers.length).toBeGreaterThan(0);
    }
  });

  it('a container named by the archive trivy scanned (centos-7.tar.gz) is not an image reference', () => {
    const path = realdata('cyclonedx', 'trivy', 'centos-7-image.cdx-1.5.json');
    const bom = JSON.parse(readFileSync(path, 'utf8')) as { metadata: { component: { type: string; name: string } } };
    expect(bom.metadata.component).toMatchObject({ type: 'container', name: 'integration/testdata/fixtures/images/centos-7.tar.gz' });
    // Written as SPDX, the container keeps its name but loses trivy's RepoTag property.
    const spdx = documentToSpdxJson(parseSbom(readFileSync(path)).document).text;
    const { images } = buildImageInventory(new DocumentIndex(parseSbom(spdx).document));
    expect(images.map((i) => i.reference)).toEqual([]);
  });

  it("bom's purl tag qualifier is the reference the user gave: tag=nginx is nginx:latest, not the tag nginx", () => {
    const text = readFileSync(realdata('k8s', 'bom-image-sbom', 'nginx.spdx'), 'utf8');
    expect(text).toContain('repository_url=index.docker.io%2Flibrary&tag=nginx');
    const index = inventoryOf('k8s', 'bom-image-sbom', 'nginx.spdx').images.filter((i) => i.kind === 'index');
    expect(index.map((i) => [i.reference, i.tag])).toEqual([['index.docker.io/library/nginx:latest', 'latest']]);
  });
});

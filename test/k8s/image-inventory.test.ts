import { describe, expect, it } from 'vitest';
import { buildImageInventory } from '../../src/k8s/image-inventory.js';
import { DocumentIndex } from '../../src/sbom/document-index.js';
import { doc, pkg } from '../sbom/build-model.js';

const HEX = (c: string) => c.repeat(64);
const layer = (owner: string, hex: string, fileName = `${HEX('e')}/layer.tar`) =>
  pkg(`${owner}-sha256-${hex}`, `sha256:${hex}`, { fileName, checksums: [{ algorithm: 'SHA256', value: hex }] });
const purl = (locator: string) => [{ category: 'PACKAGE-MANAGER', type: 'purl', locator }];
const inventory = (d: ReturnType<typeof doc>) => buildImageInventory(new DocumentIndex(d));

describe('image archives that contain layers (release SBOM)', () => {
  const archive = (id: string, name: string, fileName: string) => pkg(id, name, { fileName, checksums: [{ algorithm: 'SHA256', value: HEX('a') }] });
  const release = (version: string, images: [string, string, string][]) =>
    doc({
      name: `Kubernetes Release ${version}`,
      namespace: `https://sbom.k8s.io/${version}/release`,
      packages: images.flatMap(([id, name, fileName]) => [archive(id, name, fileName), layer(id, HEX('1')), layer(id, HEX('2'))]),
      relationships: images.flatMap(([id]) => [
        `SPDXRef-DOCUMENT DESCRIBES ${id}`,
        `${id} CONTAINS ${id}-sha256-${HEX('1')}`,
        `${id} CONTAINS ${id}-sha256-${HEX('2')}`,
      ]),
    });

  it('takes the tag from the release version and the name from the SPDXID', () => {
    const inv = inventory(
      release('v1.25.4', [
        ['SPDXRef-Package-registry.k8s.io-kube-apiserver-amd64-v1.25.4', 'kube-apiserver.tar', '/out/release-images/amd64/kube-apiserver.tar'],
      ]),
    );
    expect(inv.releaseVersion).toBe('v1.25.4');
    expect(inv.warnings).toEqual([]);
    expect(inv.images).toEqual([
      {
        reference: 'registry.k8s.io/kube-apiserver-amd64:v1.25.4',
        registry: 'registry.k8s.io',
        repository: 'kube-apiserver-amd64',
        tag: 'v1.25.4',
        architecture: 'amd64',
        kind: 'archive',
        layers: [`sha256:${HEX('1')}`, `sha256:${HEX('2')}`],
        layerDigestKind: 'diff-id',
        archiveChecksums: [{ algorithm: 'SHA256', value: HEX('a') }],
        spdxId: 'SPDXRef-Package-registry.k8s.io-kube-apiserver-amd64-v1.25.4',
      },
    ]);
  });

  it('is right where the grep|cut|sed pipeline is not: v2 versions, -v1 in names, _ in names, longer paths', () => {
    const inv = inventory(
      release('v2.0.0-rc.1', [
        ['SPDXRef-Package-registry.k8s.io-kube-proxy-v1beta-arm64-v2.0.0-rc.1', 'kube-proxy-v1beta.tar', '/x/arm64/kube-proxy-v1beta.tar'],
        ['SPDXRef-Package-registry.k8s.io-myC95tool-s390x-v2.0.0-rc.1', 'my_tool.tar', '/x/s390x/my_tool.tar'],
        ['SPDXRef-Package-gcr.io-k8s-staging-kubernetes-kube-scheduler-ppc64le-v2.0.0-rc.1', 'kube-scheduler.tar', '/x/ppc64le/kube-scheduler.tar'],
        ['SPDXRef-Package-localhost-5000-pause-amd64-v2.0.0-rc.1', 'pause.tar', '/x/amd64/pause.tar'],
      ]),
    );
    expect(inv.images.map((i) => [i.reference, i.architecture])).toEqual([
      ['gcr.io/k8s-staging-kubernetes/kube-scheduler-ppc64le:v2.0.0-rc.1', 'ppc64le'],
      ['localhost:5000/pause-amd64:v2.0.0-rc.1', 'amd64'],
      ['registry.k8s.io/kube-proxy-v1beta-arm64:v2.0.0-rc.1', 'arm64'],
      ['registry.k8s.io/my_tool-s390x:v2.0.0-rc.1', 's390x'],
    ]);
  });

  it('reads v1.23.1-style packages whose name is the reference, with <id>/layer.tar layers', () => {
    const id = 'SPDXRef-Package-k8s.gcr.io-kube-proxy-arm-v1.23.1';
    const d = doc({
      name: 'Kubernetes Release v1.23.1',
      namespace: 'https://sbom.k8s.io/v1.23.1/release',
      packages: [
        pkg(id, 'k8s.gcr.io/kube-proxy-arm:v1.23.1'),
        pkg(`${id}-${HEX('9')}-layer.tar`, `${HEX('9')}/layer.tar`, {
          fileName: `${HEX('9')}/layer.tar`,
          checksums: [{ algorithm: 'SHA256', value: HEX('d') }],
        }),
      ],
      relationships: [`${id} CONTAINS ${id}-${HEX('9')}-layer.tar`],
    });
    const [image] = inventory(d).images;
    expect(image).toMatchObject({
      reference: 'k8s.gcr.io/kube-proxy-arm:v1.23.1',
      architecture: 'arm',
      layers: [`sha256:${HEX('d')}`],
      layerDigestKind: 'diff-id',
      archiveChecksums: [],
    });
  });

  it('warns about a layer-holding package whose name cannot be read, and falls back to a version-shaped tag', () => {
    const d = doc({
      name: 'no version here',
      packages: [
        pkg('SPDXRef-Package-noregistry', 'x.tar'),
        layer('SPDXRef-Package-noregistry', HEX('1')),
        pkg('SPDXRef-Package-quay.io-a-b-v3.1.0', 'b.tar'),
        layer('SPDXRef-Package-quay.io-a-b-v3.1.0', HEX('2')),
      ],
      relationships: [
        `SPDXRef-Package-noregistry CONTAINS SPDXRef-Package-noregistry-sha256-${HEX('1')}`,
        `SPDXRef-Package-quay.io-a-b-v3.1.0 CONTAINS SPDXRef-Package-quay.io-a-b-v3.1.0-sha256-${HEX('2')}`,
      ],
    });
    const inv = inventory(d);
    expect(inv.images.map((i) => i.reference)).toEqual(['quay.io/a/b:v3.1.0']);
    expect(inv.warnings).toHaveLength(2);
    expect(inv.warnings[0]).toContain('SPDXRef-Package-noregistry: holds 1 layer(s)');
    expect(inv.warnings[1]).toContain('tag v3.1.0 taken from the SPDXID');
  });

  it('does not take packages without layers, or layers themselves, for images', () => {
    const d = doc({ packages: [pkg('SPDXRef-Package-registry.k8s.io-kube-proxy-v1.0.0', 'kube-proxy.tar'), layer('SPDXRef-x', HEX('3'))] });
    expect(inventory(d).images).toEqual([]);
  });
});

describe('pkg:oci packages (image SBOMs)', () => {
  it('reads index and per-platform packages, with bom, purl-spec and apko styles of repository_url', () => {
    const d = doc({
      packages: [
        pkg('SPDXRef-index', 'nginx', { externalRefs: purl(`pkg:oci/nginx@sha256:${HEX('0')}?repository_url=index.docker.io%2Flibrary&tag=1.21`) }),
        pkg('SPDXRef-amd64', 'nginx (amd64/linux)', {
          externalRefs: purl(`pkg:oci/nginx@sha256:${HEX('1')}?arch=amd64&os=linux&repository_url=index.docker.io%2Flibrary`),
        }),
        layer('SPDXRef-amd64', HEX('4'), `${HEX('4')}.tar.gz`),
        pkg('SPDXRef-spec', 'x', { externalRefs: purl(`pkg:oci/debian@sha256:${HEX('2')}?repository_url=docker.io/library/debian&arch=arm64`) }),
        pkg('SPDXRef-apko', 'y', { externalRefs: purl(`pkg:oci/127.0.0.1:5000%2Fapko-test@sha256:${HEX('3')}?arch=amd64&tag=latest`) }),
      ],
      relationships: [
        'SPDXRef-index CONTAINS SPDXRef-amd64',
        'SPDXRef-amd64 VARIANT_OF SPDXRef-index',
        `SPDXRef-amd64 CONTAINS SPDXRef-amd64-sha256-${HEX('4')}`,
      ],
    });
    const images = inventory(d).images;
    expect(images.map((i) => [i.reference, i.kind, i.architecture, i.digest?.slice(0, 9)])).toEqual([
      ['127.0.0.1:5000/apko-test:latest', 'platform', 'amd64', 'sha256:33'],
      ['docker.io/library/debian@sha256:' + HEX('2'), 'platform', 'arm64', 'sha256:22'],
      ['index.docker.io/library/nginx:1.21', 'index', undefined, 'sha256:00'],
      ['index.docker.io/library/nginx@sha256:' + HEX('1'), 'platform', 'amd64', 'sha256:11'],
    ]);
    expect(images[3]).toMatchObject({ os: 'linux', layers: [`sha256:${HEX('4')}`], layerDigestKind: 'blob' });
  });
});

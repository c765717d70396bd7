// Folding per-architecture images into multi-arch references: release SBOM names, the real v1.25.4 SBOM, and
// image SBOMs whose index is listed already.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { buildImageInventory } from '../../src/k8s/image-inventory.js';
import type { ContainerImage } from '../../src/k8s/image-types.js';
import { architecturesOf, foldMultiArch, multiArchRepository } from '../../src/k8s/multi-arch.js';
import { DocumentIndex } from '../../src/sbom/document-index.js';
import { realdata, realdataMissing } from '../helpers/cli.js';

const image = (repository: string, fields: Partial<ContainerImage> = {}): ContainerImage => ({
  reference: `registry.k8s.io/${repository}${fields.tag ? `:${fields.tag}` : ''}`,
  registry: 'registry.k8s.io',
  repository,
  kind: 'archive',
  layers: [`sha256:${'1'.repeat(64)}`],
  archiveChecksums: [],
  spdxId: `SPDXRef-${repository}`,
  ...fields,
});

describe('foldMultiArch', () => {
  it('strips only the -<arch> suffix of the architecture the entry names', () => {
    expect(multiArchRepository({ repository: 'kube-apiserver-arm64', architecture: 'arm64' })).toBe('kube-apiserver');
    expect(multiArchRepository({ repository: 'kube-apiserver-arm64', architecture: 'arm' })).toBe('kube-apiserver-arm64');
    expect(multiArchRepository({ repository: 'sig/etcd', architecture: 'amd64' })).toBe('sig/etcd');
    expect(multiArchRepository({ repository: '-amd64', architecture: 'amd64' })).toBe('-amd64');
  });

  it('groups by registry, name and tag; platforms sorted by architecture; entries without arch or tag stay', () => {
    const folded = foldMultiArch([
      image('kube-proxy-s390x', { tag: 'v1.30.0', architecture: 's390x' }),
      image('kube-proxy-amd64', { tag: 'v1.30.0', architecture: 'amd64' }),
      image('kube-proxy-amd64', { tag: 'v1.29.0', architecture: 'amd64' }),
      image('pause', { tag: '3.9' }),
      image('untagged', { architecture: 'amd64', digest: `sha256:${'2'.repeat(64)}` }),
    ]);
    expect(folded.map((i) => [i.reference, i.kind, architecturesOf(i)])).toEqual([
      ['registry.k8s.io/kube-proxy:v1.29.0', 'index', ['amd64']],
      ['registry.k8s.io/kube-proxy:v1.30.0', 'index', ['amd64', 's390x']],
      ['registry.k8s.io/pause:3.9', 'archive', []],
      ['registry.k8s.io/untagged', 'archive', ['amd64']],
    ]);
    expect(folded[1]!.platforms!.map((p) => p.reference)).toEqual(['registry.k8s.io/kube-proxy-amd64:v1.30.0', 'registry.k8s.io/kube-proxy-s390x:v1.30.0']);
    expect(folded[1]!.layers).toEqual([]);
  });

  it('hands the platforms to an index the document lists under the same reference, keeping its digest', () => {
    const digest = `sha256:${'3'.repeat(64)}`;
    const folded = foldMultiArch([
      image('app', { tag: '1.0', kind: 'index', digest, layers: [], spdxId: 'SPDXRef-index' }),
      image('app', { tag: '1.0', kind: 'platform', architecture: 'arm64' }),
    ]);
    expect(folded).toHaveLength(1);
    expect(folded[0]).toMatchObject({ reference: 'registry.k8s.io/app:1.0', digest, spdxId: 'SPDXRef-index' });
    expect(architecturesOf(folded[0]!)).toEqual(['arm64']);
  });

  it.skipIf(realdataMissing)('folds the 25 images of the real v1.25.4 release SBOM into 5 with 5 architectures each', () => {
    const text = readFileSync(realdata('k8s', 'release-sbom', 'kubernetes-v1.25.4-release.spdx'), 'utf8');
    const { images } = buildImageInventory(new DocumentIndex(parseSbom(text).document));
    const folded = foldMultiArch(images);
    expect(folded.map((i) => i.reference)).toEqual(
      ['conformance', 'kube-apiserver', 'kube-controller-manager', 'kube-proxy', 'kube-scheduler'].map((n) => `registry.k8s.io/${n}:v1.25.4`),
    );
    for (const entry of folded) expect(architecturesOf(entry)).toEqual(['amd64', 'arm', 'arm64', 'ppc64le', 's390x']);
    expect(
      folded
        .flatMap((i) => i.platforms!)
        .map((p) => p.spdxId)
        .sort(),
    ).toEqual(images.map((i) => i.spdxId).sort());
  });
});

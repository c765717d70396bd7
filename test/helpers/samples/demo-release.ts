// The made-up release the offline demo shows: a release-shaped SPDX tag-value SBOM (image archives CONTAINing
// layer packages, binaries, tarballs), built from deterministic bytes so every run writes the same files.
import { createHash } from 'node:crypto';

export const DEMO_VERSION = 'v1.99.0';
export const DEMO_IMAGES = ['kube-apiserver', 'kube-proxy', 'kube-scheduler'] as const;
export const DEMO_ARCHES = ['amd64', 'arm64'] as const;
export const DEMO_BINARIES = ['bin/linux/amd64/kubectl', 'bin/linux/arm64/kubectl', 'bin/linux/amd64/kubeadm'] as const;

export interface DemoImage {
  name: string;
  arch: string;
  /** Uncompressed layer digests (rootfs.diff_ids), as the release SBOM lists them. */
  diffIds: string[];
}

const hex = (alg: string, data: Uint8Array | string) => createHash(alg).update(data).digest('hex');

/** Small, distinct, deterministic bytes standing in for a release binary. */
export function demoBinary(path: string): Buffer {
  return Buffer.concat([
    Buffer.from(`#!/bin/sh\n# kube-sbom DEMO binary ${path} (not a real Kubernetes binary)\necho ${path}\n`),
    Buffer.alloc(2048, path.length),
  ]);
}

function checksums(prefix: 'Package' | 'File', bytes: Uint8Array | string): string[] {
  return ['SHA1', 'SHA256', 'SHA512'].map((alg) => `${prefix}Checksum: ${alg}: ${hex(alg.toLowerCase(), bytes)}`);
}

export function demoSbom(images: DemoImage[]): string {
  const v = DEMO_VERSION;
  const out = [
    'SPDXVersion: SPDX-2.3',
    'DataLicense: CC0-1.0',
    'SPDXID: SPDXRef-DOCUMENT',
    `DocumentName: kube-sbom DEMO release ${v} (made-up data)`,
    // The namespace a release SBOM of this version must carry (verify-sbom checks it); the name says it is a demo.
    `DocumentNamespace: https://sbom.k8s.io/${v}/release`,
    'Creator: Tool: kube-sbom samples generator',
    'Creator: Organization: kube-sbom demo (not the Kubernetes project)',
    'Created: 2025-03-04T10:00:00Z',
    'DocumentComment: <text>Demo data made by kube-sbom (npm run samples). Signed by a demo trust root; nothing here is a real Kubernetes artifact.</text>',
    '',
  ];
  const relationships: string[] = [];
  for (const image of images) {
    const id = `SPDXRef-Package-registry.k8s.io-${image.name}-${image.arch}-${v}`;
    out.push(
      `##### Package: ${image.name}.tar (${image.arch})`,
      '',
      `PackageName: ${image.name}.tar`,
      `SPDXID: ${id}`,
      ...checksums('Package', `demo image archive ${image.name} ${image.arch} ${v}`),
      'PackageDownloadLocation: NONE',
      'FilesAnalyzed: false',
      'PackageLicenseConcluded: NOASSERTION',
      `PackageFileName: /workspace/_output-${v}/release-images/${image.arch}/${image.name}.tar`,
      'PackageLicenseDeclared: NOASSERTION',
      'PackageCopyrightText: NOASSERTION',
      '',
    );
    relationships.push(`Relationship: SPDXRef-DOCUMENT DESCRIBES ${id}`);
    for (const diffId of image.diffIds) {
      const layerHex = diffId.slice('sha256:'.length);
      out.push(
        `PackageName: ${diffId}`,
        `SPDXID: ${id}-sha256-${layerHex}`,
        `PackageChecksum: SHA256: ${layerHex}`,
        'PackageDownloadLocation: NONE',
        'FilesAnalyzed: false',
        'PackageLicenseConcluded: NOASSERTION',
        `PackageFileName: ${hex('sha256', layerHex)}/layer.tar`,
        'PackageLicenseDeclared: NOASSERTION',
        'PackageCopyrightText: NOASSERTION',
        '',
      );
      relationships.push(`Relationship: ${id} CONTAINS ${id}-sha256-${layerHex}`);
    }
  }
  for (const path of DEMO_BINARIES) {
    const id = `SPDXRef-File-${path.replace(/[^A-Za-z0-9.-]/g, '-')}`;
    out.push(
      `FileName: ${path}`,
      `SPDXID: ${id}`,
      ...checksums('File', demoBinary(path)),
      'FileType: BINARY',
      'FileType: APPLICATION',
      'LicenseConcluded: Apache-2.0',
      'LicenseInfoInFile: NOASSERTION',
      'FileCopyrightText: NOASSERTION',
      '',
    );
    relationships.push(`Relationship: SPDXRef-DOCUMENT DESCRIBES ${id}`);
  }
  for (const tarball of ['kubernetes-client-linux-amd64.tar.gz', 'kubernetes-server-linux-amd64.tar.gz']) {
    const id = `SPDXRef-File-${tarball.replace(/[^A-Za-z0-9.-]/g, '-')}`;
    out.push(
      `FileName: ${tarball}`,
      `SPDXID: ${id}`,
      ...checksums('File', `demo tarball ${tarball}`),
      'FileType: ARCHIVE',
      'LicenseConcluded: NOASSERTION',
      'LicenseInfoInFile: NOASSERTION',
      'FileCopyrightText: NOASSERTION',
      '',
    );
    relationships.push(`Relationship: SPDXRef-DOCUMENT DESCRIBES ${id}`);
  }
  return `${[...out, ...relationships].join('\n')}\n`;
}

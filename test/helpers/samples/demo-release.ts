// The made-up release the offline demo shows: a release-shaped SPDX tag-value SBOM (binaries and tarballs, image
// archives CONTAINing layer packages), built from deterministic bytes so every run writes the same files.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export const DEMO_VERSION = 'v1.99.0';
export const DEMO_IMAGES = ['kube-apiserver', 'kube-proxy', 'kube-scheduler'] as const;
export const DEMO_ARCHES = ['amd64', 'arm64'] as const;
export const DEMO_BINARIES = ['bin/linux/amd64/kubectl', 'bin/linux/arm64/kubectl', 'bin/linux/amd64/kubeadm'] as const;
/** The release archives, each holding the binaries of its part (client, server) as the real ones do. */
export const DEMO_ARCHIVES: Record<string, readonly string[]> = {
  'kubernetes-client-linux-amd64.tar.gz': ['bin/linux/amd64/kubectl'],
  'kubernetes-server-linux-amd64.tar.gz': ['bin/linux/amd64/kubeadm', 'bin/linux/amd64/kubectl'],
};

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

/** One ustar header block (POSIX.1-1988): enough for tar and every extractor to read the demo archives. */
function tarHeader(name: string, size: number): Buffer {
  const header = Buffer.alloc(512);
  const put = (text: string, offset: number, length: number) => header.write(text.slice(0, length), offset, 'ascii');
  put(name, 0, 100);
  put('0000755\0', 100, 8);
  put('0000000\0', 108, 8);
  put('0000000\0', 116, 8);
  put(`${size.toString(8).padStart(11, '0')}\0`, 124, 12);
  // A fixed time (2025-03-04T10:00:00Z) keeps every run's archive byte-identical.
  put(
    `${Math.floor(Date.UTC(2025, 2, 4, 10) / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
    136,
    12,
  );
  put('        ', 148, 8);
  put('0', 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  let sum = 0;
  for (const byte of header) sum += byte;
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return header;
}

/** A real, small .tar.gz: kubernetes/{client,server}/bin/NAME for each binary the archive holds. */
export function demoArchive(name: string): Buffer {
  const part = name.startsWith('kubernetes-server') ? 'server' : 'client';
  const blocks: Buffer[] = [];
  for (const path of DEMO_ARCHIVES[name] ?? []) {
    const bytes = demoBinary(path);
    blocks.push(tarHeader(`kubernetes/${part}/bin/${path.split('/').pop()}`, bytes.length), bytes, Buffer.alloc((512 - (bytes.length % 512)) % 512));
  }
  return gzipSync(Buffer.concat([...blocks, Buffer.alloc(1024)]), { level: 9 });
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
  // Files first, as the real release SBOM writes them: a file after a package would be that package's (it CONTAINS
  // it), and the layer packages have FilesAnalyzed false, so they contain no files (SPDX 2.3 section 7.8).
  out.push('##### Files independent of packages', '');
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
  for (const tarball of Object.keys(DEMO_ARCHIVES)) {
    const id = `SPDXRef-File-${tarball.replace(/[^A-Za-z0-9.-]/g, '-')}`;
    out.push(
      `FileName: ${tarball}`,
      `SPDXID: ${id}`,
      ...checksums('File', demoArchive(tarball)),
      'FileType: ARCHIVE',
      'LicenseConcluded: NOASSERTION',
      'LicenseInfoInFile: NOASSERTION',
      'FileCopyrightText: NOASSERTION',
      '',
    );
    relationships.push(`Relationship: SPDXRef-DOCUMENT DESCRIBES ${id}`);
  }
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
  return `${[...out, ...relationships].join('\n')}\n`;
}

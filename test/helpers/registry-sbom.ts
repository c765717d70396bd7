// A release SBOM shaped like Kubernetes' (bom's tag-value: image archives CONTAINing layer packages) for images a
// test pushed, and the pushing itself: signed per-arch images under registry.k8s.io names on a local registry.
import { createHash } from 'node:crypto';
import { signImageLegacy } from './pki/index.js';
import { makeImage, pushImage, pushLegacySignatures, type PushTarget, type TestImage } from './registry-push.js';

export interface ReleaseImage {
  /** kube-apiserver */
  name: string;
  arch: string;
  /** The layer packages the SBOM lists (diff IDs). */
  diffIds: string[];
}

/** A release file (bin/OS/ARCH/NAME or an archive) the SBOM lists, with the checksums it states (hex). */
export interface ReleaseSbomFile {
  path: string;
  sha1: string;
  sha256: string;
  sha512: string;
}

const sha = (alg: string, text: string) => createHash(alg).update(text).digest('hex');

export function releaseSbom(version: string, images: ReleaseImage[], files: ReleaseSbomFile[] = []): string {
  const out = [
    'SPDXVersion: SPDX-2.3',
    'DataLicense: CC0-1.0',
    'SPDXID: SPDXRef-DOCUMENT',
    `DocumentName: Kubernetes Release ${version}`,
    `DocumentNamespace: https://sbom.k8s.io/${version}/release`,
    'Creator: Tool: kube-sbom-test',
    'Created: 2025-03-04T10:00:00Z',
    '',
  ];
  const relationships: string[] = [];
  // Files first, as the real release SBOM writes them (a file after a package would be that package's).
  for (const file of files) {
    const id = `SPDXRef-File-${file.path.replace(/[^A-Za-z0-9.-]/g, '-')}`;
    out.push(
      `FileName: ${file.path}`,
      `SPDXID: ${id}`,
      `FileChecksum: SHA1: ${file.sha1}`,
      `FileChecksum: SHA256: ${file.sha256}`,
      `FileChecksum: SHA512: ${file.sha512}`,
      `FileType: ${file.path.endsWith('.tar.gz') ? 'ARCHIVE' : 'BINARY'}`,
      '',
    );
    relationships.push(`Relationship: SPDXRef-DOCUMENT DESCRIBES ${id}`);
  }
  for (const image of images) {
    const id = `SPDXRef-Package-registry.k8s.io-${image.name}-${image.arch}-${version}`;
    out.push(
      `PackageName: ${image.name}.tar`,
      `SPDXID: ${id}`,
      `PackageChecksum: SHA256: ${sha('sha256', id)}`,
      'PackageDownloadLocation: NONE',
      'FilesAnalyzed: false',
      `PackageFileName: /workspace/_output-${version}/release-images/${image.arch}/${image.name}.tar`,
      '',
    );
    relationships.push(`Relationship: SPDXRef-DOCUMENT DESCRIBES ${id}`);
    for (const diffId of image.diffIds) {
      const hex = diffId.slice('sha256:'.length);
      out.push(
        `PackageName: ${diffId}`,
        `SPDXID: ${id}-sha256-${hex}`,
        `PackageChecksum: SHA256: ${hex}`,
        'PackageDownloadLocation: NONE',
        'FilesAnalyzed: false',
        `PackageFileName: ${sha('sha256', hex)}/layer.tar`,
        '',
      );
      relationships.push(`Relationship: ${id} CONTAINS ${id}-sha256-${hex}`);
    }
  }
  return `${[...out, ...relationships].join('\n')}\n`;
}

export interface PushedRelease {
  images: Array<ReleaseImage & { image: TestImage; repository: string }>;
  sbom: string;
}

/** Pushes `count` signed single-arch images (name-<arch>:version) and returns the SBOM that lists them. */
export async function pushSignedRelease(target: PushTarget, version: string, names: string[], arches: string[]): Promise<PushedRelease> {
  const images: PushedRelease['images'] = [];
  for (const name of names) {
    for (const arch of arches) {
      const repository = `${name}-${arch}`;
      const image = makeImage({ architecture: arch, layers: 2 });
      const digest = await pushImage(target, repository, image, version);
      await pushLegacySignatures(target, repository, digest, [await signImageLegacy(`registry.k8s.io/${repository}`, digest)]);
      images.push({ name, arch, diffIds: image.layers.map((l) => l.diffId), image, repository });
    }
  }
  return { images, sbom: releaseSbom(version, images) };
}

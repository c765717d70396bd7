// Where a release's SBOM and binaries live (K8S-RELEASE.md), under a base URL that may be a mirror (https, http, file).
import { checkError, usageError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';
import { isExactVersion } from './versions.js';

export const KUBERNETES_OS = ['linux', 'darwin', 'windows'] as const;
export const KUBERNETES_ARCH = ['amd64', 'arm64', 'arm', '386', 'ppc64le', 's390x'] as const;

/** The signed pieces published beside an artifact. */
export interface SignedArtifactUrls {
  artifact: string;
  sha256: string;
  sha512: string;
  sig: string;
  cert: string;
}

/** Joins a base URL and a relative path, whatever trailing slash the base has. */
export function joinUrl(base: string, path: string): string {
  let parsed: URL;
  try {
    parsed = new URL(base.endsWith('/') ? base : `${base}/`);
  } catch {
    throw usageError('URL_INVALID', `${sanitizeLine(base)}: not a valid URL; give https://, http:// or file://`);
  }
  if (!['https:', 'http:', 'file:'].includes(parsed.protocol)) {
    throw usageError('URL_UNSUPPORTED', `${sanitizeLine(base)}: unsupported scheme ${parsed.protocol}; give https://, http:// or file://`);
  }
  return new URL(path, parsed).href;
}

function signed(artifact: string): SignedArtifactUrls {
  return { artifact, sha256: `${artifact}.sha256`, sha512: `${artifact}.sha512`, sig: `${artifact}.sig`, cert: `${artifact}.cert` };
}

function requireVersion(version: string): void {
  if (!isExactVersion(version)) throw usageError('VERSION_INVALID', `"${sanitizeLine(version)}" is not an exact Kubernetes version`);
}

export function releaseSbomUrls(version: string, sbomBase: string): SignedArtifactUrls {
  requireVersion(version);
  return signed(joinUrl(sbomBase, `${version}/release`));
}

export function markerUrl(markerPath: string, dlBase: string): string {
  return joinUrl(dlBase, markerPath);
}

export interface BinaryTarget {
  name: string;
  os: string;
  arch: string;
}

/** Checks name/os/arch and returns the SBOM's file name for it, e.g. `bin/linux/amd64/kubectl` (.exe on windows). */
export function binaryPath(target: BinaryTarget): string {
  if (!(KUBERNETES_OS as readonly string[]).includes(target.os)) {
    throw usageError('OS_INVALID', `--os ${sanitizeLine(target.os)}: give one of ${KUBERNETES_OS.join(', ')}`);
  }
  if (!(KUBERNETES_ARCH as readonly string[]).includes(target.arch)) {
    throw usageError('ARCH_INVALID', `--arch ${sanitizeLine(target.arch)}: give one of ${KUBERNETES_ARCH.join(', ')}`);
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(target.name)) {
    throw usageError('BINARY_NAME_INVALID', `"${sanitizeLine(target.name)}" is not a release binary name (e.g. kubectl, kubelet, kubeadm)`);
  }
  const name = target.os === 'windows' && !target.name.endsWith('.exe') ? `${target.name}.exe` : target.name;
  return `bin/${target.os}/${target.arch}/${name}`;
}

export function binaryUrls(version: string, target: BinaryTarget, dlBase: string): SignedArtifactUrls {
  requireVersion(version);
  return signed(joinUrl(dlBase, `release/${version}/${binaryPath(target)}`));
}

/** A file of the release as the SBOM names it (bin/linux/amd64/kubectl, kubernetes-server-linux-amd64.tar.gz). */
export function releaseFileUrls(version: string, sbomPath: string, dlBase: string): SignedArtifactUrls {
  requireVersion(version);
  // A name from a document must not climb out of the release folder or carry a query or fragment into the URL.
  if (!sbomPath.split('/').every((part) => /^[A-Za-z0-9_][A-Za-z0-9._+-]*$/.test(part))) {
    throw checkError('RELEASE_PATH_INVALID', `"${sanitizeLine(sbomPath)}" is not a path inside a release`);
  }
  return signed(joinUrl(dlBase, `release/${version}/${sbomPath}`));
}

/** Node's platform/arch in Kubernetes' names; undefined where Kubernetes publishes no binaries. */
export function hostTarget(platform: string = process.platform, arch: string = process.arch): { os?: string; arch?: string } {
  const os = ({ linux: 'linux', darwin: 'darwin', win32: 'windows' } as Record<string, string>)[platform];
  const karch = ({ x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x' } as Record<string, string>)[arch];
  return { os, arch: karch };
}

/** The release's provenance statement (published from PROVENANCE_PUBLISHED's version on, release-facts.ts). */
export function provenanceUrl(version: string, dlBase: string): string {
  requireVersion(version);
  return joinUrl(dlBase, `release/${version}/provenance.json`);
}

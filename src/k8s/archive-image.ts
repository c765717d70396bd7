// Reads the registry reference of an image-archive package (release SBOM): from a package name that already is a
// reference (v1.23.1), else from the SPDXID, with the tag taken from the release version rather than guessed.
import type { Package } from '../../parsers/model.js';
import { DOCKER_HUB } from '../registry/reference.js';
import { decodeSpdxIdEscapes, encodeSpdxIdPart } from './spdxid-decode.js';

export const KNOWN_ARCHITECTURES = ['amd64', 'arm64', 'arm', 'ppc64le', 's390x', '386', 'riscv64', 'mips64le', 'loong64'] as const;

export interface ArchiveReference {
  registry: string;
  repository: string;
  tag?: string;
  architecture?: string;
  /** How the tag was found: from the release version, the package name, or a version-like SPDXID tail. */
  tagSource?: 'release-version' | 'package-name' | 'download-location' | 'spdxid-pattern';
}

const PACKAGE_PREFIX = 'SPDXRef-Package-';
const FULL_REFERENCE = /^([A-Za-z0-9.-]+(?::\d+)?)\/([a-z0-9._/-]+):([\w][\w.-]{0,127})$/;
const VERSION_TAIL = /-(v?\d+\.\d+\.\d+[0-9A-Za-z.-]*)$/;

/** The archive's base name (kube-apiserver from kube-apiserver.tar or /path/amd64/kube-apiserver.tar). */
function archiveBase(pkg: Package): string | undefined {
  for (const candidate of [pkg.name, pkg.fileName]) {
    const base = candidate?.split('/').pop();
    if (base && /\.tar$/.test(base)) return base.replace(/\.tar$/, '');
  }
  return undefined;
}

function architectureOf(pkg: Package, repository: string): string | undefined {
  // release-images/<arch>/<name>.tar in the archive's path is structural; a -<arch> name suffix is the fallback.
  const segments = (pkg.fileName ?? '').split('/');
  const fromPath = segments
    .slice(0, -1)
    .reverse()
    .find((s) => (KNOWN_ARCHITECTURES as readonly string[]).includes(s));
  if (fromPath) return fromPath;
  const last = repository.split('/').pop() ?? '';
  return KNOWN_ARCHITECTURES.find((arch) => last.endsWith(`-${arch}`));
}

/** Splits `registry.k8s.io-kube-apiserver-amd64` into host and repository (the host is the first dotted run). */
function splitRegistry(encoded: string): { registry: string; rest: string } | undefined {
  const parts = encoded.split('-');
  for (let i = 0; i < parts.length - 1; i++) {
    const head = parts.slice(0, i + 1);
    if (head.join('-').includes('.') || head[i] === 'localhost') {
      let end = i + 1;
      let registry = head.join('-');
      if (/^\d{1,5}$/.test(parts[end] ?? '') && end < parts.length - 1) registry += `:${parts[end++]}`;
      return { registry, rest: parts.slice(end).join('-') };
    }
  }
  return undefined;
}

function repositoryFrom(rest: string, base: string | undefined): string {
  const decoded = decodeSpdxIdEscapes(rest);
  if (!base || decoded === base || decoded.startsWith(`${base}-`)) return decoded;
  // An SPDXID cannot tell `/` from `-`; the archive's name marks where the last path component starts.
  const at = decoded.lastIndexOf(`-${base}`);
  return at > 0 ? `${decoded.slice(0, at)}/${decoded.slice(at + 1)}` : decoded;
}

/** `istio/app:1.13.1` is on Docker Hub: a first component without a dot, a port or localhost is a namespace. */
function hubAware(registry: string, repository: string): { registry: string; repository: string } {
  return /[.:]/.test(registry) || registry === 'localhost' ? { registry, repository } : { registry: DOCKER_HUB, repository: `${registry}/${repository}` };
}

export function archiveReference(pkg: Package, releaseVersion: string | undefined): ArchiveReference | undefined {
  const full = FULL_REFERENCE.exec(pkg.name);
  // bom makes a repeated SPDXID unique with a -0001 suffix (the same image archive listed twice).
  const fromName = `${PACKAGE_PREFIX}${encodeSpdxIdPart(pkg.name)}`;
  if (full && (pkg.spdxId === fromName || (pkg.spdxId.startsWith(`${fromName}-`) && /^\d{4}$/.test(pkg.spdxId.slice(fromName.length + 1))))) {
    const { registry, repository } = hubAware(full[1]!, full[2]!);
    return { registry, repository, tag: full[3]!, architecture: architectureOf(pkg, repository), tagSource: 'package-name' };
  }
  // Older bom (k8s.io/release/pkg/spdx) wrote the pulled image's reference as the download location.
  const location = typeof pkg.downloadLocation === 'string' ? FULL_REFERENCE.exec(pkg.downloadLocation) : null;
  if (location) {
    const [, registry, repository, tag] = location;
    return { registry: registry!, repository: repository!, tag: tag!, architecture: architectureOf(pkg, repository!), tagSource: 'download-location' };
  }
  if (!pkg.spdxId.startsWith(PACKAGE_PREFIX)) return undefined;
  let body = pkg.spdxId.slice(PACKAGE_PREFIX.length);
  let tag: string | undefined;
  let tagSource: ArchiveReference['tagSource'];
  const encodedVersion = releaseVersion ? `-${encodeSpdxIdPart(releaseVersion)}` : undefined;
  if (encodedVersion && body.endsWith(encodedVersion)) {
    tag = releaseVersion;
    tagSource = 'release-version';
    body = body.slice(0, -encodedVersion.length);
  } else {
    const tail = VERSION_TAIL.exec(body);
    if (tail) {
      tag = decodeSpdxIdEscapes(tail[1]!);
      tagSource = 'spdxid-pattern';
      body = body.slice(0, tail.index);
    }
  }
  const split = splitRegistry(body);
  if (!split || split.rest === '') return undefined;
  const repository = repositoryFrom(split.rest, archiveBase(pkg));
  return { registry: split.registry, repository, ...(tag ? { tag, tagSource } : {}), architecture: architectureOf(pkg, repository) };
}

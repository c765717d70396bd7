// CycloneDX `container` components and SPDX CONTAINER packages without a pkg:oci purl: the image they name, from
// trivy's RepoDigest / RepoTag properties or from the element's own name and version (syft writes `alpine` + `3.19`),
// when that is a reference.
import type { Package } from '../../parsers/model.js';
import { isDigest, parseReference, type ImageReference } from '../registry/reference.js';

/** Properties that hold the image's reference, most exact first (trivy writes them for image scans). */
const REFERENCE_PROPERTIES = ['aquasecurity:trivy:RepoDigest', 'aquasecurity:trivy:RepoTag'];
const ARCHIVE_FILE = /\.(tar|tgz|tar\.gz|tar\.zst)$/i;

export function containerComponentReference(pkg: Package): ImageReference | undefined {
  const properties = pkg.properties ?? [];
  // SPDX says it with primaryPackagePurpose CONTAINER (export --images writes name + versionInfo, no purl without a digest).
  const container = pkg.primaryPackagePurpose === 'CONTAINER' || properties.some((p) => p.name === 'cyclonedx:type' && p.value === 'container');
  if (!container) return undefined;
  const candidates: string[] = [];
  for (const name of REFERENCE_PROPERTIES) for (const p of properties) if (p.name === name) candidates.push(p.value);
  if (pkg.version) candidates.push(isDigest(pkg.version) ? `${pkg.name}@${pkg.version}` : `${pkg.name}:${pkg.version}`);
  candidates.push(pkg.name);
  for (const candidate of candidates) {
    // A scanned archive (trivy names the image by its path, centos-7.tar.gz) parses as a repository but is none.
    if (ARCHIVE_FILE.test(candidate)) continue;
    try {
      return parseReference(candidate);
    } catch {
      // Not a reference (a tarball path, a free-text name): try the next candidate.
    }
  }
  return undefined;
}

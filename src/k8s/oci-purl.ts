// pkg:oci package URLs (bom, apko, trivy write them differently) to registry, repository, digest and platform.
import { createRequire } from 'node:module';
import type { PackageURL as PackageUrlClass } from 'packageurl-js';
import type { Package } from '../../parsers/model.js';
import { parseReference, type ImageReference } from '../registry/reference.js';

// packageurl-js takes ~30 ms to load; release SBOMs have no purls, so it is loaded on the first pkg:oci only.
let PackageURL: typeof PackageUrlClass | undefined;
function packageUrlClass(): typeof PackageUrlClass {
  PackageURL ??= (createRequire(import.meta.url)('packageurl-js') as { PackageURL: typeof PackageUrlClass }).PackageURL;
  return PackageURL;
}

export interface OciPurl {
  registry: string;
  repository: string;
  digest?: string;
  tag?: string;
  architecture?: string;
  os?: string;
  mediaType?: string;
}

const DIGEST = /^sha(256|512):[0-9a-f]+$/;

/** The first pkg:oci purl of a package, parsed; undefined when it has none (or none that parses). */
export function ociPurlOf(pkg: Package): OciPurl | undefined {
  for (const ref of pkg.externalRefs) {
    if (ref.type.toLowerCase() !== 'purl' || !ref.locator.startsWith('pkg:oci/')) continue;
    const parsed = parseOciPurl(ref.locator);
    if (parsed) return parsed;
  }
  return undefined;
}

export function parseOciPurl(locator: string): OciPurl | undefined {
  let purl: PackageUrlClass;
  try {
    purl = packageUrlClass().fromString(locator);
  } catch {
    return undefined;
  }
  if (purl.type !== 'oci') return undefined;
  const q = purl.qualifiers ?? {};
  const name = purl.namespace ? `${purl.namespace}/${purl.name}` : purl.name;
  // bom writes repository_url without the image name (index.docker.io/library), the purl spec and trivy with it.
  let path = (q.repository_url ?? '').replace(/^[a-z]+:\/\//, '').replace(/\/+$/, '');
  if (path === '') path = name;
  else if (path.split('/').pop() !== name.split('/').pop()) path = `${path}/${name}`;
  const slash = path.indexOf('/');
  const first = slash > 0 ? path.slice(0, slash) : '';
  const hasHost = first.includes('.') || first.includes(':') || first === 'localhost';
  const version = purl.version?.toLowerCase();
  const repository = hasHost ? path.slice(slash + 1) : path;
  const tag = q.tag ? tagOf(q.tag, repository) : undefined;
  return {
    registry: hasHost ? first : '',
    repository,
    ...(version && DIGEST.test(version) ? { digest: version } : {}),
    ...(tag ? { tag } : {}),
    ...(q.arch ? { architecture: q.arch } : {}),
    ...(q.os ? { os: q.os } : {}),
    ...(q.mediatype || q.mediaType ? { mediaType: (q.mediatype ?? q.mediaType)!.replace(/ /g, '+') } : {}),
  };
}

/**
 * bom writes the `tag` qualifier as the reference the user gave (go-containerregistry's Tag.String()): `nginx` for
 * nginx:latest, `registry.k8s.io/pause:3.9`. A value that names this repository is read as that reference's tag.
 */
function tagOf(qualifier: string, repository: string): string {
  let ref: ImageReference;
  try {
    ref = parseReference(qualifier);
  } catch {
    return qualifier;
  }
  return ref.repository === repository || ref.repository === `library/${repository}` || `library/${ref.repository}` === repository
    ? (ref.tag ?? 'latest')
    : qualifier;
}

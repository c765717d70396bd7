// A container image as a pkg:oci package URL: the digest is the version; registry/repository, tag, arch, os qualifiers.
import { createRequire } from 'node:module';
import type { PackageURL as PackageUrlClass } from 'packageurl-js';
import type { ContainerImage } from '../k8s/image-types.js';

const require = createRequire(import.meta.url);

/** undefined without a digest: a pkg:oci purl's version is the digest. */
export function imagePurl(image: ContainerImage, digest: string | undefined): string | undefined {
  return digest ? ociPurl(image, digest) : undefined;
}

/** The purl of an image whose digest may be unknown (an image archive of the release SBOM): then it has no version. */
export function ociPurl(image: Pick<ContainerImage, 'registry' | 'repository' | 'tag' | 'architecture' | 'os'>, digest: string | undefined): string {
  const { PackageURL } = require('packageurl-js') as { PackageURL: typeof PackageUrlClass };
  const qualifiers: Record<string, string> = { repository_url: image.registry ? `${image.registry}/${image.repository}` : image.repository };
  if (image.tag) qualifiers.tag = image.tag;
  if (image.architecture) qualifiers.arch = image.architecture;
  if (image.os) qualifiers.os = image.os;
  return new PackageURL('oci', null, image.repository.split('/').pop()!, digest ?? null, qualifiers).toString();
}

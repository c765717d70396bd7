// Digest-pinned image references: what a deployment should name so that the bytes cannot change underneath it.

export interface PinnableImage {
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

/** `registry/repo@sha256:...`, or with keepTag `registry/repo:tag@sha256:...`; undefined without a digest. */
export function pinnedReference(image: PinnableImage, options: { keepTag?: boolean; digest?: string } = {}): string | undefined {
  const digest = options.digest ?? image.digest;
  if (!digest) return undefined;
  const name = image.registry ? `${image.registry}/${image.repository}` : image.repository;
  return options.keepTag && image.tag ? `${name}:${image.tag}@${digest}` : `${name}@${digest}`;
}

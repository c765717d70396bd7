// --pin: a digest for every image. The document's own digest is used where it has one; tags are resolved through
// the injected resolver (the registry client), one lookup per distinct reference. Any failure fails the whole run.
import { checkError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';
import { DIGEST } from '../registry/reference-grammar.js';
import type { ContainerImage } from './image-types.js';

export type DigestResolver = (reference: string) => Promise<string>;

export async function resolveImageDigests(
  images: readonly ContainerImage[],
  resolve: DigestResolver,
  options: { concurrency?: number } = {},
): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  const pending = [...new Set(images.filter((i) => !i.digest).map((i) => i.reference))];
  for (const image of images) if (image.digest) digests.set(image.reference, image.digest);
  let next = 0;
  const worker = async () => {
    while (next < pending.length) {
      const reference = pending[next++]!;
      const digest = await resolve(reference);
      // The digest goes into every pinned line: only a digest, whatever the resolver answered.
      if (!DIGEST.test(digest)) throw checkError('DIGEST_INVALID', `${reference}: the registry answered ${JSON.stringify(sanitizeLine(digest))}, not a digest`);
      digests.set(reference, digest);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 8, pending.length)) }, worker));
  return digests;
}

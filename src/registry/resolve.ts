// From a reference to a digest (and on to one platform's manifest), through any ImageSource.
import { checkError } from '../common/errors.js';
import type { FetchedManifest, ImageManifest, Platform } from './manifest.js';
import { selectPlatform } from './platform.js';
import { formatReference, parseReference, pinnedReference, type ImageReference } from './reference.js';
import type { ImageSource } from './source.js';

export interface ResolvedDigest {
  reference: ImageReference;
  digest: string;
  /** registry/repository@sha256:... */
  pinned: string;
  mediaType?: string;
}

const asReference = (ref: string | ImageReference) => (typeof ref === 'string' ? parseReference(ref) : ref);

/** The digest a reference points at: a digest reference is returned as is, a tag is looked up with HEAD. */
export async function resolveDigestFrom(source: ImageSource, ref: string | ImageReference): Promise<ResolvedDigest> {
  const reference = asReference(ref);
  if (reference.digest) return { reference, digest: reference.digest, pinned: pinnedReference(reference, reference.digest) };
  const head = await source.headManifest(reference, reference.tag ?? 'latest');
  if (!head) throw imageNotFound(source, reference);
  return { reference, digest: head.digest, pinned: pinnedReference(reference, head.digest), ...(head.mediaType ? { mediaType: head.mediaType } : {}) };
}

export function imageNotFound(source: ImageSource, reference: ImageReference) {
  return checkError('IMAGE_NOT_FOUND', `${formatReference(reference)}: no such image in ${source.describe(reference)}; check the name and tag`);
}

/** The manifest for a reference (by digest when it has one, so the bytes are checked against it). */
export async function fetchImageManifest(source: ImageSource, ref: string | ImageReference): Promise<FetchedManifest> {
  const reference = asReference(ref);
  const fetched = await source.fetchManifest(reference, reference.digest ?? reference.tag ?? 'latest');
  if (!fetched) throw imageNotFound(source, reference);
  return fetched;
}

/** Walks an index down to the single-platform manifest for `platform`; a plain manifest is returned as it is. */
export async function platformManifest(
  source: ImageSource,
  reference: ImageReference,
  top: FetchedManifest,
  platform: Platform,
): Promise<{ digest: string; manifest: ImageManifest }> {
  if (top.manifest.kind === 'manifest') return { digest: top.digest, manifest: top.manifest };
  const chosen = selectPlatform(top.manifest, platform, formatReference(reference));
  const child = await source.fetchManifest(reference, chosen.digest);
  if (!child) throw checkError('IMAGE_NOT_FOUND', `${formatReference(reference)}: the index names ${chosen.digest}, which the registry does not have`);
  if (child.manifest.kind !== 'manifest')
    throw checkError('INVALID_MANIFEST', `${formatReference(reference)}: nested index at ${chosen.digest} is not supported`);
  return { digest: child.digest, manifest: child.manifest };
}

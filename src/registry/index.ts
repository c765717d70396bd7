// The registry package's public surface: sources, reference parsing, digest resolution, signature discovery.
import { OciLayoutSource } from './oci-layout.js';
import { RemoteRegistry, type RemoteOptions } from './remote.js';
import { resolveDigestFrom, type ResolvedDigest } from './resolve.js';
import type { ImageReference } from './reference.js';
import type { ImageSource } from './source.js';

export * from './reference.js';
export type { ImageSource, RepoRef, ManifestHead } from './source.js';
export type { Descriptor, FetchedManifest, ImageManifest, ImageIndex, Platform } from './manifest.js';
export { RemoteRegistry, type RemoteOptions } from './remote.js';
export { OciLayoutSource } from './oci-layout.js';
export { OciLayoutWriter } from './oci-layout-writer.js';
export { resolveDigestFrom, fetchImageManifest, platformManifest, type ResolvedDigest } from './resolve.js';
export { parsePlatform, formatPlatform } from './platform.js';

export interface SourceOptions extends RemoteOptions {
  /** Read images from an OCI image layout folder instead of the network. */
  ociLayout?: string;
}

/** A remote registry client, or an OCI layout reader when `ociLayout` is given. */
export function createImageSource(options: SourceOptions = {}): ImageSource {
  return options.ociLayout ? new OciLayoutSource(options.ociLayout) : new RemoteRegistry(options);
}

/**
 * Resolves an image reference to its manifest digest (for `images --pin`): a digest reference is returned without a
 * lookup; a tag (default latest) is asked with HEAD. Pass `source` to share one client (and its tokens) across calls.
 * Throws KubeSbomError: IMAGE_NOT_FOUND, INVALID_REFERENCE, REGISTRY_UNREACHABLE, REGISTRY_UNAUTHORIZED, ...
 */
export function resolveDigest(ref: string | ImageReference, options: SourceOptions & { source?: ImageSource } = {}): Promise<ResolvedDigest> {
  return resolveDigestFrom(options.source ?? createImageSource(options), ref);
}

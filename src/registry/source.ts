// One interface for where images come from: a remote registry or an OCI image layout folder.
import type { Readable } from 'node:stream';
import type { Descriptor, FetchedManifest } from './manifest.js';

export interface RepoRef {
  registry: string;
  repository: string;
}

export interface ManifestHead {
  digest: string;
  mediaType?: string;
  size?: number;
}

export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
export const MAX_CONFIG_BYTES = 16 * 1024 * 1024;

export interface ImageSource {
  /** Where the bytes come from, for messages: "registry 127.0.0.1:5000", "OCI layout ./samples/images". */
  describe(repo: RepoRef): string;
  /** A manifest or index by tag or digest, its bytes checked against the digest; undefined when it does not exist. */
  fetchManifest(repo: RepoRef, reference: string): Promise<FetchedManifest | undefined>;
  /** The digest a tag points at, without the body where the source allows it; undefined when absent. */
  headManifest(repo: RepoRef, reference: string): Promise<ManifestHead | undefined>;
  /** A blob, checked against its digest, refused past maxBytes. */
  fetchBlob(repo: RepoRef, digest: string, maxBytes: number): Promise<Uint8Array>;
  /** A blob as a stream that fails at its end unless the bytes hash to `digest` (and, given, have `size` bytes). */
  openBlob(repo: RepoRef, digest: string, size?: number): Promise<Readable>;
  /** Manifests whose subject is `digest` (OCI 1.1 referrers); undefined when the source has no referrers API. */
  listReferrers(repo: RepoRef, digest: string, artifactType?: string): Promise<Descriptor[] | undefined>;
  /** Checks the registry answers the distribution API at /v2/ (200, or 401 asking for a token); remote only. */
  ping?(repo: RepoRef): Promise<void>;
  /** The same source with its network requests and retry waits ended by `signal`; remote only. */
  withSignal?(signal: AbortSignal): ImageSource;
}

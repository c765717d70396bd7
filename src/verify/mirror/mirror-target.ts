// Where a mirror run writes: a registry (under an optional path prefix) or an OCI image layout folder.
import type { Readable } from 'node:stream';
import type { Descriptor } from '../../registry/manifest.js';
import type { ImageSource, RepoRef } from '../../registry/source.js';
import type { ManifestItem } from './mirror-plan.js';

export interface MirrorTarget {
  /** For messages: "registry 127.0.0.1:5001/mirror", "OCI layout ./out". */
  describe(): string;
  /** The repository a source repository is copied to. */
  repoFor(source: RepoRef): RepoRef;
  /** Blobs shared by this key are stored once (per repository in a registry, once in a layout). */
  blobKey(repo: RepoRef, digest: string): string;
  hasBlob(repo: RepoRef, blob: Descriptor): Promise<boolean>;
  /** Uploads the stream; with `mountFrom`, first asks the registry to link the blob it holds there. */
  putBlob(repo: RepoRef, blob: Descriptor, open: () => Promise<Readable>, mountFrom?: RepoRef): Promise<'copied' | 'mounted'>;
  /** True when the target already holds this manifest (under its tag, when it has one). */
  hasManifest(repo: RepoRef, item: ManifestItem): Promise<boolean>;
  putManifest(repo: RepoRef, item: ManifestItem): Promise<void>;
  /** Makes what was written so far readable (the layout's index.json); called after each image, so a re-run resumes. */
  flush(): Promise<void>;
  /** A reader of the target that sees everything flushed so far, for the verification after the copy. */
  reader(): ImageSource;
}

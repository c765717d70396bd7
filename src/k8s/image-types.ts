// One container image found in an SBOM, whatever the document's generation or generator.
import type { Checksum } from '../../parsers/model.js';

export type ImageSourceKind =
  /** An image archive (docker save .tar) package that CONTAINS layer packages: the release SBOM. */
  | 'archive'
  /** A pkg:oci package for one platform's manifest. */
  | 'platform'
  /** A pkg:oci (or digest-named) package for a multi-platform index. */
  | 'index';

export interface ContainerImage {
  /** registry/repository:tag, or registry/repository@digest when there is no tag. */
  reference: string;
  /** Registry host as the document writes it; empty when the document does not say. */
  registry: string;
  repository: string;
  tag?: string;
  architecture?: string;
  os?: string;
  /** Manifest (or index) digest, only when the document carries one. */
  digest?: string;
  kind: ImageSourceKind;
  /**
   * Layer digests in the order the document lists them: uncompressed diff IDs (`rootfs.diff_ids`) for image
   * archives, compressed blob digests for registry images.
   */
  layers: string[];
  layerDigestKind?: 'diff-id' | 'blob';
  /** Checksums of the image archive (.tar) itself; empty for registry images. */
  archiveChecksums: Checksum[];
  /** The SPDXID of the package the image was read from (for a folded multi-arch entry: its first platform's). */
  spdxId: string;
  /** A multi-arch reference (images --multi-arch): the per-architecture entries folded into it, by architecture. */
  platforms?: ContainerImage[];
}

export interface ImageInventory {
  /** Sorted by reference, then SPDXID. */
  images: ContainerImage[];
  /** The release version the tags came from (archive images), when the document names one. */
  releaseVersion?: string;
  /** Packages that looked like images but could not be read, one line each. */
  warnings: string[];
}

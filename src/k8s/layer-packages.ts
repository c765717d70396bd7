// Layer packages: what a docker-save archive or an image manifest lists as its layers.
import type { Package } from '../../parsers/model.js';

const HEX64 = '[0-9a-f]{64}';
const DIGEST_NAME = new RegExp(`^sha256:${HEX64}$`);
const LAYER_TAR = new RegExp(`(^|/)${HEX64}/layer\\.tar$`);
const COMPRESSED_BLOB = new RegExp(`(^|/)${HEX64}\\.(tar\\.gz|tgz|tar\\.zst|tar)$`);
// An OCI image layout's blobs/sha256/<hex> is named by the digest its manifest (and the registry) gives the layer.
const LAYOUT_BLOB = new RegExp(`(^|/)blobs/sha256/(${HEX64})$`);

export interface LayerInfo {
  /** sha256:<hex> */
  digest: string;
  /** From the file name: layer.tar is uncompressed (a diff ID), .tar.gz a registry blob; absent when unsaid. */
  kind?: 'diff-id' | 'blob';
}

/** The layer a package stands for, or undefined when it is not a layer package. */
export function layerOf(pkg: Package): LayerInfo | undefined {
  const fileName = pkg.fileName ?? '';
  const sha256 = pkg.checksums.find((c) => c.algorithm === 'SHA256')?.value.toLowerCase();
  const names = [pkg.name, fileName];
  const layoutBlob = names.some((n) => LAYOUT_BLOB.exec(n)?.[2] === sha256);
  const kind = layoutBlob || names.some((n) => /\.(tar\.gz|tgz|tar\.zst)$/.test(n)) ? 'blob' : names.some((n) => /\.tar$/.test(n)) ? 'diff-id' : undefined;
  const layerFile = layoutBlob || names.some((n) => LAYER_TAR.test(n) || COMPRESSED_BLOB.test(n));
  if (!DIGEST_NAME.test(pkg.name) && !(layerFile && sha256)) return undefined;
  const digest = sha256 ? `sha256:${sha256}` : pkg.name;
  return kind ? { digest, kind } : { digest };
}

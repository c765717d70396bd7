// The file elements of a release SBOM (bin/linux/amd64/kubectl, kubernetes-server-linux-amd64.tar.gz ...) indexed
// by SHA-512 and by base name: the two ways verify-files finds a local file in the release.
import type { SpdxDocument } from '../../parsers/model.js';

export interface SbomFileDigests {
  /** FileName as the SBOM writes it, without a leading `./`. */
  name: string;
  spdxId: string;
  sha256?: string;
  sha512?: string;
}

export interface SbomFileIndex {
  files: SbomFileDigests[];
  bySha512: Map<string, SbomFileDigests[]>;
  byBaseName: Map<string, SbomFileDigests[]>;
}

export function baseName(path: string): string {
  return path.split(/[/\\]/).pop() ?? path;
}

function checksum(values: readonly { algorithm: string; value: string }[], algorithm: string): string | undefined {
  return values.find((c) => c.algorithm.toUpperCase() === algorithm)?.value.toLowerCase();
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexSbomFiles(doc: SpdxDocument): SbomFileIndex {
  const index: SbomFileIndex = { files: [], bySha512: new Map(), byBaseName: new Map() };
  for (const file of doc.files) {
    const sha256 = checksum(file.checksums, 'SHA256');
    const sha512 = checksum(file.checksums, 'SHA512');
    const entry: SbomFileDigests = {
      name: file.name.replace(/^\.\//, ''),
      spdxId: file.spdxId,
      ...(sha256 ? { sha256 } : {}),
      ...(sha512 ? { sha512 } : {}),
    };
    index.files.push(entry);
    if (sha512) push(index.bySha512, sha512, entry);
    push(index.byBaseName, baseName(entry.name), entry);
  }
  return index;
}

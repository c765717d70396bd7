// Image lists as text, JSON or CSV (YAML in image-list-yaml.ts, which loads the yaml library). Pure: data in,
// string out (the CLI writes files, the UI shows them).
import type { ContainerImage } from '../k8s/image-types.js';
import { toCsv } from './csv.js';
import { pinnedReference } from './pinned.js';

export const IMAGE_LIST_FORMATS = ['txt', 'json', 'csv', 'yaml'] as const;
export type ImageListFormat = (typeof IMAGE_LIST_FORMATS)[number];

export interface ImageListOptions {
  /** Keep the tag in digest-pinned references: repo:tag@sha256:... */
  keepTag?: boolean;
  /** Digests resolved from a registry (--pin), by image reference; they win over the document's own. */
  resolvedDigests?: ReadonlyMap<string, string>;
  /** Where the list came from, for the JSON/YAML header. */
  source?: string;
  releaseVersion?: string;
}

export interface ImageListEntry {
  /** The line of images.txt: the digest-pinned form when a digest is known, else registry/repo:tag. */
  line: string;
  reference: string;
  pinned?: string;
  image: ContainerImage;
}

export function imageListEntries(images: readonly ContainerImage[], options: ImageListOptions = {}): ImageListEntry[] {
  return images.map((image) => {
    const digest = options.resolvedDigests?.get(image.reference) ?? image.digest;
    const pinned = pinnedReference(image, { keepTag: options.keepTag, ...(digest ? { digest } : {}) });
    return { line: pinned ?? image.reference, reference: image.reference, ...(pinned ? { pinned } : {}), image };
  });
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One reference per line, sorted and without duplicates, like the documented images.txt. */
export function imagesToTxt(images: readonly ContainerImage[], options: ImageListOptions = {}): string {
  const lines = [...new Set(imageListEntries(images, options).map((e) => e.line))].sort(byCodeUnits);
  return lines.map((l) => `${l}\n`).join('');
}

function plainRecord(entry: ImageListEntry) {
  const { image } = entry;
  return {
    reference: entry.reference,
    ...(entry.pinned ? { pinned: entry.pinned } : {}),
    registry: image.registry,
    repository: image.repository,
    ...(image.tag ? { tag: image.tag } : {}),
    ...(image.architecture ? { architecture: image.architecture } : {}),
    ...(image.os ? { os: image.os } : {}),
    ...(entry.pinned ? { digest: entry.pinned.slice(entry.pinned.lastIndexOf('@') + 1) } : {}),
    kind: image.kind,
    layers: image.layers,
    ...(image.layerDigestKind ? { layerDigestKind: image.layerDigestKind } : {}),
    archiveChecksums: image.archiveChecksums.map((c) => ({ algorithm: c.algorithm, value: c.value })),
    spdxId: image.spdxId,
  };
}

export function listDocument(images: readonly ContainerImage[], options: ImageListOptions) {
  return {
    ...(options.source ? { source: options.source } : {}),
    ...(options.releaseVersion ? { releaseVersion: options.releaseVersion } : {}),
    count: images.length,
    images: imageListEntries(images, options).map(plainRecord),
  };
}

export function imagesToJson(images: readonly ContainerImage[], options: ImageListOptions = {}): string {
  return `${JSON.stringify(listDocument(images, options), null, 2)}\n`;
}

export const IMAGE_CSV_COLUMNS = [
  'reference',
  'pinned',
  'registry',
  'repository',
  'tag',
  'architecture',
  'os',
  'digest',
  'kind',
  'layers',
  'archiveSha256',
  'spdxId',
] as const;

export function imagesToCsv(images: readonly ContainerImage[], options: ImageListOptions = {}): string {
  const rows = imageListEntries(images, options).map((entry) => {
    const record = plainRecord(entry);
    return [
      record.reference,
      record.pinned ?? '',
      record.registry,
      record.repository,
      record.tag ?? '',
      record.architecture ?? '',
      record.os ?? '',
      record.digest ?? '',
      record.kind,
      record.layers.join(' '),
      entry.image.archiveChecksums.find((c) => c.algorithm === 'SHA256')?.value ?? '',
      record.spdxId,
    ];
  });
  return toCsv(IMAGE_CSV_COLUMNS, rows);
}

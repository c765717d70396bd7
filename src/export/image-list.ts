// Image lists as text, JSON or CSV (YAML in image-list-yaml.ts, which loads the yaml library). Pure: data in,
// string out (the CLI writes files, the UI shows them).
import { toJsonText } from '../common/json-text.js';
import type { ContainerImage } from '../k8s/image-types.js';
import { architecturesOf } from '../k8s/multi-arch.js';
import { toCsv } from './csv.js';
import { pinnedReference } from './pinned.js';

export const IMAGE_LIST_FORMATS = ['txt', 'json', 'csv', 'yaml'] as const;
export type ImageListFormat = (typeof IMAGE_LIST_FORMATS)[number];

export interface ImageListOptions {
  /** Keep the tag in digest-pinned references: repo:tag@sha256:... */
  keepTag?: boolean;
  /** Digests resolved from a registry (--pin), by image reference; they win over the document's own. */
  resolvedDigests?: ReadonlyMap<string, string>;
  /** --multi-arch --pin: each proven platform's manifest digest inside its index, by the SBOM entry's SPDXID. */
  platformDigests?: ReadonlyMap<string, string>;
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

/** What a multi-arch entry folds: each platform's own reference, layers and archive, as the SBOM lists them. */
function platformRecord(image: ContainerImage, digests: ReadonlyMap<string, string> | undefined) {
  const digest = digests?.get(image.spdxId);
  return {
    reference: image.reference,
    ...(image.architecture ? { architecture: image.architecture } : {}),
    ...(image.os ? { os: image.os } : {}),
    ...(digest ? { digest } : {}),
    layers: image.layers,
    ...(image.layerDigestKind ? { layerDigestKind: image.layerDigestKind } : {}),
    archiveChecksums: image.archiveChecksums.map((c) => ({ algorithm: c.algorithm, value: c.value })),
    spdxId: image.spdxId,
  };
}

function plainRecord(entry: ImageListEntry, platformDigests?: ReadonlyMap<string, string>) {
  const { image } = entry;
  if (image.platforms) {
    return {
      reference: entry.reference,
      ...(entry.pinned ? { pinned: entry.pinned } : {}),
      registry: image.registry,
      repository: image.repository,
      ...(image.tag ? { tag: image.tag } : {}),
      architectures: architecturesOf(image),
      ...(entry.pinned ? { digest: entry.pinned.slice(entry.pinned.lastIndexOf('@') + 1) } : {}),
      kind: image.kind,
      platforms: image.platforms.map((p) => platformRecord(p, platformDigests)),
    };
  }
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
    images: imageListEntries(images, options).map((e) => plainRecord(e, options.platformDigests)),
  };
}

export function imagesToJson(images: readonly ContainerImage[], options: ImageListOptions = {}): string {
  return toJsonText(listDocument(images, options));
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
    const { image } = entry;
    // A multi-arch entry's cells list its platforms' values, space-separated in architecture order, like the layers.
    const parts = image.platforms ?? [image];
    const sha256Of = (i: ContainerImage) => i.archiveChecksums.find((c) => c.algorithm === 'SHA256')?.value ?? '';
    return [
      entry.reference,
      entry.pinned ?? '',
      image.registry,
      image.repository,
      image.tag ?? '',
      architecturesOf(image).join(' '),
      [...new Set(parts.map((p) => p.os ?? '').filter(Boolean))].join(' '),
      entry.pinned ? entry.pinned.slice(entry.pinned.lastIndexOf('@') + 1) : '',
      image.kind,
      image.platforms ? '' : image.layers.join(' '),
      parts.map(sha256Of).filter(Boolean).join(' '),
      parts.map((p) => p.spdxId).join(' '),
    ];
  });
  return toCsv(IMAGE_CSV_COLUMNS, rows);
}

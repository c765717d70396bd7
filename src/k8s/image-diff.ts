// What changed between two releases' images. Images are matched by repository and platform, not by tag or
// registry, so v1.23.1 (k8s.gcr.io) against v1.25.4 (registry.k8s.io) pairs kube-apiserver-amd64 with itself.
import type { ContainerImage } from './image-types.js';

export interface ImageChange {
  key: string;
  before: ContainerImage;
  after: ContainerImage;
  /** Human-readable, one per changed aspect: reference, digest, archive checksum, layers. */
  changes: string[];
  layersAdded: string[];
  layersRemoved: string[];
}

export interface ImageDiff {
  added: ContainerImage[];
  removed: ContainerImage[];
  changed: ImageChange[];
  unchanged: number;
}

export function imageKey(image: ContainerImage): string {
  const platform = image.kind === 'index' ? 'index' : [image.os, image.architecture].filter(Boolean).join('/');
  return platform ? `${image.repository} ${platform}` : image.repository;
}

function archiveSum(image: ContainerImage, algorithm: string): string | undefined {
  return image.archiveChecksums.find((c) => c.algorithm === algorithm)?.value;
}

function compareImages(before: ContainerImage, after: ContainerImage): Omit<ImageChange, 'key' | 'before' | 'after'> {
  const changes: string[] = [];
  if (before.reference !== after.reference) changes.push(`reference ${before.reference} -> ${after.reference}`);
  if (before.digest && after.digest && before.digest !== after.digest) changes.push(`digest ${before.digest} -> ${after.digest}`);
  for (const algorithm of ['SHA256', 'SHA512', 'SHA1']) {
    const a = archiveSum(before, algorithm);
    const b = archiveSum(after, algorithm);
    if (a && b) {
      if (a !== b) changes.push(`archive ${algorithm} ${a} -> ${b}`);
      break;
    }
  }
  const beforeLayers = new Set(before.layers);
  const afterLayers = new Set(after.layers);
  const layersAdded = after.layers.filter((l) => !beforeLayers.has(l));
  const layersRemoved = before.layers.filter((l) => !afterLayers.has(l));
  if (layersAdded.length || layersRemoved.length) changes.push(`layers +${layersAdded.length} -${layersRemoved.length}`);
  else if (before.layers.join() !== after.layers.join()) changes.push('layers reordered');
  return { changes, layersAdded, layersRemoved };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function diffImages(before: readonly ContainerImage[], after: readonly ContainerImage[]): ImageDiff {
  const index = (list: readonly ContainerImage[]) => {
    const map = new Map<string, ContainerImage>();
    for (const image of list) if (!map.has(imageKey(image))) map.set(imageKey(image), image);
    return map;
  };
  const a = index(before);
  const b = index(after);
  const diff: ImageDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [key, image] of b) if (!a.has(key)) diff.added.push(image);
  for (const [key, image] of a) {
    const other = b.get(key);
    if (!other) {
      diff.removed.push(image);
      continue;
    }
    const result = compareImages(image, other);
    if (result.changes.length) diff.changed.push({ key, before: image, after: other, ...result });
    else diff.unchanged++;
  }
  diff.added.sort((x, y) => cmp(x.reference, y.reference));
  diff.removed.sort((x, y) => cmp(x.reference, y.reference));
  diff.changed.sort((x, y) => cmp(x.key, y.key));
  return diff;
}

// --multi-arch: the per-architecture entries of a release (kube-apiserver-amd64:v1.25.4, ...-arm64:v1.25.4) folded
// into the multi-arch reference clusters and kubeadm pull (kube-apiserver:v1.25.4), which keeps them as its platforms.
import { formatImageReference } from './image-inventory.js';
import type { ContainerImage } from './image-types.js';

/** The multi-arch repository of a per-architecture image: the name without its `-<arch>` suffix. */
export function multiArchRepository(image: Pick<ContainerImage, 'repository' | 'architecture'>): string {
  const suffix = image.architecture ? `-${image.architecture}` : '';
  return suffix && image.repository.endsWith(suffix) && image.repository.length > suffix.length ? image.repository.slice(0, -suffix.length) : image.repository;
}

/**
 * Folds tagged images that name an architecture into one entry per multi-arch reference (kind 'index', no layers of
 * its own, `platforms` sorted by architecture); an index the document lists under that reference takes them (its
 * digest kept). Untagged entries (image SBOMs name platforms by digest) and architecture-less ones stay as they are.
 */
export function foldMultiArch(images: readonly ContainerImage[]): ContainerImage[] {
  const groups = new Map<string, ContainerImage[]>();
  const kept: ContainerImage[] = [];
  for (const image of images) {
    // Without a tag a per-platform entry is named by its own digest: there is no shared reference to fold into.
    if (!image.architecture || !image.tag || image.kind === 'index') {
      kept.push(image);
      continue;
    }
    const reference = formatImageReference({ registry: image.registry, repository: multiArchRepository(image), tag: image.tag });
    groups.set(reference, [...(groups.get(reference) ?? []), image]);
  }
  const indexes = new Map(kept.filter((i) => i.kind === 'index').map((i) => [i.reference, i]));
  const folded = [...groups].map(([reference, platforms]): ContainerImage => {
    const sorted = [...platforms].sort((a, b) => cmp(a.architecture ?? '', b.architecture ?? '') || cmp(a.spdxId, b.spdxId));
    const first = sorted[0]!;
    const index = indexes.get(reference);
    if (index) {
      kept.splice(kept.indexOf(index), 1);
      return { ...index, platforms: sorted };
    }
    return {
      reference,
      registry: first.registry,
      repository: multiArchRepository(first),
      tag: first.tag!,
      kind: 'index',
      layers: [],
      archiveChecksums: [],
      spdxId: first.spdxId,
      platforms: sorted,
    };
  });
  return [...kept, ...folded].sort((a, b) => cmp(a.reference, b.reference) || cmp(a.spdxId, b.spdxId));
}

/** The architectures a folded entry stands for, in order; the image's own for an entry that was not folded. */
export function architecturesOf(image: ContainerImage): string[] {
  if (image.platforms) return [...new Set(image.platforms.map((p) => p.architecture).filter((a): a is string => a !== undefined))];
  return image.architecture ? [image.architecture] : [];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

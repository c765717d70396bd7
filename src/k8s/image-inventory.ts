// Finds the container images in an SBOM by structure: image archives that CONTAIN layer packages (release
// SBOMs of both generations), pkg:oci packages (bom/apko image SBOMs: indexes and per-platform manifests), and
// packages named by a digest reference, early bom's `REF (ARCH/OS)` platform packages (platform-image.ts) and
// CycloneDX container components (container-component.ts). No grep over
// SPDXIDs: the SPDXID is decoded only for the archive's name.
import type { Package } from '../../parsers/model.js';
import { sanitizeLine } from '../common/sanitize.js';
import { DocumentIndex } from '../sbom/document-index.js';
import { referencePartsProblem } from '../registry/reference-grammar.js';
import { RelationshipGraph } from '../sbom/relationship-graph.js';
import { archiveReference } from './archive-image.js';
import { containerComponentReference } from './container-component.js';
import type { ContainerImage, ImageInventory } from './image-types.js';
import { layerOf, type LayerInfo } from './layer-packages.js';
import { ociPurlOf, type OciPurl } from './oci-purl.js';
import { platformImageOf } from './platform-image.js';
import { releaseVersionOf } from './release-version.js';

export type { ContainerImage, ImageInventory, ImageSourceKind } from './image-types.js';

const DIGEST_REFERENCE = /^([A-Za-z0-9.-]+(?::\d+)?)\/([a-z0-9._/-]+)@(sha256:[0-9a-f]{64})$/;
const INDEX_MEDIA = /manifest\.list|image\.index/;
// apko gives its layer a pkg:oci purl too; the media type says it is a layer of the image, not an image.
const LAYER_MEDIA = /\.layer\.|\.rootfs\./;

export function formatImageReference(image: Pick<ContainerImage, 'registry' | 'repository' | 'tag' | 'digest'>): string {
  const name = image.registry ? `${image.registry}/${image.repository}` : image.repository;
  if (image.tag) return `${name}:${image.tag}`;
  return image.digest ? `${name}@${image.digest}` : name;
}

export function buildImageInventory(index: DocumentIndex, graph = new RelationshipGraph(index)): ImageInventory {
  const releaseVersion = releaseVersionOf(index.document);
  const warnings: string[] = [];
  const images: ContainerImage[] = [];
  // A reference leaves the tool only when it is one: a newline or a stray character in a purl or a name would
  // otherwise print a second, attacker-chosen line in an image list.
  const add = (image: Omit<ContainerImage, 'reference'>) => {
    const problem = referencePartsProblem(image);
    if (problem)
      warnings.push(
        `${sanitizeLine(image.spdxId)}: left out: ${sanitizeLine(JSON.stringify(formatImageReference(image)))} is not an image reference (${problem})`,
      );
    else images.push(withReference(image));
  };
  const purls = new Map<string, OciPurl>();
  for (const pkg of index.document.packages) {
    const purl = ociPurlOf(pkg);
    if (purl && !(purl.mediaType && LAYER_MEDIA.test(purl.mediaType))) purls.set(pkg.spdxId, purl);
  }
  const layersOf = (pkg: Package): LayerInfo[] =>
    graph
      .contained(pkg.spdxId)
      .filter((id) => !purls.has(id))
      .map((id) => index.package(id))
      .map((p) => (p ? layerOf(p) : undefined))
      .filter((l): l is LayerInfo => l !== undefined);
  const holdsImages = (pkg: Package) =>
    graph.contained(pkg.spdxId).some((id) => purls.has(id)) ||
    graph.incoming(pkg.spdxId, 'VARIANT_OF').length > 0 ||
    graph.outgoing(pkg.spdxId, 'VARIANT_OF').length > 0;

  for (const pkg of index.document.packages) {
    const purl = purls.get(pkg.spdxId);
    const layers = layersOf(pkg);
    // Without a file name to tell, a registry image's layers are blobs and an archive's are diff IDs.
    const layerKind = layers.find((l) => l.kind)?.kind ?? (purl || DIGEST_REFERENCE.test(pkg.name) ? 'blob' : 'diff-id');
    const common = {
      layers: layers.map((l) => l.digest),
      ...(layers.length > 0 ? { layerDigestKind: layerKind } : {}),
      spdxId: pkg.spdxId,
    };
    if (purl) {
      const isIndex = (purl.mediaType !== undefined && INDEX_MEDIA.test(purl.mediaType)) || (!purl.architecture && holdsImages(pkg));
      add({
        registry: purl.registry,
        repository: purl.repository,
        ...(purl.tag ? { tag: purl.tag } : {}),
        ...(purl.digest ? { digest: purl.digest } : {}),
        ...(purl.architecture ? { architecture: purl.architecture } : {}),
        ...(purl.os ? { os: purl.os } : {}),
        kind: isIndex ? 'index' : 'platform',
        archiveChecksums: [],
        ...common,
      });
      continue;
    }
    const digestName = DIGEST_REFERENCE.exec(pkg.name);
    if (digestName) {
      add({
        registry: digestName[1]!,
        repository: digestName[2]!,
        digest: digestName[3]!,
        kind: holdsImages(pkg) || /index/i.test(pkg.description ?? '') ? 'index' : 'platform',
        archiveChecksums: [],
        ...common,
      });
      continue;
    }
    const container = containerComponentReference(pkg);
    if (container) {
      add({
        registry: container.registry,
        repository: container.repository,
        ...(container.tag ? { tag: container.tag } : {}),
        ...(container.digest ? { digest: container.digest } : {}),
        kind: 'platform',
        archiveChecksums: [],
        ...common,
      });
      continue;
    }
    if (layers.length === 0 || layerOf(pkg)) continue;
    const platform = platformImageOf(pkg);
    if (platform) {
      add({ ...platform, kind: 'platform', archiveChecksums: [], ...common });
      continue;
    }
    const ref = archiveReference(pkg, releaseVersion);
    if (!ref) {
      warnings.push(`${sanitizeLine(pkg.spdxId)}: holds ${layers.length} layer(s) but its image name cannot be read from the SPDXID`);
      continue;
    }
    if (ref.tagSource === 'spdxid-pattern') {
      warnings.push(`${sanitizeLine(pkg.spdxId)}: tag ${ref.tag} taken from the SPDXID; the document names no release version matching it`);
    }
    if (!ref.tag) warnings.push(`${sanitizeLine(pkg.spdxId)}: no tag found (the document names no release version)`);
    add({
      registry: ref.registry,
      repository: ref.repository,
      ...(ref.tag ? { tag: ref.tag } : {}),
      ...(ref.architecture ? { architecture: ref.architecture } : {}),
      kind: 'archive',
      archiveChecksums: pkg.checksums.map((c) => ({ algorithm: c.algorithm, value: c.value.toLowerCase() })),
      ...common,
    });
  }
  images.sort((a, b) => cmp(a.reference, b.reference) || cmp(a.spdxId, b.spdxId));
  return { images, ...(releaseVersion ? { releaseVersion } : {}), warnings };
}

function withReference(image: Omit<ContainerImage, 'reference'>): ContainerImage {
  return { reference: formatImageReference(image), ...image };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

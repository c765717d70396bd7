// What the Explorer's name column says about a row: what tells it apart from its look-alikes comes first (an
// image's reference, a layer's digest and image, a package's differing version or purl qualifier), so a narrow
// column cuts the part every look-alike shares.
import type { Element } from '../../../parsers/model.js';
import type { ContainerImage } from '../../k8s/image-inventory.js';
import { layerOf } from '../../k8s/layer-packages.js';
import { releaseArchiveOf } from '../../k8s/release-archive.js';
import { elementName } from '../../sbom/document-index.js';
import { purlsOf } from '../../sbom/query.js';
import type { RelationshipGraph } from '../../sbom/relationship-graph.js';
import type { RowKind } from '../ports.js';

interface LabelInput {
  elements: readonly Element[];
  kinds: readonly RowKind[];
  imageById: ReadonlyMap<string, ContainerImage>;
  graph: RelationshipGraph;
}

/** The registry every image shares: it tells none of them apart, so the labels leave it out. */
function sharedRegistry(images: Iterable<ContainerImage>): string {
  let shared: string | undefined;
  for (const image of images) {
    if (shared === undefined) shared = image.registry;
    else if (shared !== image.registry) return '';
  }
  return shared ?? '';
}

const short = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12);

function imageLabel(image: ContainerImage, registry: string): string {
  const name = registry === image.registry || !image.registry ? image.repository : `${image.registry}/${image.repository}`;
  // A tag reads better than a digest; a digest is cut to the 12 characters `docker images` shows.
  const reference = image.tag ? `${name}:${image.tag}` : image.digest ? `${name}@${short(image.digest)}` : name;
  const arch = image.architecture;
  return arch && !reference.includes(arch) ? `${arch} ${reference}` : reference;
}

const versionOf = (element: Element): string => (element.elementType === 'package' ? (element.version ?? '') : '');

function nameAndVersion(element: Element): string {
  const name = elementName(element);
  const version = versionOf(element);
  return version && !name.includes(version) ? `${name} ${version}` : name;
}

function qualifiers(element: Element): Map<string, string> {
  const result = new Map<string, string>();
  const purl = purlsOf(element)[0];
  const query = purl?.split('#')[0]!.split('?')[1];
  if (!query) return result;
  for (const pair of query.split('&')) {
    const [key, value = ''] = pair.split('=');
    if (key) result.set(key, value);
  }
  return result;
}

/** `arch=amd64` when the group's members differ in their purl's arch qualifier; one part per differing key. */
function differingQualifiers(group: readonly number[], elements: readonly Element[]): string[] {
  const parsed = group.map((i) => qualifiers(elements[i]!));
  const keys = new Set(parsed.flatMap((q) => [...q.keys()]));
  const differing = [...keys].filter((key) => new Set(parsed.map((q) => q.get(key))).size > 1).sort();
  return parsed.map((q) => differing.map((key) => `${key}=${q.get(key) ?? ''}`).join(' '));
}

/**
 * The label of row `i`, worked out when the row is first drawn and kept: a screen draws a few dozen rows, and doing
 * all 100k at load would slow the first frame of a large document.
 */
export function rowLabeler({ elements, kinds, imageById, graph }: LabelInput): (i: number) => string {
  const registry = sharedRegistry(imageById.values());
  const images = new Map<string, string>();
  for (const [id, image] of imageById) images.set(id, imageLabel(image, registry));
  const containers = (id: string): string[] => [
    ...graph.incoming(id, 'CONTAINS').map((e) => e.from),
    ...graph.outgoing(id, 'CONTAINED_BY').flatMap((e) => (typeof e.to === 'string' ? [e.to] : [])),
  ];
  // Memoized: the packages of one layer all ask about the same layer.
  const owners = new Map<string, string | undefined>();
  const ownerImage = (id: string, depth = 0): string | undefined => {
    if (owners.has(id)) return owners.get(id);
    const direct = containers(id);
    let owner = direct.find((from) => imageById.has(from));
    for (let k = 0; owner === undefined && depth < 2 && k < direct.length; k++) owner = ownerImage(direct[k]!, depth + 1);
    owners.set(id, owner);
    return owner;
  };
  const ownLabel = (i: number): string => {
    const element = elements[i]!;
    const image = images.get(element.spdxId);
    if (image !== undefined) return `${image} · ${elementName(element)}`;
    const layer = kinds[i] === 'layer' && element.elementType === 'package' ? layerOf(element) : undefined;
    if (!layer) return nameAndVersion(element);
    const owner = ownerImage(element.spdxId);
    return owner ? `${short(layer.digest)} in ${images.get(owner)!}` : elementName(element);
  };
  // Look-alikes: rows with the same name; one pass over the names, on the first row that needs it.
  let groups: Map<string, number[]> | undefined;
  const groupOf = (i: number): number[] => {
    if (!groups) {
      groups = new Map();
      for (let k = 0; k < elements.length; k++) {
        if (kinds[k] === 'image' || kinds[k] === 'layer') continue;
        const name = elementName(elements[k]!);
        const group = groups.get(name);
        if (group) group.push(k);
        else groups.set(name, [k]);
      }
    }
    return groups.get(elementName(elements[i]!)) ?? [i];
  };
  // A file's container: the element that CONTAINS it (not an image), else the release archive its SPDXID names.
  let indexById: Map<string, number> | undefined;
  const archiveOf = (i: number): string | undefined => {
    const element = elements[i]!;
    if (element.elementType !== 'file') return undefined;
    indexById ??= new Map(elements.map((e, k) => [e.spdxId, k]));
    const parent = containers(element.spdxId).find((id) => !imageById.has(id) && indexById!.has(id));
    return parent !== undefined ? elementName(elements[indexById.get(parent)!]!) : releaseArchiveOf(element.spdxId);
  };
  // What differs (version, purl qualifier, image, archive) goes in front of each member of a group.
  const lookAlike = (group: number[]): string[] => {
    const versions = group.map((i) => versionOf(elements[i]!));
    const versionDiffers = new Set(versions).size > 1;
    const qualifierParts = differingQualifiers(group, elements);
    const groupOwners = group.map((i) => ownerImage(elements[i]!.spdxId));
    const arches = groupOwners.map((id) => (id ? (imageById.get(id)!.architecture ?? '') : ''));
    // The image's architecture is enough when it alone tells the group apart; else with the image's digest too.
    const byArch = arches.every(Boolean) && new Set(arches).size === group.length;
    const ownerPart = (id: string, arch: string) => {
      const digest = imageById.get(id)!.digest;
      return byArch ? arch : arch && digest ? `${arch} ${short(digest)}` : images.get(id)!;
    };
    const archives = group.map(archiveOf);
    const archiveDiffers = archives.every(Boolean) && new Set(archives).size > 1;
    return group.map((i, n) => {
      const parts = [versionDiffers ? versions[n] : '', qualifierParts[n]].filter(Boolean);
      const owner = groupOwners[n] ? ownerPart(groupOwners[n]!, arches[n]!) : archiveDiffers ? `in ${archives[n]!}` : undefined;
      const part = parts.length > 0 ? parts.join(' ') : owner;
      const rest = versionDiffers ? elementName(elements[i]!) : ownLabel(i);
      return part ? `${part} · ${rest}` : rest;
    });
  };
  const labels: Array<string | undefined> = new Array<string | undefined>(elements.length);
  return (i) => {
    const known = labels[i];
    if (known !== undefined) return known;
    const group = kinds[i] === 'image' || kinds[i] === 'layer' ? [i] : groupOf(i);
    if (group.length < 2) return (labels[i] = ownLabel(i));
    lookAlike(group).forEach((label, n) => (labels[group[n]!] = label));
    return labels[i]!;
  };
}

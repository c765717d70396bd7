// Per-platform image packages of early bom (sigs.k8s.io/bom/pkg/spdx, 2022): named `REF (ARCH/OS)`, with the SPDXID
// built from the tag bom gave the pulled manifest in its docker-save archive, `REPOSITORY:<manifest digest hex>`.
import type { Package } from '../../parsers/model.js';
import { DOCKER_HUB, parseReference, type ImageReference } from '../registry/reference.js';
import { encodeSpdxIdPart } from './spdxid-decode.js';

export interface PlatformImage {
  registry: string;
  repository: string;
  digest: string;
  architecture: string;
  os: string;
}

const PLATFORM_NAME = /^(\S+) \(([\w.-]+)\/([\w.-]+)\)$/;
const DIGEST_TAIL = /-([0-9a-f]{64})$/;

export function platformImageOf(pkg: Package): PlatformImage | undefined {
  const name = PLATFORM_NAME.exec(pkg.name);
  const hex = DIGEST_TAIL.exec(pkg.spdxId)?.[1];
  if (!name || !hex) return undefined;
  let ref: ImageReference;
  try {
    ref = parseReference(name[1]!);
  } catch {
    return undefined;
  }
  // The digest is taken only when the SPDXID is exactly that tag of this repository (go-containerregistry spells
  // Docker Hub index.docker.io).
  const registries = ref.registry === DOCKER_HUB ? [DOCKER_HUB, 'index.docker.io'] : [ref.registry];
  const ids = registries.map((registry) => `SPDXRef-Package-${encodeSpdxIdPart(`${registry}/${ref.repository}:${hex}`)}`);
  if (!ids.includes(pkg.spdxId)) return undefined;
  return { registry: ref.registry, repository: ref.repository, digest: `sha256:${hex}`, architecture: name[2]!, os: name[3]! };
}

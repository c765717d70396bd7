// How an image the SBOM lists becomes what verify-images checks: the platform it is listed for and its layers,
// so the registry's layers can be compared with the SBOM's (the same mapping for the command and the UI).
import type { ContainerImage } from '../k8s/image-types.js';
import type { ImageToVerify } from './verify-images.js';

export function imageToVerify(image: ContainerImage): ImageToVerify {
  return {
    reference: image.reference,
    platform: { os: image.os ?? 'linux', architecture: image.architecture ?? 'amd64' },
    layers: image.layers,
    layerKind: image.layerDigestKind ?? 'diff-id',
  };
}

/** The references asked for; one the SBOM does not list is checked by its signature alone. */
export function referencesToVerify(references: readonly string[], images: readonly ContainerImage[]): ImageToVerify[] {
  const byReference = new Map(images.map((i) => [i.reference, i]));
  return references.map((reference) => {
    const image = byReference.get(reference);
    return image ? imageToVerify(image) : { reference };
  });
}

// The packages of an SPDX document that the image inventory recognises as container images (by structure: release
// image archives, digest-named packages, pkg:oci packages), as the purl their CycloneDX `container` component gets,
// so that CycloneDX tools and this tool's own reader find the same images after the conversion.
import type { SpdxDocument } from '../../parsers/model.js';
import { buildImageInventory } from '../k8s/image-inventory.js';
import { DocumentIndex } from '../sbom/document-index.js';
import { ociPurl } from './image-purl.js';

/** SPDXID of each image package -> its pkg:oci purl (with the digest as version when the document knows it). */
export function imagePurlsOf(doc: SpdxDocument): Map<string, string> {
  const purls = new Map<string, string>();
  for (const image of buildImageInventory(new DocumentIndex(doc)).images) {
    if (!purls.has(image.spdxId)) purls.set(image.spdxId, ociPurl(image, image.digest));
  }
  return purls;
}

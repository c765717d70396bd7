// The image inventory as a CycloneDX 1.6 BOM (container components) or an SPDX 2.3 document (CONTAINER packages),
// each image carrying what this run verified: CycloneDX properties, SPDX annotations (see export --help).
import { toJsonText } from '../common/json-text.js';
import type { ContainerImage } from '../k8s/image-types.js';
import { cdxHashes } from './cyclonedx-fields.js';
import { uuidFrom } from './cyclonedx-bom.js';
import { imagePurl } from './image-purl.js';
import { PROPERTY_PREFIX, verificationProperties, type ImageVerificationFacts } from './image-verification-facts.js';
import { NotExpressedLedger, type NotExpressed } from './not-expressed.js';

export interface ImageBomInput {
  images: readonly ContainerImage[];
  /** What this run verified, by image reference; an image without facts was not verified by this run. */
  verification?: ReadonlyMap<string, ImageVerificationFacts>;
  /** Where the list came from (file, or `VERSION release SBOM`), and the document's namespace, for the serial number. */
  source: string;
  namespace: string;
  /** RFC 3339, the time the output was made; written as metadata.timestamp / creationInfo.created. */
  created: string;
  toolVersion: string;
  /** How this run trusted the source document (kube-sbom:verification:* of the document). */
  sourceProperties?: readonly { name: string; value: string }[];
}

const digestOf = (image: ContainerImage, facts: ImageVerificationFacts | undefined) => facts?.digest ?? image.digest;

function imageProperties(image: ContainerImage, facts: ImageVerificationFacts | undefined) {
  const p = (name: string, value: string) => ({ name: `${PROPERTY_PREFIX}image:${name}`, value });
  return [
    p('reference', image.reference),
    p('kind', image.kind),
    p('spdx-id', image.spdxId),
    ...(image.layerDigestKind ? image.layers.map((layer) => p(image.layerDigestKind === 'diff-id' ? 'diff-id' : 'layer', layer)) : []),
    ...(facts ? verificationProperties(facts) : []),
  ];
}

export interface ImageBomExport {
  text: string;
  notExpressed: NotExpressed[];
}

export function imagesToCycloneDx(input: ImageBomInput): ImageBomExport {
  const ledger = new NotExpressedLedger();
  const components = input.images.map((image, i) => {
    const facts = input.verification?.get(image.reference);
    const purl = imagePurl(image, digestOf(image, facts));
    const hashes = cdxHashes(image.spdxId, image.archiveChecksums, ledger);
    return {
      type: 'container',
      // SPDXIDs repeat when one package is listed for several tags; the index keeps bom-refs unique.
      'bom-ref': `${image.spdxId}#${i}`,
      name: image.registry ? `${image.registry}/${image.repository}` : image.repository,
      ...(image.tag ? { version: image.tag } : {}),
      ...(hashes ? { hashes } : {}),
      ...(purl ? { purl } : {}),
      properties: imageProperties(image, facts),
    };
  });
  const bom = {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${uuidFrom(`${input.namespace}#images#${input.created}`)}`,
    version: 1,
    metadata: {
      timestamp: input.created,
      tools: { components: [{ type: 'application', name: 'kube-sbom', version: input.toolVersion }] },
      properties: [{ name: `${PROPERTY_PREFIX}source`, value: input.source }, ...(input.sourceProperties ?? [])],
    },
    components,
  };
  return { text: toJsonText(bom), notExpressed: ledger.list() };
}

export function imagesToSpdxJson(input: ImageBomInput): ImageBomExport {
  const packages = input.images.map((image, i) => {
    const facts = input.verification?.get(image.reference);
    const purl = imagePurl(image, digestOf(image, facts));
    const lines = imageProperties(image, facts).map((p) => `${p.name}=${p.value}`);
    return {
      SPDXID: `SPDXRef-Image-${i}`,
      name: image.registry ? `${image.registry}/${image.repository}` : image.repository,
      ...(image.tag ? { versionInfo: image.tag } : {}),
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      primaryPackagePurpose: 'CONTAINER',
      ...(image.archiveChecksums.length > 0 ? { checksums: image.archiveChecksums.map((c) => ({ algorithm: c.algorithm, checksumValue: c.value })) } : {}),
      ...(purl ? { externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: purl }] } : {}),
      // One annotation per image with every fact, one name=value per line, the names of the CycloneDX properties.
      annotations: [{ annotationDate: input.created, annotationType: 'OTHER', annotator: `Tool: kube-sbom-${input.toolVersion}`, comment: lines.join('\n') }],
    };
  });
  const doc = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: `images of ${input.source}`,
    documentNamespace: `https://kube-sbom.invalid/images/${uuidFrom(`${input.namespace}#images#${input.created}`)}`,
    creationInfo: { created: input.created, creators: [`Tool: kube-sbom-${input.toolVersion}`] },
    ...(input.sourceProperties?.length
      ? {
          annotations: [
            {
              annotationDate: input.created,
              annotationType: 'OTHER',
              annotator: `Tool: kube-sbom-${input.toolVersion}`,
              comment: input.sourceProperties.map((p) => `${p.name}=${p.value}`).join('\n'),
            },
          ],
        }
      : {}),
    packages,
    relationships: packages.map((p) => ({ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: p.SPDXID })),
  };
  return { text: toJsonText(doc), notExpressed: [] };
}

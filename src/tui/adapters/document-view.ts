// A parsed document as the UI's SbomView: rows with their kind (image, layer, binary, file ...), details with
// relationships both ways, and the image inventory (src/k8s). No parsing here: the document comes in parsed.
import type { Diagnostic } from '../../../parsers/diagnostics.js';
import { formatDiagnostic } from '../../../parsers/diagnostics.js';
import { countElements } from '../../../parsers/counts.js';
import type { Element, SbomFormat, SpdxDocument } from '../../../parsers/model.js';
import { buildImageInventory } from '../../k8s/image-inventory.js';
import { layerOf } from '../../k8s/layer-packages.js';
import type { ReleaseFile } from '../../k8s/release-file-diff.js';
import { DocumentIndex, elementName } from '../../sbom/document-index.js';
import { summarizeLicenses, type LicenseSummary } from '../../sbom/license-summary.js';
import { buildOutline, type Outline } from '../../sbom/outline.js';
import { purlsOf } from '../../sbom/query.js';
import { RelationshipGraph, type Edge } from '../../sbom/relationship-graph.js';
import type { ElementDetail, ElementRow, RelationLink, RowKind, SbomView } from '../ports.js';
import { elementFields } from './element-fields.js';
import { licenseFilter } from './license-filter.js';
import { rowLabeler } from './row-labels.js';

const BINARY_PATH = /(^|\/)bin\/[^/]+\/[^/]+\/[^/]+$/;

function kindOf(element: Element, imageIds: Set<string>): RowKind {
  if (element.elementType === 'snippet') return 'snippet';
  if (element.elementType === 'file') {
    return element.fileTypes.includes('BINARY') || BINARY_PATH.test(element.name) ? 'binary' : 'file';
  }
  if (imageIds.has(element.spdxId)) return 'image';
  return layerOf(element) ? 'layer' : 'package';
}

function haystack(element: Element): string {
  const parts = [element.name ?? '', element.spdxId, ...purlsOf(element)];
  if (element.elementType !== 'snippet') for (const c of element.checksums) parts.push(c.value);
  if (element.elementType === 'package' && element.version) parts.push(element.version);
  return parts.join('\u0000').toLowerCase();
}

function releaseFiles(elements: readonly Element[], kinds: readonly RowKind[]): ReleaseFile[] {
  return elements.flatMap((element, i) => {
    if (kinds[i] !== 'binary' || element.elementType !== 'file') return [];
    const sha256 = element.checksums.find((c) => c.algorithm === 'SHA256')?.value;
    return [{ name: element.name, ...(sha256 ? { sha256 } : {}) }];
  });
}

export function buildView(input: { document: SpdxDocument; format?: SbomFormat; diagnostics: readonly Diagnostic[]; source: string }): SbomView {
  const { document } = input;
  const index = new DocumentIndex(document);
  const graph = new RelationshipGraph(index);
  const inventory = buildImageInventory(index, graph);
  const imageById = new Map(inventory.images.map((i) => [i.spdxId, i]));
  const imageIds = new Set(imageById.keys());
  const elements = index.elements();
  const rowKinds = elements.map((element) => kindOf(element, imageIds));
  const rows: ElementRow[] = elements.map((element, i) => ({
    spdxId: element.spdxId,
    name: elementName(element),
    kind: rowKinds[i]!,
    version: element.elementType === 'package' ? (element.version ?? '') : '',
    haystack: haystack(element),
  }));
  const kinds = new Map(rows.map((r) => [r.spdxId, r.kind]));
  const link = (type: string, id: string): RelationLink => {
    const element = index.get(id);
    return { type, id, ...(element ? { name: elementName(element) } : {}), navigable: element !== undefined };
  };
  const detail = (spdxId: string): ElementDetail | undefined => {
    const element = index.get(spdxId);
    if (!element) return undefined;
    const image = imageById.get(spdxId);
    return {
      spdxId,
      name: elementName(element),
      kind: kinds.get(spdxId) ?? 'package',
      fields: elementFields(element, input.document.spec?.name === 'CycloneDX' ? 'bom-ref' : 'SPDXID'),
      checksums: element.elementType === 'snippet' ? [] : element.checksums.map((c) => ({ algorithm: c.algorithm, value: c.value })),
      outgoing: graph.outgoing(spdxId).map((e: Edge) => link(e.type, e.to)),
      incoming: graph.incoming(spdxId).map((e: Edge) => link(e.type, e.from)),
      ...(image
        ? {
            image: {
              reference: image.reference,
              layers: image.layers,
              ...(image.architecture ? { architecture: image.architecture } : {}),
              ...(image.layerDigestKind ? { layerDigestKind: image.layerDigestKind } : {}),
            },
          }
        : {}),
    };
  };
  let licenses: LicenseSummary | undefined;
  let outline: Outline | undefined;
  const counts = countElements(document);
  const problems = input.diagnostics.filter((d) => d.severity !== 'info');
  return {
    source: input.source,
    summary: {
      format: input.format ?? 'unknown',
      spdxVersion: document.spdxVersion,
      name: document.name,
      packages: counts.packages,
      files: counts.files,
      relationships: counts.relationships,
      errors: problems.filter((d) => d.severity === 'error').length,
      warnings: problems.filter((d) => d.severity === 'warning').length,
      diagnostics: [...problems.slice(0, 3).map((d) => formatDiagnostic(d)), ...inventory.warnings.slice(0, 2)],
    },
    rows,
    label: rowLabeler({ elements, kinds: rowKinds, imageById, graph }),
    images: inventory.images.map((i) => ({ reference: i.reference, architecture: i.architecture ?? '', spdxId: i.spdxId, layers: i.layers.length })),
    inventory: { images: inventory.images, ...(inventory.releaseVersion ? { releaseVersion: inventory.releaseVersion } : {}) },
    detail,
    containers: (spdxId) => graph.incoming(spdxId, 'CONTAINS').map((e) => e.from),
    licenseFilter: licenseFilter(elements),
    licenses: () => (licenses ??= summarizeLicenses(document)),
    outline: () => (outline ??= buildOutline(index, graph)),
    externalRefs: document.externalDocumentRefs,
    releaseFiles: () => releaseFiles(elements, rowKinds),
  };
}

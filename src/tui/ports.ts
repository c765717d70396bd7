// The use cases the UI needs, as interfaces: the screens depend only on these; adapters/ connects the real modules.
// Every string in these shapes may come from a document, registry or certificate: the UI sanitizes it when drawn.
import type { ContainerImage } from '../k8s/image-types.js';
import type { ExternalDocumentRef } from '../../parsers/model.js';
import type { LicenseSummary } from '../sbom/license-summary.js';
import type { Outline } from '../sbom/outline.js';
import type { ReleaseFile } from '../k8s/release-file-diff.js';

export type RowKind = 'image' | 'layer' | 'binary' | 'file' | 'package' | 'snippet';

/** One element of the document, flattened for a fast list. */
export interface ElementRow {
  spdxId: string;
  name: string;
  kind: RowKind;
  version: string;
  /** Lower-cased name, SPDXID, purls and checksums: what `/` searches. */
  haystack: string;
}

export interface RelationLink {
  type: string;
  /** The other end: an SPDXID, DocumentRef-x:SPDXRef-y, NONE or NOASSERTION. */
  id: string;
  /** Its name when it is an element of this document. */
  name?: string;
  /** True when the other end is an element of this document (enter follows it). */
  navigable: boolean;
}

export interface ChecksumValue {
  algorithm: string;
  value: string;
}

export interface ElementDetail {
  spdxId: string;
  name: string;
  kind: RowKind;
  /** Every field the element has, label and text, in a fixed order. */
  fields: Array<[string, string]>;
  checksums: ChecksumValue[];
  outgoing: RelationLink[];
  incoming: RelationLink[];
  /** When the element is a container image. */
  image?: { reference: string; architecture?: string; layers: string[]; layerDigestKind?: string };
}

export interface ImageRow {
  reference: string;
  architecture: string;
  spdxId: string;
  layers: number;
  /** A multi-arch row (m on Images): the per-architecture references it folds, which keys act on. */
  platforms?: string[];
}

export interface DocumentSummary {
  format: string;
  spdxVersion: string;
  name: string;
  packages: number;
  files: number;
  relationships: number;
  errors: number;
  warnings: number;
  /** The first few parse problems, one line each. */
  diagnostics: string[];
}

/** The document's image inventory, carried with the view for verifying and exporting (the screens use `images`). */
export interface ViewInventory {
  images: readonly ContainerImage[];
  releaseVersion?: string;
}

/** A parsed document as the UI sees it. */
export interface SbomView {
  /** Where it came from (file path, or version and URL). */
  source: string;
  summary: DocumentSummary;
  rows: readonly ElementRow[];
  /** What the Explorer shows for rows[i]: what tells it apart from its look-alikes first, then the name. */
  label(i: number): string;
  images: readonly ImageRow[];
  inventory: ViewInventory;
  /** The offline demo's document: only it is verified with the demo's trust root, identities and OCI layout. */
  demo?: boolean;
  detail(spdxId: string): ElementDetail | undefined;
  /** SPDXIDs of the elements that CONTAIN this one (a layer's images): cheaper than detail() for many rows. */
  containers?(spdxId: string): string[];
  /** Rows naming a license that `value` (an id, `*` a wildcard) matches, as `query license:ID`; throws on bad syntax. */
  licenseFilter(value: string): (row: number) => boolean;
  /** Licenses by count across packages and files (worked out on first call). */
  licenses(): LicenseSummary;
  /** The relationship tree from the document down, as `outline` prints it (worked out on first call). */
  outline(): Outline;
  /** The documents this one refers to, with the checksum each must have. */
  externalRefs: readonly ExternalDocumentRef[];
  /** The binaries (rows of kind binary) by path and SHA-256, for comparing two releases. */
  releaseFiles(): ReleaseFile[];
}

export type CheckId = 'sha256' | 'sha512' | 'signature' | 'parse';

export interface CheckRow {
  id: CheckId;
  status: 'pass' | 'fail';
  code: string;
  message: string;
  /** Sub-checks and facts: identity, issuer, Rekor time, counts. */
  details: string[];
}

export type ReleaseEvent =
  | { type: 'stage'; message: string }
  | { type: 'download'; label: string; bytesDone: number; totalBytes?: number; bytesPerSecond: number; done: boolean }
  | { type: 'retry'; label: string; reason: string }
  | { type: 'check'; check: CheckRow }
  /** Something the user must know that is not a failed check, e.g. the trusted root fell back to the shipped one. */
  | { type: 'warning'; message: string };

export interface ReleaseOutcome {
  verified: boolean;
  version: string;
  checks: CheckRow[];
  /** Present only when the document parsed; shown only as verified when `verified`. */
  view?: SbomView;
}

export type ImageStatus = 'pending' | 'running' | 'verified' | 'failed' | 'unchecked';

export interface ImageCheckRow {
  check: string;
  status: 'pass' | 'fail';
  code: string;
  message: string;
}

export interface ImageResult {
  reference: string;
  status: ImageStatus;
  /** Only set once the registry's manifest digest was computed from bytes received. */
  digest?: string;
  code?: string;
  message?: string;
  checks: ImageCheckRow[];
  signer?: string;
}

/** A release binary or archive checked like an image: `reference` is its path as the SBOM names it (bin/linux/amd64/kubectl). */
export type FileResult = ImageResult;

export const EXPORT_FORMATS = ['txt', 'json', 'csv', 'yaml', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportRequest =
  | { kind: 'images'; format: ExportFormat; pinned: boolean; references: string[]; digests: Record<string, string>; multiArch?: boolean }
  | { kind: 'report'; format: 'json' | 'txt'; results: ImageResult[]; files?: FileResult[] };

export interface ExportResult {
  path: string;
  count: number;
}

export interface TuiPorts {
  /** Set when the UI offers the generated samples: the demo's release version and the banner its document shows. */
  demo?: { version: string; banner: string };
  /** Choices offered on the Release screen. */
  versions: string[];
  /** Whether typed text names a release version (else it is a file path). */
  isVersion(text: string): boolean;
  openFile(path: string): Promise<SbomView>;
  verifyRelease(version: string, onEvent: (event: ReleaseEvent) => void): Promise<ReleaseOutcome>;
  verifyImages(view: SbomView, references: string[], onResult: (result: ImageResult) => void, onWarning?: (message: string) => void): Promise<ImageResult[]>;
  /** Release binaries and archives (paths as the SBOM names them), from the release's download location or mirror. */
  verifyFiles(view: SbomView, paths: string[], onResult: (result: FileResult) => void, onWarning?: (message: string) => void): Promise<FileResult[]>;
  /** Where Export writes unless the user chooses another folder: the directory the user ran kube-sbom from. */
  exportDir: string;
  /** Writes to `path` when given, else into exportDir under the request's own name. */
  exportFile(view: SbomView, request: ExportRequest, path?: string): Promise<ExportResult>;
  /** The local file `path` as the document `refId` (a DocumentRef of `view`) names, refused unless its SHA-1 matches. */
  openReference(view: SbomView, refId: string, path: string): Promise<SbomView>;
}

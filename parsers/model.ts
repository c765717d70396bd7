// SPDX 2.x (2.2 and 2.3) document model, the one shape every format parser produces, CycloneDX and SPDX 3 included.
// NOASSERTION and NONE are tagged values, never plain strings, so callers cannot confuse them with names.
// Other specs map onto the SPDX 2 shape where SPDX 2 has a counterpart; the rest is kept, not dropped, in two
// places only: the document's `spec` (which specification and version was read) and `properties` (name/value
// pairs) on the document and on elements. See parsers/cyclonedx/convert.ts and parsers/spdx3/convert.ts.

export type SpdxNoAssertion = { readonly kind: 'NOASSERTION' };
export type SpdxNone = { readonly kind: 'NONE' };
export const NOASSERTION: SpdxNoAssertion = Object.freeze({ kind: 'NOASSERTION' });
export const NONE: SpdxNone = Object.freeze({ kind: 'NONE' });

/** A field that may hold a value, NOASSERTION or NONE. */
export type Spdx<T> = T | SpdxNoAssertion | SpdxNone;
/** A field that may hold a value or NOASSERTION (never NONE). */
export type SpdxOrNoAssertion<T> = T | SpdxNoAssertion;

export function isNoAssertion(value: unknown): value is SpdxNoAssertion {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'NOASSERTION';
}
export function isNone(value: unknown): value is SpdxNone {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'NONE';
}
/** Text form of a field: the string itself, or NOASSERTION / NONE. */
export function spdxValueText(value: Spdx<string> | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.kind;
}

/**
 * What a list field of an element holds when the document gives it no items: one shared, frozen empty array (large
 * SBOMs have hundreds of thousands of elements, each with several empty lists). Parsers may likewise share one
 * frozen list between elements with the same common value (e.g. `licenseInfoInFiles: [NOASSERTION]`). That is why
 * every list of the model is `readonly`: to add an item, assign a new array (pushing to a frozen one throws).
 */
export const EMPTY_LIST: readonly never[] = Object.freeze([]);

/** Where an element came from in the source text (1-based), when the format has lines. */
export interface SourcePosition {
  line: number;
  column?: number;
}

export type ChecksumAlgorithm =
  | 'SHA1'
  | 'SHA224'
  | 'SHA256'
  | 'SHA384'
  | 'SHA512'
  | 'SHA3-256'
  | 'SHA3-384'
  | 'SHA3-512'
  | 'BLAKE2b-256'
  | 'BLAKE2b-384'
  | 'BLAKE2b-512'
  | 'BLAKE3'
  | 'MD2'
  | 'MD4'
  | 'MD5'
  | 'MD6'
  | 'ADLER32';

export const CHECKSUM_ALGORITHMS: readonly ChecksumAlgorithm[] = [
  'SHA1',
  'SHA224',
  'SHA256',
  'SHA384',
  'SHA512',
  'SHA3-256',
  'SHA3-384',
  'SHA3-512',
  'BLAKE2b-256',
  'BLAKE2b-384',
  'BLAKE2b-512',
  'BLAKE3',
  'MD2',
  'MD4',
  'MD5',
  'MD6',
  'ADLER32',
];

export interface Checksum {
  /** Normalised algorithm name; an unrecognised one is kept as written and flagged by a diagnostic. */
  algorithm: ChecksumAlgorithm | string;
  /** Lower-case hex as written (parsers lower-case it). */
  value: string;
}

/** A license expression as written, plus its parse (absent when the text is not a valid expression). */
export interface LicenseExpression {
  text: string;
  parsed?: LicenseNode;
}
export type LicenseNode =
  | { type: 'license'; id: string; orLater?: boolean; exception?: string }
  | { type: 'licenseRef'; id: string; documentRef?: string }
  | { type: 'and' | 'or'; left: LicenseNode; right: LicenseNode };

export type ActorType = 'Person' | 'Organization' | 'Tool';
export interface Actor {
  type: ActorType;
  name: string;
  email?: string;
}

export interface ExternalDocumentRef {
  /** `DocumentRef-x` */
  id: string;
  documentNamespace: string;
  checksum?: Checksum;
}

export interface CreationInfo {
  created?: string;
  creators: readonly Actor[];
  licenseListVersion?: string;
  comment?: string;
}

export type ExternalRefCategory = 'SECURITY' | 'PACKAGE-MANAGER' | 'PERSISTENT-ID' | 'OTHER';
export interface ExternalPackageRef {
  /** Normalised (PACKAGE_MANAGER becomes PACKAGE-MANAGER); an unknown one kept as written. */
  category: ExternalRefCategory | string;
  /** e.g. purl, cpe23Type, swh, or a full URI. */
  type: string;
  locator: string;
  comment?: string;
}

export interface PackageVerificationCode {
  value: string;
  excludedFiles: readonly string[];
}

/** SPDX 2.3 primaryPackagePurpose values, the one list the parsers and the validator read. */
export const PRIMARY_PACKAGE_PURPOSES = [
  'APPLICATION',
  'FRAMEWORK',
  'LIBRARY',
  'CONTAINER',
  'OPERATING-SYSTEM',
  'DEVICE',
  'FIRMWARE',
  'SOURCE',
  'ARCHIVE',
  'FILE',
  'INSTALL',
  'OTHER',
] as const;
export type PrimaryPackagePurpose = (typeof PRIMARY_PACKAGE_PURPOSES)[number];

/** The specification a document was written in; SPDX 2 documents may leave `SpdxDocument.spec` out. */
export type SpecName = 'SPDX-2' | 'SPDX-3' | 'CycloneDX';
export interface SourceSpec {
  name: SpecName;
  /** As written: `2.3`, `3.0.1`, `1.6`. */
  version: string;
}

/**
 * A fact with no SPDX 2 field: `cyclonedx:type`, `cyclonedx:scope`, `spdx3:spdxId`, ..., or a
 * property the document itself wrote (CycloneDX `properties`), under its own name. Names may repeat.
 */
export interface Property {
  name: string;
  value: string;
}

interface ElementCommon {
  /** `SPDXRef-...`; a CycloneDX element's bom-ref as written; SPDX 3: made from the IRI, which is kept in `properties` */
  spdxId: string;
  /** What the source spec says about the element that SPDX 2 has no field for. */
  properties?: readonly Property[];
  comment?: string;
  annotations: readonly Annotation[];
  /** Attribution texts (2.3: packages, files, snippets). */
  attributionTexts: readonly string[];
  position?: SourcePosition;
}

export interface Package extends ElementCommon {
  elementType: 'package';
  name: string;
  version?: string;
  fileName?: string;
  supplier?: SpdxOrNoAssertion<Actor>;
  originator?: SpdxOrNoAssertion<Actor>;
  downloadLocation?: Spdx<string>;
  /** Absent means the spec default (true for SPDX 2.2; true for 2.3 unless written otherwise). */
  filesAnalyzed?: boolean;
  verificationCode?: PackageVerificationCode;
  checksums: readonly Checksum[];
  homepage?: Spdx<string>;
  sourceInfo?: string;
  licenseConcluded?: Spdx<LicenseExpression>;
  licenseInfoFromFiles: readonly Spdx<LicenseExpression>[];
  licenseDeclared?: Spdx<LicenseExpression>;
  licenseComments?: string;
  copyrightText?: Spdx<string>;
  summary?: string;
  description?: string;
  externalRefs: readonly ExternalPackageRef[];
  primaryPackagePurpose?: PrimaryPackagePurpose | string;
  releaseDate?: string;
  builtDate?: string;
  validUntilDate?: string;
}

/** SPDX 2.x FileType values, the one list the parsers and the validator read. */
export const FILE_TYPES = ['SOURCE', 'BINARY', 'ARCHIVE', 'APPLICATION', 'AUDIO', 'IMAGE', 'TEXT', 'VIDEO', 'DOCUMENTATION', 'SPDX', 'OTHER'] as const;
export type FileType = (typeof FILE_TYPES)[number];

export interface SpdxFile extends ElementCommon {
  elementType: 'file';
  name: string;
  fileTypes: readonly (FileType | string)[];
  checksums: readonly Checksum[];
  licenseConcluded?: Spdx<LicenseExpression>;
  licenseInfoInFiles: readonly Spdx<LicenseExpression>[];
  licenseComments?: string;
  copyrightText?: Spdx<string>;
  notice?: string;
  contributors: readonly string[];
  /** Deprecated since 2.1 but still written by some tools. */
  dependencies?: readonly string[];
}

export interface SnippetRange {
  /** Byte or line range; pointer into a file, inclusive. */
  kind: 'byte' | 'line';
  start: number;
  end: number;
  /** The file the range points into (SPDXID); defaults to the snippet's fromFile. */
  fileSpdxId?: string;
}

export interface Snippet extends ElementCommon {
  elementType: 'snippet';
  /** SPDXID of the file the snippet comes from. */
  fromFile: string;
  ranges: readonly SnippetRange[];
  name?: string;
  licenseConcluded?: Spdx<LicenseExpression>;
  licenseInfoInSnippets: readonly Spdx<LicenseExpression>[];
  licenseComments?: string;
  copyrightText?: Spdx<string>;
}

export type Element = Package | SpdxFile | Snippet;

/** Relationship types of SPDX 2.3 (2.2 is a subset); anything else is kept as written with a diagnostic. */
export const RELATIONSHIP_TYPES = [
  'DESCRIBES',
  'DESCRIBED_BY',
  'CONTAINS',
  'CONTAINED_BY',
  'DEPENDS_ON',
  'DEPENDENCY_OF',
  'DEPENDENCY_MANIFEST_OF',
  'BUILD_DEPENDENCY_OF',
  'DEV_DEPENDENCY_OF',
  'OPTIONAL_DEPENDENCY_OF',
  'PROVIDED_DEPENDENCY_OF',
  'TEST_DEPENDENCY_OF',
  'RUNTIME_DEPENDENCY_OF',
  'EXAMPLE_OF',
  'GENERATES',
  'GENERATED_FROM',
  'ANCESTOR_OF',
  'DESCENDANT_OF',
  'VARIANT_OF',
  'DISTRIBUTION_ARTIFACT',
  'PATCH_FOR',
  'PATCH_APPLIED',
  'COPY_OF',
  'FILE_ADDED',
  'FILE_DELETED',
  'FILE_MODIFIED',
  'EXPANDED_FROM_ARCHIVE',
  'DYNAMIC_LINK',
  'STATIC_LINK',
  'DATA_FILE_OF',
  'TEST_CASE_OF',
  'BUILD_TOOL_OF',
  'DEV_TOOL_OF',
  'TEST_OF',
  'TEST_TOOL_OF',
  'DOCUMENTATION_OF',
  'OPTIONAL_COMPONENT_OF',
  'METAFILE_OF',
  'PACKAGE_OF',
  'AMENDS',
  'PREREQUISITE_FOR',
  'HAS_PREREQUISITE',
  'REQUIREMENT_DESCRIPTION_FOR',
  'SPECIFICATION_FOR',
  'OTHER',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export interface Relationship {
  /** SPDXID, possibly `DocumentRef-x:SPDXRef-y`. */
  from: string;
  /** Upper-case as normalised; unknown types kept as written. */
  type: RelationshipType | string;
  /** SPDXID (possibly with a DocumentRef prefix), or NONE / NOASSERTION. */
  to: string | SpdxNone | SpdxNoAssertion;
  comment?: string;
  position?: SourcePosition;
}

export type AnnotationType = 'REVIEW' | 'OTHER';
export interface Annotation {
  annotator: Actor;
  date: string;
  type: AnnotationType | string;
  comment: string;
  /** The element annotated (tag-value `SPDXREF`; in JSON implied by nesting). */
  spdxId: string;
  position?: SourcePosition;
}

export interface ExtractedLicensingInfo {
  /** `LicenseRef-...` */
  licenseId: string;
  extractedText: string;
  name?: Spdx<string>;
  crossRefs: readonly string[];
  comment?: string;
  position?: SourcePosition;
}

export interface SpdxDocument {
  /** As written, e.g. `SPDX-2.3`; other specs: `CycloneDX-1.6`, `SPDX-3.0.1` (see `spec`). */
  spdxVersion: string;
  /** Absent for SPDX 2 documents read by the SPDX 2 readers. */
  spec?: SourceSpec;
  /** Document facts with no SPDX 2 field (CycloneDX serial number, lifecycles, metadata properties, ...). */
  properties?: readonly Property[];
  dataLicense?: string;
  /** Normally `SPDXRef-DOCUMENT`. */
  spdxId: string;
  name: string;
  documentNamespace: string;
  externalDocumentRefs: readonly ExternalDocumentRef[];
  comment?: string;
  creationInfo: CreationInfo;
  packages: readonly Package[];
  files: readonly SpdxFile[];
  snippets: readonly Snippet[];
  /**
   * All relationships, including those implied by JSON/YAML/XML `documentDescribes` and package `hasFiles`
   * (added unless the same or inverse relationship is already listed, as spdx tools-python does).
   */
  relationships: readonly Relationship[];
  /** Every annotation in the document, wherever it was written (also kept on its element). */
  annotations: readonly Annotation[];
  extractedLicensingInfos: readonly ExtractedLicensingInfo[];
  /**
   * Tag-value: the files listed under a package, by the package's SPDXID (from position), in order. A Map, not an
   * object: a large SBOM has tens of thousands of package ids, and an object would intern each as a property name.
   */
  packageFiles?: ReadonlyMap<string, readonly string[]>;
}

/** The serialisations of SPDX 2. */
export type Spdx2Format = 'tag-value' | 'json' | 'yaml' | 'xml' | 'rdf-xml';
export type SbomFormat = Spdx2Format | 'cyclonedx-json' | 'cyclonedx-xml' | 'spdx3-json';

/** A document while a parser fills it in: its document-level lists are the parser's own, so it may push to them. */
export interface SpdxDocumentDraft extends SpdxDocument {
  externalDocumentRefs: ExternalDocumentRef[];
  creationInfo: CreationInfo & { creators: Actor[] };
  packages: Package[];
  files: SpdxFile[];
  snippets: Snippet[];
  relationships: Relationship[];
  annotations: Annotation[];
  extractedLicensingInfos: ExtractedLicensingInfo[];
}

/** An empty document, for parsers to fill in. */
export function emptyDocument(): SpdxDocumentDraft {
  return {
    spdxVersion: '',
    spdxId: '',
    name: '',
    documentNamespace: '',
    externalDocumentRefs: [],
    creationInfo: { creators: [] },
    packages: [],
    files: [],
    snippets: [],
    relationships: [],
    annotations: [],
    extractedLicensingInfos: [],
  };
}

// SPDX packages and files to CycloneDX 1.6 components (bom-ref = SPDXID); every field left out goes to the ledger.
import { isNoAssertion, isNone, type Package, type SpdxFile, type Spdx } from '../../parsers/model.js';
import { cdxLicenses, type CdxLicense, type LicenseContext } from './cyclonedx-licenses.js';
import { cdxContact, cdxEntity, cdxHashes, type CdxHash } from './cyclonedx-fields.js';
import { cdxSourceFields } from './cyclonedx-source-properties.js';
import type { NotExpressedLedger } from './not-expressed.js';

export interface CdxExternalReference {
  type: string;
  url: string;
  comment?: string;
}

export interface CdxComponent {
  type: string;
  'bom-ref': string;
  group?: string;
  name: string;
  version?: string;
  supplier?: ReturnType<typeof cdxEntity>;
  authors?: ReturnType<typeof cdxContact>[];
  author?: string;
  publisher?: string;
  scope?: string;
  description?: string;
  hashes?: CdxHash[];
  licenses?: CdxLicense[];
  copyright?: string;
  cpe?: string;
  purl?: string;
  externalReferences?: CdxExternalReference[];
  properties?: { name: string; value: string }[];
}

// primaryPackagePurpose to component type; SOURCE, ARCHIVE, INSTALL and OTHER have none and become `library`.
const COMPONENT_TYPES: Record<string, string> = {
  APPLICATION: 'application',
  FRAMEWORK: 'framework',
  LIBRARY: 'library',
  CONTAINER: 'container',
  'OPERATING-SYSTEM': 'operating-system',
  DEVICE: 'device',
  FIRMWARE: 'firmware',
  FILE: 'file',
};

const text = (value: Spdx<string> | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

export interface ComponentContext extends LicenseContext {
  ledger: NotExpressedLedger;
  /** Image packages by SPDXID -> the pkg:oci purl their `container` component gets (cyclonedx-images.ts). */
  images?: ReadonlyMap<string, string>;
}

/** Fields of the model CycloneDX has no place for, by name as the user knows it from SPDX. */
function dropFields(ledger: NotExpressedLedger, element: string, spdxId: string, fields: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(fields)) {
    const empty = value === undefined || (Array.isArray(value) && value.length === 0);
    if (!empty) ledger.drop(`${element} ${name}`, spdxId, 'no CycloneDX field for it');
  }
}

/** SPDX NONE ("there is none") has no CycloneDX form: left out, it reads as unknown, so it is listed. */
function noneValues(ledger: NotExpressedLedger, element: string, spdxId: string, fields: Record<string, Spdx<unknown> | undefined>): void {
  for (const [name, value] of Object.entries(fields)) {
    if (isNone(value)) ledger.drop(`${element} ${name} NONE`, spdxId, 'CycloneDX cannot say "none"; left out, it reads as unknown');
  }
}

function externalReferences(
  pkg: Package,
  ledger: NotExpressedLedger,
  image: string | undefined,
): { purl?: string; cpe?: string; refs: CdxExternalReference[] } {
  // An image keeps its own pkg:oci purl when it has one; otherwise the one made for it takes the purl field.
  const ownOci = pkg.externalRefs.some((r) => r.type.toLowerCase() === 'purl' && r.locator.startsWith('pkg:oci/'));
  let purl: string | undefined = image && !ownOci ? image : undefined;
  let cpe: string | undefined;
  const refs: CdxExternalReference[] = [];
  const download = text(pkg.downloadLocation);
  if (download) refs.push({ type: 'distribution', url: download });
  const homepage = text(pkg.homepage);
  if (homepage) refs.push({ type: 'website', url: homepage });
  for (const ref of pkg.externalRefs) {
    const type = ref.type.toLowerCase();
    if (type === 'purl' && purl === undefined && (!ownOci || ref.locator.startsWith('pkg:oci/'))) purl = ref.locator;
    else if ((type === 'cpe23type' || type === 'cpe22type') && cpe === undefined) cpe = ref.locator;
    else {
      // A second purl or cpe, swh, advisories...: kept as an external reference that says what it was.
      const kind = ref.category === 'SECURITY' && type === 'advisory' ? 'advisories' : 'other';
      refs.push({ type: kind, url: ref.locator, comment: `SPDX externalRef ${ref.category} ${ref.type}` });
      if (type === 'purl' || type.startsWith('cpe'))
        ledger.approximate(`second ${type} of a package`, pkg.spdxId, 'CycloneDX has one purl and one cpe per component; the others are external references');
    }
    if (ref.comment) ledger.drop('package externalRef comment', pkg.spdxId, 'no CycloneDX field for it');
  }
  return { ...(purl ? { purl } : {}), ...(cpe ? { cpe } : {}), refs };
}

export function packageComponent(pkg: Package, ctx: ComponentContext): CdxComponent {
  const { ledger } = ctx;
  const purpose = pkg.primaryPackagePurpose;
  const image = ctx.images?.get(pkg.spdxId);
  const { type: sourceType, ...source } = cdxSourceFields(pkg, ledger);
  const type = image ? 'container' : ((purpose ? COMPONENT_TYPES[purpose] : undefined) ?? sourceType);
  if (image && purpose !== 'CONTAINER')
    ledger.approximate('image package', pkg.spdxId, 'written as a container component with a pkg:oci purl, so that image tools find it');
  else if (purpose && !type) ledger.approximate(`primaryPackagePurpose ${purpose}`, pkg.spdxId, 'no such CycloneDX component type; written as library');
  const refs = externalReferences(pkg, ledger, image);
  const licenses = cdxLicenses(pkg.spdxId, { concluded: pkg.licenseConcluded, declared: pkg.licenseDeclared }, ctx);
  const hashes = cdxHashes(pkg.spdxId, pkg.checksums, ledger);
  const supplier = pkg.supplier && !isNoAssertion(pkg.supplier) ? cdxEntity(pkg.supplier) : undefined;
  const originator = pkg.originator && !isNoAssertion(pkg.originator) ? pkg.originator : undefined;
  const copyright = text(pkg.copyrightText);
  if (pkg.summary && pkg.description) ledger.drop('package summary beside a description', pkg.spdxId, 'CycloneDX has one description');
  const description = pkg.description ?? pkg.summary;
  noneValues(ledger, 'package', pkg.spdxId, {
    downloadLocation: pkg.downloadLocation,
    homepage: pkg.homepage,
    licenseConcluded: pkg.licenseConcluded,
    licenseDeclared: pkg.licenseDeclared,
    copyrightText: pkg.copyrightText,
  });
  dropFields(ledger, 'package', pkg.spdxId, {
    packageFileName: pkg.fileName,
    filesAnalyzed: pkg.filesAnalyzed,
    packageVerificationCode: pkg.verificationCode,
    sourceInfo: pkg.sourceInfo,
    licenseInfoFromFiles: pkg.licenseInfoFromFiles.filter((l) => 'text' in l),
    licenseComments: pkg.licenseComments,
    comment: pkg.comment,
    attributionTexts: pkg.attributionTexts,
    releaseDate: pkg.releaseDate,
    builtDate: pkg.builtDate,
    validUntilDate: pkg.validUntilDate,
  });
  const { properties, ...fields } = source;
  return {
    type: type ?? 'library',
    'bom-ref': pkg.spdxId,
    ...fields,
    name: pkg.name,
    ...(pkg.version !== undefined ? { version: pkg.version } : {}),
    ...(supplier ? { supplier } : {}),
    ...(originator ? { authors: [cdxContact(originator)] } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(hashes ? { hashes } : {}),
    ...(licenses ? { licenses } : {}),
    ...(copyright !== undefined ? { copyright } : {}),
    ...(refs.cpe ? { cpe: refs.cpe } : {}),
    ...(refs.purl ? { purl: refs.purl } : {}),
    ...(refs.refs.length > 0 ? { externalReferences: refs.refs } : {}),
    ...(properties ? { properties } : {}),
  };
}

export function fileComponent(file: SpdxFile, ctx: ComponentContext): CdxComponent {
  const { ledger } = ctx;
  const hashes = cdxHashes(file.spdxId, file.checksums, ledger);
  const licenses = cdxLicenses(file.spdxId, { concluded: file.licenseConcluded }, ctx);
  const copyright = text(file.copyrightText);
  noneValues(ledger, 'file', file.spdxId, { licenseConcluded: file.licenseConcluded, copyrightText: file.copyrightText });
  dropFields(ledger, 'file', file.spdxId, {
    fileTypes: file.fileTypes,
    licenseInfoInFiles: file.licenseInfoInFiles.filter((l) => 'text' in l),
    licenseComments: file.licenseComments,
    noticeText: file.notice,
    fileContributors: file.contributors,
    fileDependencies: file.dependencies,
    comment: file.comment,
    attributionTexts: file.attributionTexts,
  });
  const { type: _type, properties, ...fields } = cdxSourceFields(file, ledger);
  return {
    type: 'file',
    'bom-ref': file.spdxId,
    ...fields,
    name: file.name,
    ...(hashes ? { hashes } : {}),
    ...(licenses ? { licenses } : {}),
    ...(copyright !== undefined ? { copyright } : {}),
    ...(properties ? { properties } : {}),
  };
}

// The field names of the SPDX 2.2/2.3 JSON schema per object, and the enumerations the converter normalises.
import { FILE_TYPES as FILE_TYPE_VALUES, PRIMARY_PACKAGE_PURPOSES, RELATIONSHIP_TYPES } from '../model.js';

const set = (...names: string[]): ReadonlySet<string> => new Set(names);

export const DOCUMENT_KEYS = set(
  '$schema',
  'SPDXID',
  'spdxVersion',
  'creationInfo',
  'name',
  'dataLicense',
  'comment',
  'externalDocumentRefs',
  'hasExtractedLicensingInfos',
  'annotations',
  'documentDescribes',
  'documentNamespace',
  'packages',
  'files',
  'snippets',
  'relationships',
  'revieweds',
);
export const CREATION_INFO_KEYS = set('comment', 'created', 'creators', 'licenseListVersion');
export const EXTERNAL_DOCUMENT_REF_KEYS = set('externalDocumentId', 'checksum', 'spdxDocument');
export const EXTRACTED_LICENSE_KEYS = set('licenseId', 'extractedText', 'name', 'comment', 'seeAlsos', 'crossRefs');
export const PACKAGE_KEYS = set(
  'SPDXID',
  'annotations',
  'attributionTexts',
  'builtDate',
  'checksums',
  'comment',
  'copyrightText',
  'description',
  'downloadLocation',
  'externalRefs',
  'filesAnalyzed',
  'hasFiles',
  'homepage',
  'licenseComments',
  'licenseConcluded',
  'licenseDeclared',
  'licenseInfoFromFiles',
  'name',
  'originator',
  'packageFileName',
  'packageVerificationCode',
  'primaryPackagePurpose',
  'releaseDate',
  'sourceInfo',
  'summary',
  'supplier',
  'validUntilDate',
  'versionInfo',
);
export const FILE_KEYS = set(
  'SPDXID',
  'annotations',
  'artifactOfs',
  'attributionTexts',
  'checksums',
  'comment',
  'copyrightText',
  'fileContributors',
  'fileDependencies',
  'fileName',
  'fileTypes',
  'licenseComments',
  'licenseConcluded',
  'licenseInfoInFiles',
  'noticeText',
);
export const SNIPPET_KEYS = set(
  'SPDXID',
  'annotations',
  'attributionTexts',
  'comment',
  'copyrightText',
  'licenseComments',
  'licenseConcluded',
  'licenseInfoInSnippets',
  'name',
  'ranges',
  'snippetFromFile',
);
export const ANNOTATION_KEYS = set('annotationDate', 'annotationType', 'annotator', 'comment');
export const RELATIONSHIP_KEYS = set('spdxElementId', 'relationshipType', 'relatedSpdxElement', 'comment');
export const EXTERNAL_REF_KEYS = set('referenceCategory', 'referenceType', 'referenceLocator', 'comment');
export const VERIFICATION_CODE_KEYS = set('packageVerificationCodeValue', 'packageVerificationCodeExcludedFiles');
export const RANGE_KEYS = set('startPointer', 'endPointer');
export const POINTER_KEYS = set('offset', 'lineNumber', 'reference');

export const FILE_TYPES: ReadonlySet<string> = new Set(FILE_TYPE_VALUES);
export const PURPOSES: ReadonlySet<string> = new Set(PRIMARY_PACKAGE_PURPOSES);
export const EXTERNAL_REF_CATEGORIES = set('SECURITY', 'PACKAGE-MANAGER', 'PERSISTENT-ID', 'OTHER');
export const ANNOTATION_TYPES = set('REVIEW', 'OTHER');
export const RELATIONSHIP_TYPE_SET: ReadonlySet<string> = new Set(RELATIONSHIP_TYPES);

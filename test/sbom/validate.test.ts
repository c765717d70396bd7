// Strict validation as data: a valid document gives nothing; each rule of the spec gives its own code, at the
// field's path and the element's position.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../parsers/diagnostics.js';
import { licenseFieldValue } from '../../parsers/license-expression.js';
import { NOASSERTION, NONE, type SpdxDocument } from '../../parsers/model.js';
import { mergeDiagnostics, strictParseDiagnostics, validateDocument } from '../../src/sbom/validate.js';
import { doc, file, pkg } from './build-model.js';

const SHA1 = 'a'.repeat(40);

function valid(): SpdxDocument {
  return {
    ...doc({
      packages: [
        pkg('SPDXRef-p', 'p', {
          downloadLocation: NOASSERTION,
          licenseConcluded: licenseFieldValue('MIT'),
          licenseDeclared: NOASSERTION,
          copyrightText: NONE,
          verificationCode: { value: SHA1, excludedFiles: [] },
          licenseInfoFromFiles: [licenseFieldValue('MIT')],
          checksums: [{ algorithm: 'SHA256', value: 'b'.repeat(64) }],
          position: { line: 10 },
        }),
      ],
      files: [
        file('SPDXRef-f', './f', {
          checksums: [{ algorithm: 'SHA1', value: SHA1 }],
          licenseConcluded: NOASSERTION,
          licenseInfoInFiles: [NOASSERTION],
          copyrightText: NONE,
        }),
      ],
      relationships: ['SPDXRef-DOCUMENT DESCRIBES SPDXRef-p', 'SPDXRef-p CONTAINS SPDXRef-f', 'SPDXRef-f GENERATED_FROM NOASSERTION'],
    }),
    dataLicense: 'CC0-1.0',
    creationInfo: { created: '2024-01-02T03:04:05Z', creators: [{ type: 'Tool', name: 't' }] },
  };
}

const codes = (ds: Diagnostic[]) => ds.map((d) => [d.severity, d.code, d.path]);

describe('validateDocument', () => {
  it('finds nothing in a valid 2.3 document, nor in the same document judged as 2.2', () => {
    expect(validateDocument(valid())).toEqual([]);
    expect(validateDocument(valid(), 'SPDX-2.2')).toEqual([]);
  });

  it('checks the document header', () => {
    const d = { ...valid(), spdxVersion: 'SPDX-2.2.1', dataLicense: 'MIT', spdxId: 'SPDXRef-Doc', documentNamespace: 'not a uri#x', name: '' };
    d.creationInfo = { creators: [], created: '2024-01-02 03:04' };
    d.relationships = [];
    expect(codes(validateDocument(d))).toEqual([
      ['error', 'SPDX_VERSION_UNKNOWN', 'spdxVersion'],
      ['error', 'DATA_LICENSE', 'dataLicense'],
      ['error', 'INVALID_SPDXID', 'SPDXID'],
      ['error', 'MISSING_REQUIRED_FIELD', 'name'],
      ['error', 'INVALID_NAMESPACE', 'documentNamespace'],
      ['error', 'MISSING_CREATORS', 'creationInfo.creators'],
      ['error', 'DATE_FORMAT', 'creationInfo.created'],
    ]);
  });

  it('checks SPDXID syntax and uniqueness, with the element position', () => {
    const d = valid();
    d.packages.push({ ...d.packages[0]!, position: { line: 20, column: 3 } });
    d.files[0]!.spdxId = 'SPDXRef-a/b';
    d.relationships = [];
    expect(validateDocument(d).map((x) => [x.code, x.path, x.line])).toEqual([
      ['DUPLICATE_SPDXID', 'packages[1].SPDXID', 20],
      ['INVALID_SPDXID', 'files[0].SPDXID', undefined],
    ]);
  });

  it('checks relationship ends: known elements, declared external documents, NONE/NOASSERTION only as target', () => {
    const d = valid();
    d.externalDocumentRefs = [{ id: 'DocumentRef-ext', documentNamespace: 'https://e/ext', checksum: { algorithm: 'SHA1', value: SHA1 } }];
    d.relationships = [
      { from: 'SPDXRef-p', type: 'DEPENDS_ON', to: 'SPDXRef-missing' },
      { from: 'SPDXRef-p', type: 'DEPENDS_ON', to: 'DocumentRef-ext:SPDXRef-x' },
      { from: 'SPDXRef-p', type: 'DEPENDS_ON', to: 'DocumentRef-other:SPDXRef-x' },
      { from: 'SPDXRef-p', type: 'DEPENDS_ON', to: NONE },
      { from: 'SPDXRef-p', type: 'USES', to: 'SPDXRef-f' },
      { from: 'NOASSERTION', type: 'DEPENDS_ON', to: 'SPDXRef-f' },
    ];
    expect(codes(validateDocument(d))).toEqual([
      ['error', 'RELATIONSHIP_UNKNOWN_ELEMENT', 'relationships[0].relatedSpdxElement'],
      ['error', 'RELATIONSHIP_UNKNOWN_ELEMENT', 'relationships[2].relatedSpdxElement'],
      ['error', 'RELATIONSHIP_TYPE_UNKNOWN', 'relationships[4].relationshipType'],
      ['error', 'RELATIONSHIP_UNKNOWN_ELEMENT', 'relationships[5].spdxElementId'],
    ]);
  });

  it('checks checksum lengths per algorithm, and that every file has a SHA1', () => {
    const d = valid();
    d.packages[0]!.checksums = [
      { algorithm: 'SHA256', value: 'b'.repeat(63) },
      { algorithm: 'MD5', value: 'z'.repeat(32) },
      { algorithm: 'BLAKE3', value: 'c'.repeat(64) },
      { algorithm: 'CRC32', value: 'abcd' },
    ];
    d.files[0]!.checksums = [{ algorithm: 'SHA256', value: 'b'.repeat(64) }];
    expect(codes(validateDocument(d))).toEqual([
      ['error', 'CHECKSUM_FORMAT', 'packages[0].checksums[0]'],
      ['error', 'CHECKSUM_FORMAT', 'packages[0].checksums[1]'],
      ['error', 'CHECKSUM_ALGORITHM_UNKNOWN', 'packages[0].checksums[3]'],
      ['error', 'MISSING_SHA1', 'files[0].checksums'],
    ]);
    // BLAKE3 arrived with SPDX 2.3.
    expect(codes(validateDocument(d, 'SPDX-2.2'))).toContainEqual(['error', 'VERSION_FIELD', 'packages[0].checksums[2]']);
  });

  it('checks license expressions: syntax is an error, deprecated ids a warning, undeclared LicenseRefs an error', () => {
    const d = valid();
    d.packages[0]!.licenseConcluded = licenseFieldValue('MIT, GPL-2.0');
    d.packages[0]!.licenseDeclared = licenseFieldValue('LGPL-2.0 OR LicenseRef-mine');
    d.files[0]!.licenseConcluded = licenseFieldValue('DocumentRef-ext:LicenseRef-x AND LicenseRef-declared');
    d.extractedLicensingInfos = [{ licenseId: 'LicenseRef-declared', extractedText: 'text', crossRefs: [] }];
    expect(codes(validateDocument(d))).toEqual([
      ['error', 'LICENSE_EXPRESSION_INVALID', 'packages[0].licenseConcluded'],
      ['warning', 'LICENSE_DEPRECATED_ID', 'packages[0].licenseDeclared'],
      ['error', 'LICENSE_REF_UNDECLARED', 'packages[0].licenseDeclared'],
    ]);
  });

  it('applies the 2.2 rules a 2.3 document no longer has to meet, and refuses 2.3-only fields in 2.2', () => {
    const d = valid();
    const p = d.packages[0]!;
    delete p.licenseConcluded;
    delete p.copyrightText;
    p.primaryPackagePurpose = 'LIBRARY';
    p.releaseDate = '2024-01-01';
    d.relationships.push({ from: 'SPDXRef-f', type: 'SPECIFICATION_FOR', to: 'SPDXRef-p' });
    expect(codes(validateDocument(d, 'SPDX-2.3'))).toEqual([['error', 'DATE_FORMAT', 'packages[0].releaseDate']]);
    expect(codes(validateDocument(d, 'SPDX-2.2'))).toEqual([
      ['error', 'MISSING_REQUIRED_FIELD', 'packages[0].licenseConcluded'],
      ['error', 'MISSING_REQUIRED_FIELD', 'packages[0].copyrightText'],
      ['error', 'VERSION_FIELD', 'packages[0].primaryPackagePurpose'],
      ['error', 'VERSION_FIELD', 'packages[0].releaseDate'],
      ['error', 'VERSION_FIELD', 'relationships[3].relationshipType'],
    ]);
  });

  it('checks snippets, verification codes, external references and annotations', () => {
    const d = valid();
    d.snippets = [
      {
        elementType: 'snippet',
        spdxId: 'SPDXRef-s',
        fromFile: 'SPDXRef-nofile',
        ranges: [{ kind: 'line', start: 5, end: 2 }],
        annotations: [{ annotator: { type: 'Person', name: '' }, date: 'yesterday', type: 'LIKE', comment: '', spdxId: 'SPDXRef-s' }],
        attributionTexts: [],
        licenseInfoInSnippets: [],
      },
    ];
    d.packages[0]!.verificationCode = { value: 'xyz', excludedFiles: [] };
    d.packages[0]!.externalRefs = [
      { category: 'PACKAGE-MANAGER', type: 'purl', locator: 'npm/p@1' },
      { category: 'WEIRD', type: 'x', locator: 'y' },
    ];
    expect(codes(validateDocument(d))).toEqual([
      ['error', 'VERIFICATION_CODE_FORMAT', 'packages[0].packageVerificationCode'],
      ['error', 'EXTERNAL_REF_LOCATOR', 'packages[0].externalRefs[0].referenceLocator'],
      ['error', 'EXTERNAL_REF_CATEGORY', 'packages[0].externalRefs[1]'],
      ['error', 'ACTOR_FORMAT', 'snippets[0].annotations[0].annotator'],
      ['error', 'DATE_FORMAT', 'snippets[0].annotations[0].annotationDate'],
      ['error', 'ANNOTATION_TYPE', 'snippets[0].annotations[0].annotationType'],
      ['error', 'MISSING_REQUIRED_FIELD', 'snippets[0].annotations[0].comment'],
      ['error', 'MISSING_REQUIRED_FIELD', 'snippets[0].ranges'],
      ['error', 'SNIPPET_RANGE', 'snippets[0].ranges[0]'],
      ['error', 'SNIPPET_FILE_UNKNOWN', 'snippets[0].snippetFromFile'],
    ]);
  });
});

describe('merging parse and validation diagnostics', () => {
  it('keeps one diagnostic per problem: the higher severity, the parser wording and position', () => {
    const parsed: Diagnostic[] = [
      { severity: 'warning', code: 'MISSING_REQUIRED_FIELD', message: 'package has no name', path: 'packages[0].name', line: 7, column: 3 },
      { severity: 'warning', code: 'LICENSE_DEPRECATED_ID', message: 'license id LGPL-2.0 is deprecated', line: 12, column: 19 },
      { severity: 'warning', code: 'JSON_UNKNOWN_FIELD', message: 'unknown field "x"', path: 'x', line: 2, column: 3 },
    ];
    const validated: Diagnostic[] = [
      { severity: 'error', code: 'MISSING_REQUIRED_FIELD', message: 'package SPDXRef-p has no name', path: 'packages[0].name' },
      { severity: 'warning', code: 'LICENSE_DEPRECATED_ID', message: 'license id LGPL-2.0 is deprecated', path: 'files[0].licenseConcluded', line: 10 },
      { severity: 'error', code: 'DATA_LICENSE', message: 'dataLicense is "MIT"', path: 'dataLicense' },
    ];
    expect(mergeDiagnostics(strictParseDiagnostics(parsed), validated)).toEqual([
      { severity: 'error', code: 'DATA_LICENSE', message: 'dataLicense is "MIT"', path: 'dataLicense' },
      { severity: 'error', code: 'JSON_UNKNOWN_FIELD', message: 'unknown field "x"', path: 'x', line: 2, column: 3 },
      { severity: 'error', code: 'MISSING_REQUIRED_FIELD', message: 'package has no name', path: 'packages[0].name', line: 7, column: 3 },
      {
        severity: 'warning',
        code: 'LICENSE_DEPRECATED_ID',
        message: 'license id LGPL-2.0 is deprecated',
        path: 'files[0].licenseConcluded',
        line: 12,
        column: 19,
      },
    ]);
  });
});

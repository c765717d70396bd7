// Each document in ../shared/realdata/spdx/invalid gives diagnostics that name its problem, at its line where the
// format has lines (parse diagnostics, strict where the spec is applied, plus validation, as `validate` shows them).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../parsers/diagnostics.js';
import { parseSbom } from '../../parsers/index.js';
import { sourceLocator } from '../../parsers/locate.js';
import { locateDiagnostics, mergeDiagnostics, strictParseDiagnostics, validateDocument } from '../../src/sbom/validate.js';
import { realdata, realdataMissing } from '../helpers/cli.js';

function check(name: string): Diagnostic[] {
  const bytes = readFileSync(realdata('spdx/invalid', name));
  const result = parseSbom(bytes, { fileName: name });
  const located = locateDiagnostics(validateDocument(result.document), sourceLocator(result.format, bytes.toString('utf8')));
  return mergeDiagnostics(strictParseDiagnostics(result.diagnostics), located);
}
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error').map((d) => [d.code, d.line ?? null, d.path ?? null]);

describe.skipIf(realdataMissing)('documents in spdx/invalid', () => {
  it('tools-java BadJSON: the four errors tools-java expects (creators not a list, filesAnalyzed a string, fileName, null name)', () => {
    expect(errors(check('tools-java-BadJSON.spdx.json'))).toEqual([
      ['JSON_NOT_A_LIST', 7, 'creationInfo.creators'],
      ['JSON_WRONG_TYPE', 93, 'packages[0].filesAnalyzed'],
      ['JSON_UNKNOWN_FIELD', 102, 'packages[0].fileName'],
      ['MISSING_REQUIRED_FIELD', 119, 'packages[1].name'],
    ]);
  });

  it('guac invalid-spdx: spdxVersion is a number, creators are objects, no name or namespace', () => {
    expect(errors(check('guac-invalid-spdx.json'))).toEqual([
      ['MISSING_REQUIRED_FIELD', 1, 'name'],
      ['MISSING_REQUIRED_FIELD', 1, 'documentNamespace'],
      ['SPDX_VERSION_NOT_STRING', 2, 'spdxVersion'],
      ['SPDX_VERSION_UNKNOWN', 2, 'spdxVersion'],
      ['MISSING_CREATORS', 7, 'creationInfo.creators'],
      ['JSON_WRONG_TYPE', 8, 'creationInfo.creators[0]'],
    ]);
  });

  it('guac invalid-spdx-identifier: empty document SPDXID, SPDXIDs with "/", non-spec package keys', () => {
    const found = errors(check('guac-invalid-spdx-identifier.json'));
    expect(found).toContainEqual(['MISSING_REQUIRED_FIELD', 4, 'SPDXID']);
    expect(found).toContainEqual(['INVALID_SPDXID', 23, 'packages[0].SPDXID']);
    expect(found).toContainEqual(['INVALID_SPDXID', 32, 'packages[1].SPDXID']);
    expect(found).toContainEqual(['JSON_UNKNOWN_FIELD', 22, 'packages[0].packageName']);
    expect(found).toContainEqual(['JSON_UNKNOWN_FIELD', 26, 'packages[0].packageLicenseConcluded']);
    expect(found.filter((f) => f[0] === 'INVALID_SPDXID')).toHaveLength(3);
  });

  it('tools-java wrongversion: SPDX 2.3 fields in a document labelled SPDX-2.2', () => {
    const found = errors(check('tools-java-SPDXJSONExample-wrongversion.spdx.json'));
    expect(found.filter((f) => f[0] === 'VERSION_FIELD')).toEqual([
      ['VERSION_FIELD', 70, 'packages[0].builtDate'],
      ['VERSION_FIELD', 80, 'packages[0].checksums[3]'],
      ['VERSION_FIELD', 110, 'packages[0].primaryPackagePurpose'],
      ['VERSION_FIELD', 112, 'packages[0].releaseDate'],
      ['VERSION_FIELD', 116, 'packages[0].validUntilDate'],
      ['VERSION_FIELD', 282, 'relationships[5].relationshipType'],
    ]);
    // Fields 2.3 made optional are still required by 2.2.
    expect(found).toContainEqual(['MISSING_REQUIRED_FIELD', 127, 'packages[2].licenseConcluded']);
  });

  it('tools-java SPDXWrongVersion: SPDX-2.2.1 is not a version', () => {
    expect(errors(check('tools-java-SPDXWrongVersion.spdx.json'))).toEqual([['SPDX_VERSION_UNKNOWN', 3, 'spdxVersion']]);
  });

  it('tools-java v2.2 warning example: a deprecated license id is a warning at its line, not an error', () => {
    const found = check('tools-java-SPDXTagExample-v2.2-warning.spdx');
    expect(errors(found)).toEqual([]);
    expect(found.map((d) => [d.severity, d.code, d.line])).toEqual([['warning', 'LICENSE_DEPRECATED_ID', 49]]);
    expect(found[0]!.message).toContain('LGPL-2.0');
  });

  it('tools-python trivy fluentd: comma-separated license lists are not expressions', () => {
    const found = check('tools-python-INVALID-trivy-vmware-fluentd.spdx.json');
    const invalid = found.filter((d) => d.code === 'LICENSE_EXPRESSION_INVALID');
    expect(invalid.length).toBe(510);
    expect(invalid.every((d) => d.severity === 'error' && d.line !== undefined && /^packages\[\d+\]\.license(Concluded|Declared)$/.test(d.path!))).toBe(true);
    expect(invalid.map((d) => d.message)).toContainEqual(expect.stringContaining('"LGPL-2.1, GPL-2.0, GPL-3.0"'));
  });

  it('tools-python file_without_spdx_ids: blank-node package, file and snippet have no SPDX id', () => {
    expect(errors(check('tools-python-file_without_spdx_ids.rdf.xml'))).toEqual([
      ['MISSING_REQUIRED_FIELD', null, 'spdxVersion'],
      ['MISSING_CREATORS', 13, 'creationInfo.creators'],
      ['MISSING_SPDXID', 19, 'packages[0].SPDXID'],
      ['MISSING_SPDXID', 23, 'files[0].SPDXID'],
      ['MISSING_SPDXID', 32, 'snippets[0].SPDXID'],
      ['MISSING_REQUIRED_FIELD', 32, 'snippets[0].snippetFromFile'],
    ]);
  });

  it.each(['tools-python-invalid_creation_info.rdf.xml', 'tools-python-invalid_creation_info_with_snippet.rdf.xml'])('%s: no creators provided', (name) => {
    const found = errors(check(name));
    expect(found.filter((f) => f[0] === 'MISSING_CREATORS')).toEqual([['MISSING_CREATORS', name.includes('snippet') ? 23 : 12, 'creationInfo.creators']]);
    expect(found).toContainEqual(['MISSING_REQUIRED_FIELD', null, 'creationInfo.created']);
  });
});

// SPDX 3 JSON-LD reading beyond the real documents: licences from listed-licence IRIs and expressions, relationship
// types spelt as SPDX 2, Sbom root elements described, relationships the model has no place for reported.
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../../parsers/index.js';

const CONTEXT = 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld';
const ci = '_:ci';
const graph = (items: unknown[]) =>
  JSON.stringify({
    '@context': CONTEXT,
    '@graph': [
      { '@id': ci, type: 'CreationInfo', specVersion: '3.0.1', created: '2024-01-01T00:00:00Z', createdBy: ['urn:p'] },
      { spdxId: 'urn:p', type: 'Person', name: 'Pat', creationInfo: ci },
      { spdxId: 'urn:doc', type: 'SpdxDocument', name: 'doc', rootElement: ['urn:sbom'], creationInfo: ci },
      { spdxId: 'urn:sbom', type: 'software_Sbom', rootElement: ['urn:app'], creationInfo: ci },
      ...items,
    ],
  });

describe('SPDX 3 JSON-LD', () => {
  it('reads licences, relationship types and the roots of an Sbom', () => {
    const result = parseSbom(
      graph([
        { spdxId: 'urn:app', type: 'software_Package', name: 'app', software_primaryPurpose: 'operatingSystem', creationInfo: ci },
        { spdxId: 'urn:lib', type: 'software_Package', name: 'lib', software_packageUrl: 'pkg:npm/lib@1', creationInfo: ci },
        { spdxId: 'urn:expr', type: 'simplelicensing_LicenseExpression', simplelicensing_licenseExpression: 'MIT OR Apache-2.0', creationInfo: ci },
        { spdxId: 'urn:r1', type: 'Relationship', from: 'urn:app', relationshipType: 'dependsOn', to: ['urn:lib'], creationInfo: ci },
        {
          spdxId: 'urn:r2',
          type: 'Relationship',
          from: 'urn:app',
          relationshipType: 'hasDeclaredLicense',
          to: ['https://spdx.org/licenses/BSD-3-Clause'],
          creationInfo: ci,
        },
        { spdxId: 'urn:r3', type: 'Relationship', from: 'urn:lib', relationshipType: 'hasConcludedLicense', to: ['urn:expr'], creationInfo: ci },
        { spdxId: 'urn:r4', type: 'Relationship', from: 'urn:app', relationshipType: 'hasDynamicLink', to: ['urn:lib'], creationInfo: ci },
        { spdxId: 'urn:r5', type: 'Relationship', from: 'urn:p', relationshipType: 'other', to: ['urn:app'], creationInfo: ci },
      ]),
    );
    expect(result.format).toBe('spdx3-json');
    const doc = result.document;
    expect(doc.creationInfo).toEqual({ created: '2024-01-01T00:00:00Z', creators: [{ type: 'Person', name: 'Pat' }] });
    const [app, lib] = doc.packages;
    expect(app).toMatchObject({ spdxId: 'SPDXRef-app', primaryPackagePurpose: 'OPERATING-SYSTEM', licenseDeclared: { text: 'BSD-3-Clause' } });
    expect(lib).toMatchObject({
      licenseConcluded: { text: 'MIT OR Apache-2.0' },
      externalRefs: [{ category: 'PACKAGE-MANAGER', type: 'purl', locator: 'pkg:npm/lib@1' }],
    });
    expect(doc.relationships.map((r) => [r.from, r.type, r.to])).toEqual([
      ['SPDXRef-app', 'DEPENDS_ON', 'SPDXRef-lib'],
      ['SPDXRef-lib', 'DYNAMIC_LINK', 'SPDXRef-app'],
      ['SPDXRef-DOCUMENT', 'DESCRIBES', 'SPDXRef-app'],
    ]);
    // A relationship from an agent has no place in the model: said, not silently dropped.
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'info', code: 'SPDX3_RELATIONSHIPS_NOT_READ', message: expect.stringContaining('other (1)') }),
    ]);
  });

  it('says what is missing: no @graph, no SpdxDocument, an unknown context', () => {
    expect(parseSbom('{"@context": "x", "@graph": 1}', { format: 'spdx3-json' }).diagnostics.map((d) => d.code)).toEqual(['SPDX3_NO_GRAPH']);
    const bare = parseSbom('{"@context": "https://example.com/other", "@graph": []}');
    expect(bare.diagnostics.map((d) => d.code)).toEqual(['SPDX3_CONTEXT', 'SPDX3_NO_DOCUMENT', 'MISSING_CREATORS']);
  });
});

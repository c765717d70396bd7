// Malformed CycloneDX and SPDX 3 documents: every shape a field can wrongly take gives diagnostics, never an
// exception (INTERNAL_PARSER_ERROR) and never a half-read element list that throws later.
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';

const WRONG = [null, 1, 'text', true, [], {}, [1], ['x'], [{}], [null]];

describe('malformed CycloneDX', () => {
  const fields = ['components', 'services', 'dependencies', 'metadata', 'properties'];
  const componentFields = [
    'bom-ref',
    'name',
    'type',
    'version',
    'hashes',
    'licenses',
    'purl',
    'cpe',
    'externalReferences',
    'properties',
    'components',
    'supplier',
  ];
  it.each(fields)('a wrong %s is reported, not thrown', (field) => {
    for (const value of WRONG) {
      const result = parseSbom(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', [field]: value }));
      expect(
        result.diagnostics.map((d) => d.code),
        `${field}: ${JSON.stringify(value)}`,
      ).not.toContain('INTERNAL_PARSER_ERROR');
    }
  });
  it.each(componentFields)('a wrong component %s is reported, not thrown', (field) => {
    for (const value of WRONG) {
      const component = { type: 'library', name: 'x', 'bom-ref': 'x', [field]: value };
      const result = parseSbom(
        JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [component], dependencies: [{ ref: 'x', dependsOn: value }] }),
      );
      expect(
        result.diagnostics.map((d) => d.code),
        `${field}: ${JSON.stringify(value)}`,
      ).not.toContain('INTERNAL_PARSER_ERROR');
      // The component itself is kept, plus each object in a wrong `components` (a lone object reads as a one-item list).
      const nested =
        field === 'components' ? (Array.isArray(value) ? value : [value]).filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v)).length : 0;
      expect(result.document.packages.length + result.document.files.length).toBe(1 + nested);
    }
  });
  it('odd XML shapes (empty wrappers, text where elements belong) are read without an exception', () => {
    const ns = 'http://cyclonedx.org/schema/bom/1.5';
    for (const body of [
      '<components/>',
      '<components>text</components>',
      '<components><component/></components>',
      '<dependencies><dependency/></dependencies>',
      '<metadata>x</metadata>',
    ]) {
      const result = parseSbom(`<bom xmlns="${ns}">${body}</bom>`);
      expect(result.format, body).toBe('cyclonedx-xml');
      expect(
        result.diagnostics.map((d) => d.code),
        body,
      ).not.toContain('INTERNAL_PARSER_ERROR');
    }
  });
});

describe('malformed SPDX 3', () => {
  const fields = ['name', 'verifiedUsing', 'externalIdentifier', 'externalRef', 'suppliedBy', 'originatedBy', 'software_primaryPurpose', 'software_packageUrl'];
  it.each(fields)('a wrong package %s is reported, not thrown', (field) => {
    for (const value of WRONG) {
      const graph = [
        { type: 'SpdxDocument', spdxId: 'urn:d', rootElement: value, creationInfo: value },
        { type: 'software_Package', spdxId: 'urn:p', name: 'p', [field]: value },
        { type: 'Relationship', spdxId: 'urn:r', from: value, to: value, relationshipType: 'contains' },
        { type: 'Relationship', spdxId: 'urn:r2', from: 'urn:p', to: value, relationshipType: 'hasDeclaredLicense' },
      ];
      const result = parseSbom(JSON.stringify({ '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld', '@graph': graph }));
      expect(
        result.diagnostics.map((d) => d.code),
        `${field}: ${JSON.stringify(value)}`,
      ).not.toContain('INTERNAL_PARSER_ERROR');
      expect(result.document.packages).toHaveLength(1);
    }
  });
});

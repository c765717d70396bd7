// The shared object converter, driven through the JSON, YAML and XML readers with small documents: every field
// lands in the model, deviations are read with a warning that names the field path and its line and column.
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../parsers/diagnostics.js';
import { ConvertContext } from '../../../parsers/json-like/context.js';
import { convertDocument } from '../../../parsers/json-like/document.js';
import { parseJsonDocument } from '../../../parsers/json.js';
import { NOASSERTION, NONE } from '../../../parsers/model.js';
import { parseXmlDocument } from '../../../parsers/xml.js';
import { parseYamlDocument } from '../../../parsers/yaml.js';

const header = {
  spdxVersion: 'SPDX-2.3',
  dataLicense: 'CC0-1.0',
  SPDXID: 'SPDXRef-DOCUMENT',
  name: 'doc',
  documentNamespace: 'https://example.com/doc',
  creationInfo: { created: '2024-01-02T03:04:05Z', creators: ['Tool: t-1'] },
};

function json(extra: Record<string, unknown>, pretty = true) {
  const sink = new DiagnosticSink();
  const doc = parseJsonDocument(JSON.stringify({ ...header, ...extra }, null, pretty ? 2 : undefined), sink);
  return { doc, diagnostics: sink.items };
}

describe('JSON object converter', () => {
  it('reads every package field', () => {
    const { doc, diagnostics } = json({
      packages: [
        {
          SPDXID: 'SPDXRef-p',
          name: 'p',
          versionInfo: '1.0',
          packageFileName: 'p.tgz',
          supplier: 'Organization: ACME (a@example.com)',
          originator: 'NOASSERTION',
          downloadLocation: 'NONE',
          filesAnalyzed: true,
          packageVerificationCode: { packageVerificationCodeValue: 'ABC', packageVerificationCodeExcludedFiles: ['./x'] },
          checksums: [{ algorithm: 'SHA256', checksumValue: 'AA' }],
          homepage: 'NOASSERTION',
          sourceInfo: 's',
          licenseConcluded: '(MIT OR Apache-2.0)',
          licenseDeclared: 'NOASSERTION',
          licenseInfoFromFiles: ['MIT', 'NONE'],
          licenseComments: 'lc',
          copyrightText: 'NONE',
          summary: 'su',
          description: 'de',
          comment: 'co',
          externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:npm/p@1.0', comment: 'c' }],
          attributionTexts: ['at'],
          primaryPackagePurpose: 'LIBRARY',
          releaseDate: '2024-01-01T00:00:00Z',
          builtDate: '2024-01-02T00:00:00Z',
          validUntilDate: '2025-01-01T00:00:00Z',
          annotations: [{ annotationDate: '2024-01-01T00:00:00Z', annotationType: 'REVIEW', annotator: 'Person: R', comment: 'ok' }],
        },
      ],
    });
    expect(diagnostics).toEqual([]);
    const p = doc.packages[0]!;
    expect(p).toMatchObject({
      spdxId: 'SPDXRef-p',
      name: 'p',
      version: '1.0',
      fileName: 'p.tgz',
      supplier: { type: 'Organization', name: 'ACME', email: 'a@example.com' },
      originator: NOASSERTION,
      downloadLocation: NONE,
      filesAnalyzed: true,
      verificationCode: { value: 'abc', excludedFiles: ['./x'] },
      checksums: [{ algorithm: 'SHA256', value: 'aa' }],
      homepage: NOASSERTION,
      sourceInfo: 's',
      licenseDeclared: NOASSERTION,
      licenseComments: 'lc',
      copyrightText: NONE,
      summary: 'su',
      description: 'de',
      comment: 'co',
      externalRefs: [{ category: 'PACKAGE-MANAGER', type: 'purl', locator: 'pkg:npm/p@1.0', comment: 'c' }],
      attributionTexts: ['at'],
      primaryPackagePurpose: 'LIBRARY',
      releaseDate: '2024-01-01T00:00:00Z',
      builtDate: '2024-01-02T00:00:00Z',
      validUntilDate: '2025-01-01T00:00:00Z',
    });
    expect(p.licenseConcluded).toMatchObject({ text: '(MIT OR Apache-2.0)', parsed: { type: 'or' } });
    expect(p.licenseInfoFromFiles).toEqual([{ text: 'MIT', parsed: { type: 'license', id: 'MIT' } }, NONE]);
    expect(p.annotations).toEqual([expect.objectContaining({ spdxId: 'SPDXRef-p', type: 'REVIEW', comment: 'ok' })]);
    expect(doc.annotations).toEqual(p.annotations);
    expect(p.position).toEqual({ line: 14, column: 5 });
  });

  it('reads files, snippets with byte and line ranges, and relationships to NONE, NOASSERTION and other documents', () => {
    const { doc, diagnostics } = json({
      externalDocumentRefs: [
        { externalDocumentId: 'DocumentRef-o', spdxDocument: 'https://example.com/o', checksum: { algorithm: 'SHA1', checksumValue: 'a'.repeat(40) } },
      ],
      files: [
        {
          SPDXID: 'SPDXRef-f',
          fileName: './f.c',
          fileTypes: ['SOURCE'],
          checksums: [{ algorithm: 'SHA1', checksumValue: 'b'.repeat(40) }],
          licenseInfoInFiles: ['MIT'],
          fileContributors: ['x'],
          noticeText: 'n',
          fileDependencies: ['SPDXRef-g'],
        },
      ],
      snippets: [
        {
          SPDXID: 'SPDXRef-s',
          snippetFromFile: 'SPDXRef-f',
          name: 'sn',
          licenseInfoInSnippets: ['MIT'],
          ranges: [
            { startPointer: { offset: 3, reference: 'SPDXRef-f' }, endPointer: { offset: 9, reference: 'SPDXRef-f' } },
            { startPointer: { lineNumber: 1, reference: 'SPDXRef-g' }, endPointer: { lineNumber: 2, reference: 'SPDXRef-g' } },
          ],
        },
      ],
      relationships: [
        { spdxElementId: 'SPDXRef-f', relationshipType: 'GENERATED_FROM', relatedSpdxElement: 'NOASSERTION' },
        { spdxElementId: 'SPDXRef-f', relationshipType: 'DEPENDS_ON', relatedSpdxElement: 'NONE', comment: 'none' },
        { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'COPY_OF', relatedSpdxElement: 'DocumentRef-o:SPDXRef-x' },
      ],
    });
    expect(diagnostics).toEqual([]);
    expect(doc.externalDocumentRefs).toEqual([
      { id: 'DocumentRef-o', documentNamespace: 'https://example.com/o', checksum: { algorithm: 'SHA1', value: 'a'.repeat(40) } },
    ]);
    expect(doc.files[0]).toMatchObject({ name: './f.c', fileTypes: ['SOURCE'], contributors: ['x'], notice: 'n', dependencies: ['SPDXRef-g'] });
    expect(doc.snippets[0]!.ranges).toEqual([
      { kind: 'byte', start: 3, end: 9 },
      { kind: 'line', start: 1, end: 2, fileSpdxId: 'SPDXRef-g' },
    ]);
    expect(doc.relationships.map((r) => [r.from, r.type, r.to, r.comment])).toEqual([
      ['SPDXRef-f', 'GENERATED_FROM', NOASSERTION, undefined],
      ['SPDXRef-f', 'DEPENDS_ON', NONE, 'none'],
      ['SPDXRef-DOCUMENT', 'COPY_OF', 'DocumentRef-o:SPDXRef-x', undefined],
    ]);
  });

  it('turns documentDescribes and hasFiles into relationships unless the same or the inverse is listed', () => {
    const { doc } = json({
      documentDescribes: ['SPDXRef-a', 'SPDXRef-b', 'SPDXRef-c'],
      packages: [
        { SPDXID: 'SPDXRef-a', name: 'a', downloadLocation: 'NONE', hasFiles: ['SPDXRef-f', 'SPDXRef-g', 'SPDXRef-f'] },
        { SPDXID: 'SPDXRef-b', name: 'b', downloadLocation: 'NONE' },
      ],
      relationships: [
        { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-a' },
        { spdxElementId: 'SPDXRef-b', relationshipType: 'DESCRIBED_BY', relatedSpdxElement: 'SPDXRef-DOCUMENT' },
        { spdxElementId: 'SPDXRef-g', relationshipType: 'CONTAINED_BY', relatedSpdxElement: 'SPDXRef-a' },
      ],
    });
    expect(doc.relationships.map((r) => `${r.from} ${r.type} ${String(r.to)}`)).toEqual([
      'SPDXRef-DOCUMENT DESCRIBES SPDXRef-a',
      'SPDXRef-b DESCRIBED_BY SPDXRef-DOCUMENT',
      'SPDXRef-g CONTAINED_BY SPDXRef-a',
      'SPDXRef-DOCUMENT DESCRIBES SPDXRef-c',
      'SPDXRef-a CONTAINS SPDXRef-f',
    ]);
  });

  it('reads real-world deviations with a warning naming the field path, line and column', () => {
    const text = [
      '{',
      '  "spdxVersion": 2.3,',
      '  "SPDXID": "SPDXRef-DOCUMENT",',
      '  "creationInfo": { "creators": "Tool: x", "created": "2024-01-02T03:04:05.123Z" },',
      '  "packages": [ { "SPDXID": "SPDXRef-p", "name": "p", "downloadLocation": "NONE",',
      '    "filesAnalyzed": "false", "surprise": 1,',
      '    "checksums": [ { "algorithm": "sha256", "checksumValue": "aa" } ],',
      '    "externalRefs": [ { "referenceCategory": "PACKAGE_MANAGER", "referenceType": "purl", "referenceLocator": "pkg:npm/p" } ] } ],',
      '  "relationships": [ { "spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "describes", "relatedSpdxElement": "SPDXRef-p" } ]',
      '}',
    ].join('\n');
    const sink = new DiagnosticSink();
    const doc = parseJsonDocument(text, sink);
    expect(doc.spdxVersion).toBe('2.3');
    expect(doc.creationInfo.creators).toEqual([{ type: 'Tool', name: 'x' }]);
    expect(doc.packages[0]).toMatchObject({
      filesAnalyzed: false,
      checksums: [{ algorithm: 'SHA256', value: 'aa' }],
      externalRefs: [{ category: 'PACKAGE-MANAGER' }],
    });
    expect(doc.relationships[0]!.type).toBe('DESCRIBES');
    const at = (code: string) => sink.items.filter((d) => d.code === code).map((d) => [d.severity, d.path, d.line, d.column]);
    expect(at('SPDX_VERSION_NOT_STRING')).toEqual([['warning', 'spdxVersion', 2, 18]]);
    expect(at('JSON_NOT_A_LIST')).toEqual([['warning', 'creationInfo.creators', 4, 33]]);
    expect(at('DATE_FORMAT')).toEqual([['warning', 'creationInfo.created', 4, 55]]);
    expect(at('JSON_WRONG_TYPE')).toEqual([['warning', 'packages[0].filesAnalyzed', 6, 22]]);
    expect(at('JSON_UNKNOWN_FIELD')).toEqual([['warning', 'packages[0].surprise', 6, 43]]);
    expect(at('CHECKSUM_ALGORITHM_SPELLING')).toEqual([['warning', 'packages[0].checksums[0].algorithm', 7, 35]]);
    expect(at('ENUM_SEPARATOR')).toEqual([['warning', 'packages[0].externalRefs[0].referenceCategory', 8, 46]]);
    expect(at('ENUM_SPELLING')).toEqual([['warning', 'relationships[0].relationshipType', 9, 81]]);
    // Missing required fields are named with the nearest position that exists.
    expect(at('MISSING_REQUIRED_FIELD').map((x) => x[1])).toEqual(['name', 'documentNamespace', 'dataLicense']);
  });

  it('never throws on wrong shapes: each becomes a diagnostic', () => {
    for (const text of [
      '[]',
      '"x"',
      'null',
      '{"SPDXID": "SPDXRef-DOCUMENT", "packages": 5, "files": [1, null], "relationships": {"a": 1}, "creationInfo": []}',
    ]) {
      const sink = new DiagnosticSink();
      expect(() => parseJsonDocument(text, sink)).not.toThrow();
      expect(sink.hasErrors).toBe(true);
    }
  });

  it('reports malformed JSON with line and column and keeps going', () => {
    const sink = new DiagnosticSink();
    const doc = parseJsonDocument('{\n  "spdxVersion": "SPDX-2.3",\n  "name": oops\n}', sink);
    expect(doc.packages).toEqual([]);
    expect(sink.items).toEqual([{ severity: 'error', code: 'JSON_SYNTAX', message: 'malformed JSON: unexpected "o"', line: 3, column: 11 }]);
    const truncated = new DiagnosticSink();
    parseJsonDocument('{\n  "a": [1,', truncated);
    expect(truncated.items).toEqual([{ severity: 'error', code: 'JSON_SYNTAX', message: 'malformed JSON: unexpected end of input', line: 2, column: 11 }]);
    const multiline = new DiagnosticSink();
    parseJsonDocument('{"a": "x\ny"}', multiline);
    expect(multiline.items[0]).toMatchObject({ line: 1, column: 9, message: expect.not.stringContaining('\n') });
  });

  it('sends SPDX 3 JSON-LD to its reader and names non-SPDX JSON', () => {
    const spdx3 = new DiagnosticSink();
    parseJsonDocument('{"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": []}', spdx3);
    expect(spdx3.items).toContainEqual(expect.objectContaining({ code: 'SPDX3_NO_DOCUMENT', message: expect.stringContaining('SpdxDocument') }));
    const forcedAsSpdx2 = new DiagnosticSink();
    convertDocument(new ConvertContext(forcedAsSpdx2, 'JSON'), { '@context': 'x', '@graph': [] });
    expect(forcedAsSpdx2.items).toEqual([expect.objectContaining({ code: 'SPDX3_UNSUPPORTED', message: expect.stringContaining('SPDX 3') })]);
    const other = new DiagnosticSink();
    parseJsonDocument('{"_type": "https://in-toto.io/Statement/v0.1"}', other);
    expect(other.items).toEqual([expect.objectContaining({ code: 'NOT_SPDX_DOCUMENT' })]);
  });
});

describe('YAML and XML share the converter', () => {
  it('YAML keeps scalars as text (3.10 stays 3.10) and reads booleans and numbers where the schema wants them', () => {
    const sink = new DiagnosticSink();
    const doc = parseYamlDocument(
      [
        'spdxVersion: SPDX-2.3',
        'SPDXID: SPDXRef-DOCUMENT',
        'name: d',
        'dataLicense: CC0-1.0',
        'documentNamespace: https://e/d',
        'creationInfo:',
        '  created: 2024-01-02T03:04:05Z',
        '  creators: ["Tool: t"]',
        '  licenseListVersion: 3.10',
        'packages:',
        '- SPDXID: SPDXRef-p',
        '  name: p',
        '  versionInfo: 1.10',
        '  downloadLocation: NONE',
        '  filesAnalyzed: false',
        '  sourceInfo: 7',
        'snippets:',
        '- SPDXID: SPDXRef-s',
        '  snippetFromFile: SPDXRef-f',
        '  ranges: [{startPointer: {offset: 1}, endPointer: {offset: 20}}]',
        '  bogus: 1',
      ].join('\n'),
      sink,
    );
    expect(doc.creationInfo.licenseListVersion).toBe('3.10');
    expect(doc.creationInfo.created).toBe('2024-01-02T03:04:05Z');
    expect(doc.packages[0]).toMatchObject({ version: '1.10', filesAnalyzed: false, sourceInfo: '7' });
    expect(doc.snippets[0]!.ranges).toEqual([{ kind: 'byte', start: 1, end: 20 }]);
    expect(sink.items).toEqual([expect.objectContaining({ code: 'YAML_UNKNOWN_FIELD', path: 'snippets[0].bogus', line: 21, column: 10 })]);
    expect(doc.packages[0]!.position).toEqual({ line: 11, column: 3 });
  });

  it('YAML syntax errors carry line and column', () => {
    const sink = new DiagnosticSink();
    parseYamlDocument('spdxVersion: SPDX-2.3\nname: "unterminated\n', sink);
    // The yaml package reports a missing closing quote where the input ends.
    expect(sink.items[0]).toEqual({ severity: 'error', code: 'YAML_SYNTAX', message: 'malformed YAML: Missing closing "quote', line: 3, column: 1 });
  });

  it('XML: one <packages> element is still a list, text is decoded, positions come from the elements', () => {
    const sink = new DiagnosticSink();
    const doc = parseXmlDocument(
      [
        '<?xml version="1.0"?>',
        '<Document>',
        '  <spdxVersion>SPDX-2.3</spdxVersion>',
        '  <SPDXID>SPDXRef-DOCUMENT</SPDXID>',
        '  <name>a &amp; b &#x263A;</name>',
        '  <creationInfo><created>2024-01-02T03:04:05Z</created><creators>Tool: t</creators></creationInfo>',
        '  <packages>',
        '    <SPDXID>SPDXRef-p</SPDXID><name>p</name><downloadLocation>NONE</downloadLocation>',
        '    <filesAnalyzed>false</filesAnalyzed>',
        '    <checksums><algorithm>SHA1</algorithm><checksumValue>AB</checksumValue></checksums>',
        '    <colour>blue</colour>',
        '  </packages>',
        '</Document>',
      ].join('\n'),
      sink,
    );
    expect(doc.name).toBe('a & b \u263A');
    expect(doc.creationInfo.creators).toEqual([{ type: 'Tool', name: 't' }]);
    expect(doc.packages).toHaveLength(1);
    expect(doc.packages[0]).toMatchObject({ filesAnalyzed: false, checksums: [{ algorithm: 'SHA1', value: 'ab' }], position: { line: 7, column: 3 } });
    expect(sink.items.filter((d) => d.code === 'XML_UNKNOWN_FIELD')).toEqual([expect.objectContaining({ path: 'packages[0].colour', line: 7 })]);
  });

  it('XML: CDATA text is kept literally (not entity-decoded)', () => {
    const sink = new DiagnosticSink();
    const doc = parseXmlDocument(
      '<Document><spdxVersion>SPDX-2.3</spdxVersion><name><![CDATA[a &amp; <b>]]></name><comment>x &lt; y</comment></Document>',
      sink,
    );
    expect([doc.name, doc.comment]).toEqual(['a &amp; <b>', 'x < y']);
  });

  it('XML: malformed markup is an error with line and column', () => {
    const sink = new DiagnosticSink();
    parseXmlDocument('<Document>\n  <name>x</nam>\n</Document>', sink);
    expect(sink.items).toEqual([expect.objectContaining({ severity: 'error', code: 'XML_SYNTAX', line: 2 })]);
  });
});

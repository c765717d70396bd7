// RDF/XML mapping: license set nodes rebuilt as expressions, references by rdf:resource and rdf:nodeID,
// relationships nested under any element, NOASSERTION/NONE as spdx: URIs, ids in other documents' namespaces,
// checksum algorithm URIs, blank-node elements as errors with lines.
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../parsers/diagnostics.js';
import { licenseText } from '../../../parsers/license-expression.js';
import { NOASSERTION, NONE } from '../../../parsers/model.js';
import { parseRdfXmlDocument } from '../../../parsers/rdf-xml.js';

const NS = 'https://example.com/doc';
const wrap = (body: string) => `<?xml version="1.0"?>
<rdf:RDF xmlns:spdx="http://spdx.org/rdf/terms#" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#" xmlns:ptr="http://www.w3.org/2009/pointers#" xmlns:doap="http://usefulinc.com/ns/doap#">
  <spdx:SpdxDocument rdf:about="${NS}#SPDXRef-DOCUMENT">
    <spdx:specVersion>SPDX-2.3</spdx:specVersion>
    <spdx:name>doc</spdx:name>
    <spdx:dataLicense rdf:resource="http://spdx.org/licenses/CC0-1.0"/>
    <spdx:creationInfo><spdx:CreationInfo><spdx:creator>Tool: t</spdx:creator><spdx:created>2024-01-02T03:04:05Z</spdx:created></spdx:CreationInfo></spdx:creationInfo>
    <spdx:externalDocumentRef>
      <spdx:ExternalDocumentRef>
        <spdx:externalDocumentId>DocumentRef-other</spdx:externalDocumentId>
        <spdx:spdxDocument rdf:resource="https://example.com/other"/>
      </spdx:ExternalDocumentRef>
    </spdx:externalDocumentRef>
    <spdx:relationship>
      <spdx:Relationship>
        <spdx:relationshipType rdf:resource="http://spdx.org/rdf/terms#relationshipType_describes"/>
        <spdx:relatedSpdxElement rdf:resource="${NS}#SPDXRef-p"/>
      </spdx:Relationship>
    </spdx:relationship>
  </spdx:SpdxDocument>
${body}
</rdf:RDF>`;

function parse(body: string) {
  const sink = new DiagnosticSink();
  const doc = parseRdfXmlDocument(wrap(body), sink);
  return { doc, diagnostics: sink.items };
}

describe('RDF/XML', () => {
  it('reads a package with license sets, operators, checksums and references', () => {
    const { doc, diagnostics } = parse(`
  <spdx:Package rdf:about="${NS}#SPDXRef-p">
    <spdx:name>p</spdx:name>
    <spdx:downloadLocation rdf:resource="http://spdx.org/rdf/terms#noassertion"/>
    <spdx:copyrightText rdf:resource="http://spdx.org/rdf/terms#none"/>
    <doap:homepage>https://p.example</doap:homepage>
    <spdx:filesAnalyzed>false</spdx:filesAnalyzed>
    <spdx:primaryPackagePurpose rdf:resource="http://spdx.org/rdf/terms#purpose_operatingSystem"/>
    <spdx:checksum><spdx:Checksum rdf:nodeID="c1"/></spdx:checksum>
    <spdx:licenseConcluded>
      <spdx:DisjunctiveLicenseSet>
        <spdx:member rdf:resource="http://spdx.org/licenses/MIT"/>
        <spdx:member>
          <spdx:ConjunctiveLicenseSet>
            <spdx:member><spdx:OrLaterOperator><spdx:member rdf:resource="http://spdx.org/licenses/GPL-2.0"/></spdx:OrLaterOperator></spdx:member>
            <spdx:member rdf:resource="${NS}#LicenseRef-mine"/>
          </spdx:ConjunctiveLicenseSet>
        </spdx:member>
      </spdx:DisjunctiveLicenseSet>
    </spdx:licenseConcluded>
    <spdx:licenseDeclared>
      <spdx:WithExceptionOperator>
        <spdx:member><spdx:ListedLicense rdf:about="http://spdx.org/licenses/GPL-3.0-only"/></spdx:member>
        <spdx:licenseException><spdx:LicenseException><spdx:licenseExceptionId>Classpath-exception-2.0</spdx:licenseExceptionId></spdx:LicenseException></spdx:licenseException>
      </spdx:WithExceptionOperator>
    </spdx:licenseDeclared>
    <spdx:licenseInfoFromFiles rdf:resource="https://example.com/other#LicenseRef-theirs"/>
    <spdx:externalRef>
      <spdx:ExternalRef>
        <spdx:referenceCategory rdf:resource="http://spdx.org/rdf/terms#referenceCategory_packageManager"/>
        <spdx:referenceType rdf:resource="http://spdx.org/rdf/references/purl"/>
        <spdx:referenceLocator>pkg:npm/p@1</spdx:referenceLocator>
      </spdx:ExternalRef>
    </spdx:externalRef>
    <spdx:relationship>
      <spdx:Relationship>
        <spdx:relationshipType rdf:resource="http://spdx.org/rdf/terms#relationshipType_dependencyOf"/>
        <spdx:relatedSpdxElement rdf:resource="https://example.com/other#SPDXRef-x"/>
      </spdx:Relationship>
    </spdx:relationship>
    <spdx:relationship>
      <spdx:Relationship>
        <spdx:relationshipType rdf:resource="http://spdx.org/rdf/terms#relationshipType_generatedFrom"/>
        <spdx:relatedSpdxElement rdf:resource="http://spdx.org/rdf/terms#noassertion"/>
      </spdx:Relationship>
    </spdx:relationship>
  </spdx:Package>
  <spdx:Checksum rdf:nodeID="c1">
    <spdx:algorithm rdf:resource="http://spdx.org/rdf/terms#checksumAlgorithm_sha3_256"/>
    <spdx:checksumValue>ABCD</spdx:checksumValue>
  </spdx:Checksum>`);
    expect(diagnostics).toEqual([]);
    expect(doc).toMatchObject({ spdxVersion: 'SPDX-2.3', spdxId: 'SPDXRef-DOCUMENT', documentNamespace: NS, dataLicense: 'CC0-1.0' });
    expect(doc.externalDocumentRefs).toEqual([{ id: 'DocumentRef-other', documentNamespace: 'https://example.com/other' }]);
    const p = doc.packages[0]!;
    expect(p).toMatchObject({
      spdxId: 'SPDXRef-p',
      name: 'p',
      downloadLocation: NOASSERTION,
      copyrightText: NONE,
      homepage: 'https://p.example',
      filesAnalyzed: false,
      primaryPackagePurpose: 'OPERATING-SYSTEM',
      checksums: [{ algorithm: 'SHA3-256', value: 'abcd' }],
      externalRefs: [{ category: 'PACKAGE-MANAGER', type: 'purl', locator: 'pkg:npm/p@1' }],
      position: { line: 23 },
    });
    expect(licenseText(p.licenseConcluded)).toBe('MIT OR (GPL-2.0+ AND LicenseRef-mine)');
    expect(p.licenseConcluded).toMatchObject({ parsed: { type: 'or' } });
    expect(licenseText(p.licenseDeclared)).toBe('GPL-3.0-only WITH Classpath-exception-2.0');
    expect(p.licenseInfoFromFiles).toEqual([expect.objectContaining({ text: 'DocumentRef-other:LicenseRef-theirs' })]);
    expect(doc.relationships.map((r) => [r.from, r.type, r.to])).toEqual([
      ['SPDXRef-DOCUMENT', 'DESCRIBES', 'SPDXRef-p'],
      ['SPDXRef-p', 'DEPENDENCY_OF', 'DocumentRef-other:SPDXRef-x'],
      ['SPDXRef-p', 'GENERATED_FROM', NOASSERTION],
    ]);
  });

  it('reads files, snippets with pointer ranges, annotations, and hasFile as CONTAINS unless listed', () => {
    const { doc, diagnostics } = parse(`
  <spdx:Package rdf:about="${NS}#SPDXRef-p">
    <spdx:name>p</spdx:name>
    <spdx:hasFile rdf:resource="${NS}#SPDXRef-f"/>
    <spdx:annotation><spdx:Annotation>
      <spdx:annotator>Person: Ann</spdx:annotator><spdx:annotationDate>2024-01-01T00:00:00Z</spdx:annotationDate>
      <spdx:annotationType rdf:resource="http://spdx.org/rdf/terms#annotationType_review"/><rdfs:comment>fine</rdfs:comment>
    </spdx:Annotation></spdx:annotation>
  </spdx:Package>
  <spdx:File rdf:about="${NS}#SPDXRef-f">
    <spdx:fileName>./f.c</spdx:fileName>
    <spdx:fileType rdf:resource="http://spdx.org/rdf/terms#fileType_source"/>
    <spdx:licenseInfoInFile rdf:resource="http://spdx.org/rdf/terms#none"/>
  </spdx:File>
  <spdx:Snippet rdf:about="${NS}#SPDXRef-s">
    <spdx:snippetFromFile rdf:resource="${NS}#SPDXRef-f"/>
    <spdx:range><ptr:StartEndPointer>
      <ptr:startPointer><ptr:ByteOffsetPointer><ptr:offset>10</ptr:offset><ptr:reference rdf:resource="${NS}#SPDXRef-f"/></ptr:ByteOffsetPointer></ptr:startPointer>
      <ptr:endPointer><ptr:ByteOffsetPointer><ptr:offset>20</ptr:offset><ptr:reference rdf:resource="${NS}#SPDXRef-f"/></ptr:ByteOffsetPointer></ptr:endPointer>
    </ptr:StartEndPointer></spdx:range>
    <spdx:range><ptr:StartEndPointer>
      <ptr:startPointer><ptr:LineCharPointer><ptr:lineNumber>3</ptr:lineNumber></ptr:LineCharPointer></ptr:startPointer>
      <ptr:endPointer><ptr:LineCharPointer><ptr:lineNumber>4</ptr:lineNumber></ptr:LineCharPointer></ptr:endPointer>
    </ptr:StartEndPointer></spdx:range>
  </spdx:Snippet>`);
    expect(diagnostics).toEqual([]);
    expect(doc.files[0]).toMatchObject({ spdxId: 'SPDXRef-f', name: './f.c', fileTypes: ['SOURCE'], licenseInfoInFiles: [NONE] });
    expect(doc.snippets[0]).toMatchObject({
      fromFile: 'SPDXRef-f',
      ranges: [
        { kind: 'byte', start: 10, end: 20 },
        { kind: 'line', start: 3, end: 4 },
      ],
    });
    expect(doc.annotations).toEqual([
      expect.objectContaining({ spdxId: 'SPDXRef-p', type: 'REVIEW', comment: 'fine', annotator: { type: 'Person', name: 'Ann' } }),
    ]);
    expect(doc.packages[0]!.annotations).toHaveLength(1);
    expect(doc.relationships.map((r) => `${r.from} ${r.type} ${String(r.to)}`)).toEqual([
      'SPDXRef-DOCUMENT DESCRIBES SPDXRef-p',
      'SPDXRef-p CONTAINS SPDXRef-f',
    ]);
  });

  it('keeps CDATA literally and decodes entities elsewhere', () => {
    const { doc } = parse(
      `  <spdx:Package rdf:about="${NS}#SPDXRef-p"><spdx:name><![CDATA[a &amp; <b>]]></spdx:name><spdx:summary>x &lt; y &#x41;</spdx:summary></spdx:Package>`,
    );
    expect([doc.packages[0]!.name, doc.packages[0]!.summary]).toEqual(['a &amp; <b>', 'x < y A']);
  });

  it('reports blank-node elements and a missing document node', () => {
    const { diagnostics } = parse('  <spdx:File><spdx:fileName>x</spdx:fileName></spdx:File>');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'MISSING_SPDXID', path: 'files[0].SPDXID', line: 22, column: 3 })]);
    const none = new DiagnosticSink();
    parseRdfXmlDocument('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', none);
    expect(none.items).toEqual([expect.objectContaining({ code: 'RDF_NO_DOCUMENT' })]);
    const broken = new DiagnosticSink();
    parseRdfXmlDocument('<rdf:RDF>\n<a></b>', broken);
    expect(broken.items).toEqual([expect.objectContaining({ severity: 'error', code: 'RDF_SYNTAX', line: 2 })]);
  });
});

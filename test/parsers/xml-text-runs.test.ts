// Long XML text runs are lifted out before fast-xml-parser reads the document (issue 19, item 5); what the parse
// returns must not show it: values with entities, CRLF and comments inside, positions after a run, both XML dialects.
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';

const LONG = 5000;
const xmlDoc = (comment: string, after = '') => `<?xml version="1.0"?>
<Document>
  <SPDXID>SPDXRef-DOCUMENT</SPDXID>
  <spdxVersion>SPDX-2.3</spdxVersion>
  <name>runs</name>
  <comment>${comment}</comment>
${after}</Document>
`;
const rdfDoc = (comment: string, after = '') => `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#" xmlns:spdx="http://spdx.org/rdf/terms#">
  <spdx:SpdxDocument rdf:about="https://example.com/d#SPDXRef-DOCUMENT">
    <spdx:specVersion>SPDX-2.3</spdx:specVersion>
    <rdfs:comment>${comment}</rdfs:comment>
${after}  </spdx:SpdxDocument>
</rdf:RDF>
`;
const positionOf = (text: string, needle: string) => {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
};

describe.each([
  ['xml', xmlDoc],
  ['rdf-xml', rdfDoc],
] as const)('%s: a text value longer than the lifting threshold', (format, build) => {
  it('reads entities, character references, CRLF and surrounding whitespace as before', () => {
    const line = 'a &amp; b &lt;c&gt; &#65;&#x42; &unknown; "q"\r\n';
    const result = parseSbom(build(`\r\n   ${line.repeat(LONG / line.length + 1)}  end  \n`), { format });
    const expected = `${'a & b <c> AB &unknown; "q"\n'.repeat(LONG / line.length + 1)}  end`;
    expect(result.document.comment).toBe(expected);
  });

  it('joins text around XML comments as the library does', () => {
    const part = 'x'.repeat(LONG);
    const result = parseSbom(build(`head <!-- note --> ${part} <!-- more -->tail`), { format });
    expect(result.document.comment).toBe(`head  ${part} tail`);
  });

  it('keeps CDATA apart from the lifted runs', () => {
    const part = 'y'.repeat(LONG);
    const result = parseSbom(build(`${part}<![CDATA[<&amp;>]]>`), { format });
    expect(result.document.comment).toBe(`${part}<&amp;>`);
  });

  it('a value made only of whitespace stays empty', () => {
    const result = parseSbom(build(' \n\t'.repeat(LONG)), { format });
    expect(result.document.comment ?? '').toBe('');
  });

  it('reports the U+FFFF the placeholders are built from as malformed XML, with its position', () => {
    const text = build(`x${'\uffff'}0${'\uffff'}`);
    const result = parseSbom(text, { format });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: `${format === 'xml' ? 'XML' : 'RDF'}_SYNTAX`, ...positionOf(text, '\uffff') }),
    ]);
  });
});

describe('positions after a lifted run', () => {
  const comment = `${'line of text\n'.repeat(LONG / 10)}end`;

  it('XML: a diagnostic after the run points at its element', () => {
    const text = xmlDoc(comment, '  <packages>\n    <SPDXID>SPDXRef-p</SPDXID>\n    <bogusField>1</bogusField>\n  </packages>\n');
    const warning = parseSbom(text, { format: 'xml' }).diagnostics.find((d) => d.code === 'XML_UNKNOWN_FIELD');
    expect(warning).toMatchObject(positionOf(text, '<packages>'));
  });

  it('RDF/XML: a structure problem after the run points at its element', () => {
    const text = rdfDoc(comment, '    <spdx:relationship><spdx:Relationship/><spdx:Relationship/></spdx:relationship>\n');
    const warning = parseSbom(text, { format: 'rdf-xml' }).diagnostics.find((d) => d.code === 'RDF_STRUCTURE');
    expect(warning).toMatchObject(positionOf(text, '<spdx:relationship>'));
  });
});

describe('long attribute values', () => {
  const value = `${'a &amp; b\r\n'.repeat(LONG / 10)}end`;

  it('RDF/XML: a literal property written as an attribute reads as before', () => {
    const text = rdfDoc(
      'c',
      `    <spdx:describesPackage><spdx:Package rdf:about="https://example.com/d#SPDXRef-p" spdx:name="${value}"/></spdx:describesPackage>\n`,
    );
    const result = parseSbom(text, { format: 'rdf-xml' });
    expect(result.document.packages.map((p) => p.name)).toEqual([`${'a & b\n'.repeat(LONG / 10)}end`]);
  });

  it('a syntax error after one is reported where the validator finds it in the original text', () => {
    for (const [format, build] of [
      ['xml', xmlDoc],
      ['rdf-xml', rdfDoc],
    ] as const) {
      const text = build('c', `  <a note="${value}">x</a>\n  <b>\n  <c/>\n`);
      const original = XMLValidator.validate(text, { allowBooleanAttributes: true });
      if (original === true) throw new Error('the test document must be malformed');
      const error = parseSbom(text, { format }).diagnostics.find((d) => d.code.endsWith('_SYNTAX'));
      expect(error).toMatchObject({ line: original.err.line, column: original.err.col });
    }
  });
});

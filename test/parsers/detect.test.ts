// Decoding and format detection: content first, file name second; binary and oversize input refused with codes.
import { describe, expect, it } from 'vitest';
import { decodeInput, detectFromContent, detectFromFileName } from '../../parsers/detect.js';
import { DiagnosticSink } from '../../parsers/diagnostics.js';
import { parseSbom } from '../../parsers/index.js';
import { runParser } from '../../parsers/parse-core.js';

const TV = 'SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n';

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'be') for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), le]);
}

describe('decodeInput', () => {
  it('decodes UTF-8 with and without BOM, UTF-16 LE and BE with BOM, to the same text', () => {
    expect(decodeInput(Buffer.from(TV))).toMatchObject({ text: TV, encoding: 'utf-8' });
    expect(decodeInput(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TV)]))).toMatchObject({ text: TV, encoding: 'utf-8-bom' });
    expect(decodeInput(utf16(TV, 'le'))).toMatchObject({ text: TV, encoding: 'utf-16le' });
    expect(decodeInput(utf16(TV, 'be'))).toMatchObject({ text: TV, encoding: 'utf-16be' });
    expect(decodeInput(`\ufeff${TV}`).text).toBe(TV);
  });

  it('refuses binary content with BINARY_CONTENT', () => {
    const d = decodeInput(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]));
    expect(d.text).toBeUndefined();
    expect(d.diagnostics).toMatchObject([{ severity: 'error', code: 'BINARY_CONTENT' }]);
  });

  it('reads invalid UTF-8 with a warning at the line of the first bad byte', () => {
    const d = decodeInput(Buffer.concat([Buffer.from('SPDXVersion: SPDX-2.3\nDocumentName: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    expect(d.text).toContain('DocumentName: \ufffd(');
    expect(d.diagnostics).toMatchObject([{ severity: 'warning', code: 'INVALID_ENCODING', line: 2 }]);
  });
});

describe('format detection', () => {
  it('tells the formats apart by content', () => {
    expect(detectFromContent(`# a comment\n\n${TV}`)).toBe('tag-value');
    expect(detectFromContent('  {"spdxVersion": "SPDX-2.3"}')).toBe('json');
    expect(detectFromContent('<?xml version="1.0"?>\n<Document><SPDXID>x</SPDXID></Document>')).toBe('xml');
    expect(detectFromContent('<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">')).toBe('rdf-xml');
    expect(detectFromContent('---\nSPDXID: "SPDXRef-DOCUMENT"\nspdxVersion: "SPDX-2.3"\n')).toBe('yaml');
    expect(detectFromContent('SPDXID: SPDXRef-DOCUMENT\nspdxVersion: SPDX-2.3\n')).toBe('yaml');
    expect(detectFromContent('SPDXID: SPDXRef-DOCUMENT\nSPDXVersion: SPDX-2.3\n')).toBe('tag-value');
    expect(detectFromContent('LicenseID: LicenseRef-1\nExtractedText: <text>x</text>\n')).toBe('tag-value');
    expect(detectFromContent('hello there')).toBeUndefined();
  });

  it('uses the file name only when the content says nothing', () => {
    expect(detectFromFileName('sbom.spdx')).toBe('tag-value');
    expect(detectFromFileName('x.spdx.rdf.xml')).toBe('rdf-xml');
    expect(detectFromFileName('x.spdx.yml')).toBe('yaml');
    expect(parseSbom(TV, { fileName: 'misnamed.json' }).format).toBe('tag-value');
  });
});

describe('parseSbom guards', () => {
  it('refuses input over maxBytes, empty input and unknown formats with error codes', () => {
    expect(parseSbom(TV, { maxBytes: 10 }).diagnostics).toMatchObject([{ severity: 'error', code: 'INPUT_TOO_LARGE' }]);
    expect(parseSbom(' \n\t\n').diagnostics).toMatchObject([{ severity: 'error', code: 'EMPTY_INPUT' }]);
    expect(parseSbom('hello there').diagnostics).toMatchObject([{ severity: 'error', code: 'UNKNOWN_FORMAT' }]);
  });

  it('honours an explicit format over detection', () => {
    const r = parseSbom(TV, { format: 'json' });
    expect(r.format).toBe('json');
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('turns an exception inside a parser into an INTERNAL_PARSER_ERROR diagnostic', () => {
    const sink = new DiagnosticSink();
    const r = runParser(
      () => {
        throw new TypeError('boom');
      },
      TV,
      'tag-value',
      sink,
    );
    expect(r.diagnostics).toMatchObject([{ severity: 'error', code: 'INTERNAL_PARSER_ERROR', message: expect.stringContaining('boom') }]);
    expect(r.document.packages).toEqual([]);
  });
});

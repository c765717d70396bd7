// Resource-exhaustion inputs: an XML entity bomb (plain XML and RDF/XML) and a YAML alias bomb give an error
// diagnostic at once, and memory stays flat (entity expansion is off; YAML aliases are counted).
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';

function billionLaughs(body: string): string {
  const lines = ['<?xml version="1.0"?>', '<!DOCTYPE lolz [', '  <!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) lines.push(`  <!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  lines.push(']>', body);
  return lines.join('\n');
}

function aliasBomb(): string {
  const lines = ['spdxVersion: SPDX-2.3', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= 12; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return lines.join('\n');
}

function measure(run: () => unknown): { ms: number; heapGrowthMb: number } {
  const before = process.memoryUsage().heapUsed;
  const start = performance.now();
  run();
  return { ms: performance.now() - start, heapGrowthMb: (process.memoryUsage().heapUsed - before) / 1e6 };
}

describe('resource-exhaustion inputs', () => {
  it('an XML billion-laughs document is refused with a positioned error, without expanding anything', () => {
    const text = billionLaughs('<Document><spdxVersion>SPDX-2.3</spdxVersion><name>&lol9;</name></Document>');
    let result!: ReturnType<typeof parseSbom>;
    const cost = measure(() => (result = parseSbom(text)));
    expect(result.format).toBe('xml');
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'XML_DTD_ENTITIES', line: 3, column: 3 })]);
    expect(result.document.name).toBe('');
    // 10^9 "lol"s would be 3 GB; nothing near that may be allocated.
    expect(cost.heapGrowthMb).toBeLessThan(50);
  });

  it('the same bomb inside RDF/XML is refused the same way', () => {
    const text = billionLaughs(
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:spdx="http://spdx.org/rdf/terms#">' +
        '<spdx:SpdxDocument rdf:about="https://e/x#SPDXRef-DOCUMENT"><spdx:name>&lol9;</spdx:name></spdx:SpdxDocument></rdf:RDF>',
    );
    const result = parseSbom(text);
    expect(result.format).toBe('rdf-xml');
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'RDF_DTD_ENTITIES', line: 3 })]);
  });

  it('a YAML alias bomb stops at the alias limit with an error', () => {
    let result!: ReturnType<typeof parseSbom>;
    const cost = measure(() => (result = parseSbom(aliasBomb(), { format: 'yaml' })));
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'YAML_ALIAS_LIMIT' })]);
    expect(result.document.packages).toEqual([]);
    expect(cost.heapGrowthMb).toBeLessThan(100);
  });

  it('undeclared entity references are left as text, never looked up', () => {
    const result = parseSbom('<Document><spdxVersion>SPDX-2.3</spdxVersion><name>a &amp; &ext;</name></Document>', { format: 'xml' });
    expect(result.document.name).toBe('a & &ext;');
  });
});

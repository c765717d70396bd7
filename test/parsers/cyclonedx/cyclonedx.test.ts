// CycloneDX reading beyond the real documents: detection from the first bytes, XML safety (entity expansion and
// external entities), structural checks with line and column, and the mapping of each field onto the model.
import { describe, expect, it } from 'vitest';
import { detectFromContent, detectFromFileName } from '../../../parsers/detect.js';
import { parseSbom } from '../../../parsers/index.js';
import { validateDocument } from '../../../src/sbom/validate.js';

const NS = 'http://cyclonedx.org/schema/bom/1.5';

function billionLaughs(body: string): string {
  const lines = ['<?xml version="1.0"?>', '<!DOCTYPE bom [', '  <!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) lines.push(`  <!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  lines.push(']>', body);
  return lines.join('\n');
}

const bomJson = (extra: Record<string, unknown>) => JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, ...extra }, null, 2);

describe('detection from the first bytes', () => {
  it('tells CycloneDX JSON, CycloneDX XML and SPDX 3 JSON-LD from SPDX 2, whatever the file is called', () => {
    expect(detectFromContent('{\n  "$schema": "http://cyclonedx.org/schema/bom-1.6.schema.json",\n  "bomFormat": "CycloneDX"}')).toBe('cyclonedx-json');
    expect(detectFromContent(`<?xml version="1.0"?>\n<!-- made by x -->\n<bom xmlns="${NS}" version="1">`)).toBe('cyclonedx-xml');
    expect(detectFromContent(`<cdx:bom xmlns:cdx="${NS}">`)).toBe('cyclonedx-xml');
    expect(detectFromContent('{"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": []}')).toBe('spdx3-json');
    // An SPDX 2 document that quotes another spec's key in a value is still SPDX 2: the first key decides.
    expect(detectFromContent('{"spdxVersion": "SPDX-2.3", "comment": "\\"bomFormat\\": \\"CycloneDX\\""}')).toBe('json');
    expect(detectFromContent('<Document><comment>http://cyclonedx.org/schema/bom/1.5</comment></Document>')).toBe('xml');
    expect(parseSbom(bomJson({ components: [] }), { fileName: 'sbom.spdx.json' }).format).toBe('cyclonedx-json');
  });

  it('finds CycloneDX JSON whose bomFormat comes after the first 64 KiB, once parsed', () => {
    const text = JSON.stringify({ components: [{ type: 'library', name: 'x'.repeat(70_000) }], bomFormat: 'CycloneDX', specVersion: '1.5' });
    expect(detectFromContent(text)).toBe('json');
    const result = parseSbom(text);
    expect(result.format).toBe('cyclonedx-json');
    expect(result.document.packages).toHaveLength(1);
  });

  it('uses .cdx.json, .cdx.xml and .spdx3.json names only when the content says nothing', () => {
    expect(detectFromFileName('app.cdx.json')).toBe('cyclonedx-json');
    expect(detectFromFileName('app.bom.xml')).toBe('cyclonedx-xml');
    expect(detectFromFileName('app.spdx3.json')).toBe('spdx3-json');
  });
});

describe('CycloneDX XML safety', () => {
  it('refuses a billion-laughs BOM with a positioned error, without expanding anything', () => {
    const before = process.memoryUsage().heapUsed;
    const result = parseSbom(billionLaughs(`<bom xmlns="${NS}"><components><component type="library"><name>&lol9;</name></component></components></bom>`));
    expect(result.format).toBe('cyclonedx-xml');
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'XML_DTD_ENTITIES', line: 3, column: 3 })]);
    expect(result.document.packages).toEqual([]);
    expect((process.memoryUsage().heapUsed - before) / 1e6).toBeLessThan(50);
  });

  it('refuses an external entity (XXE) declaration, so no file is read into the model', () => {
    const text = `<?xml version="1.0"?>\n<!DOCTYPE bom [\n<!ENTITY xxe SYSTEM "file:///etc/hostname">\n]>\n<bom xmlns="${NS}"><components><component type="library"><name>&xxe;</name></component></components></bom>`;
    const result = parseSbom(text);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'XML_DTD_ENTITIES', line: 3, column: 1 })]);
    expect(result.document.packages).toEqual([]);
  });

  it('leaves an undeclared entity reference and an external DTD as text, never fetched or expanded', () => {
    const text = `<?xml version="1.0"?>\n<!DOCTYPE bom SYSTEM "file:///etc/hostname">\n<bom xmlns="${NS}"><components><component type="library"><name>a &amp; &ext;</name></component></components></bom>`;
    const result = parseSbom(text);
    expect(result.format).toBe('cyclonedx-xml');
    expect(result.document.packages.map((p) => p.name)).toEqual(['a & &ext;']);
  });

  it('reports malformed XML with line and column', () => {
    const result = parseSbom(`<bom xmlns="${NS}">\n<components>\n<component type="library"><name>x</nam></component></components></bom>`);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'XML_SYNTAX', line: 3 })]);
  });
});

describe('CycloneDX structure and mapping', () => {
  it('checks what the spec requires, with line and column from the JSON text; validation finds repeated and dangling bom-refs', () => {
    const text = bomJson({
      components: [
        { type: 'library', name: 'a', 'bom-ref': 'a', hashes: [{ alg: 'SHA-257', content: 'zz' }] },
        { name: 'no-type', 'bom-ref': 'a' },
      ],
      dependencies: [{ ref: 'a', dependsOn: ['missing'] }],
    });
    const result = parseSbom(text);
    const lines = text.split('\n');
    const found = (code: string) => result.diagnostics.filter((d) => d.code === code);
    expect(found('CYCLONEDX_HASH_ALGORITHM')).toHaveLength(1);
    expect(found('MISSING_REQUIRED_FIELD')[0]!.message).toBe('a component needs a type');
    // Both elements are kept, each with the bom-ref it was given as its id.
    expect(result.document.packages.map((p) => p.spdxId)).toEqual(['a', 'a']);
    const validated = validateDocument(result.document);
    const duplicate = validated.filter((d) => d.code === 'CYCLONEDX_DUPLICATE_BOM_REF');
    expect(duplicate).toEqual([expect.objectContaining({ message: 'bom-ref "a" is used by more than one element; it must be unique' })]);
    // The second element's own line.
    expect(lines.slice(duplicate[0]!.line! - 1, duplicate[0]!.line! + 1).map((l) => l.trim())).toEqual(['{', '"name": "no-type",']);
    const unknown = validated.filter((d) => d.code === 'CYCLONEDX_UNKNOWN_REF');
    expect(unknown).toEqual([
      expect.objectContaining({ message: 'the dependency "a" -> "missing" names "missing", which is no component or service bom-ref' }),
    ]);
    expect(lines[unknown[0]!.line! - 1]!.trim()).toBe('"missing"');
  });

  it('names the path of a problem inside a component, nested component, hash, licence, property or dependency, and points at it', () => {
    const text = bomJson({
      components: [
        { type: 'library', name: 'ok', 'bom-ref': 'ok' },
        {
          type: 'library',
          name: 'bad',
          'bom-ref': 'bad',
          hashes: [{ alg: 'SHA-257', content: 'ab' }, { alg: 'MD5' }],
          licenses: [{ license: {} }, { expression: 'MIT OR' }],
          properties: [{ value: 'no name' }, { name: 'n', value: 7 }],
          components: [{ type: 'library', name: 'inner', hashes: [{ alg: 'SHA-999', content: 'cd' }] }],
        },
      ],
      dependencies: [{ ref: 'ok', dependsOn: 'bad' }, { ref: 'nope' }, { dependsOn: [] }, { ref: 'bad', dependsOn: ['ok', 'gone'] }],
    });
    const result = parseSbom(text);
    const lines = text.split('\n');
    const where = result.diagnostics.map((d) => [d.code, d.path, lines[d.line! - 1]!.slice(d.column! - 1).trim()]);
    expect(where).toEqual(
      expect.arrayContaining([
        ['CYCLONEDX_HASH_ALGORITHM', 'components[1].hashes[0].alg', '"SHA-257",'],
        ['MISSING_REQUIRED_FIELD', 'components[1].hashes[1]', '{'],
        ['MISSING_REQUIRED_FIELD', 'components[1].licenses[0].license', '{}'],
        ['LICENSE_EXPRESSION_INVALID', 'components[1].licenses', '['],
        ['MISSING_REQUIRED_FIELD', 'components[1].properties[0]', '{'],
        ['JSON_WRONG_TYPE', 'components[1].properties[1].value', '7'],
        ['CYCLONEDX_HASH_ALGORITHM', 'components[1].components[0].hashes[0].alg', '"SHA-999",'],
        ['JSON_WRONG_TYPE', 'dependencies[0].dependsOn', '"bad"'],
        ['MISSING_REQUIRED_FIELD', 'dependencies[2]', '{'],
      ]),
    );
    // A ref that names no element is validation's to report, at the ref.
    const dangling = validateDocument(result.document).filter((d) => d.code === 'CYCLONEDX_UNKNOWN_REF');
    expect(dangling.map((d) => lines[d.line! - 1]!.slice(d.column! - 1).trim())).toEqual(['"gone"']);
  });

  it('gives an element without a bom-ref an id no bom-ref of the document has, even one written further down', () => {
    const doc = parseSbom(
      bomJson({
        components: [
          { type: 'library', name: 'anonymous' },
          { type: 'library', name: 'named like a made id', 'bom-ref': 'Component-1' },
          { type: 'library', name: 'also anonymous', components: [{ type: 'library', name: 'nested', 'bom-ref': 'Component-3' }] },
        ],
        dependencies: [{ ref: 'Component-1', dependsOn: ['Component-3'] }],
      }),
    ).document;
    expect(doc.packages.map((p) => [p.name, p.spdxId])).toEqual([
      ['anonymous', 'Component-2'],
      ['named like a made id', 'Component-1'],
      ['also anonymous', 'Component-4'],
      ['nested', 'Component-3'],
    ]);
    expect(validateDocument(doc).map((d) => d.code)).toEqual([]);
  });

  it('reads pedigree ancestors, descendants and variants as components with SPDX 2 lineage relationships', () => {
    const doc = parseSbom(
      bomJson({
        components: [
          {
            type: 'library',
            name: 'patched',
            'bom-ref': 'p',
            pedigree: {
              ancestors: [{ type: 'library', name: 'upstream', 'bom-ref': 'u' }],
              variants: [{ type: 'library', name: 'fork', 'bom-ref': 'f' }],
              commits: [{ uid: 'abc' }],
              notes: 'backported a fix',
            },
          },
        ],
      }),
    ).document;
    expect(doc.packages.map((p) => p.name)).toEqual(['patched', 'upstream', 'fork']);
    expect(doc.relationships).toEqual([
      { from: 'u', type: 'ANCESTOR_OF', to: 'p' },
      { from: 'f', type: 'VARIANT_OF', to: 'p' },
    ]);
    expect(doc.packages[0]!.properties).toEqual(
      expect.arrayContaining([
        { name: 'cyclonedx:pedigree-commits', value: '1' },
        { name: 'cyclonedx:pedigree-notes', value: 'backported a fix' },
      ]),
    );
  });

  it('refuses a BOM whose bomFormat is wrong when the format is forced', () => {
    const result = parseSbom('{"bomFormat": "SPDX", "specVersion": "1.6"}', { format: 'cyclonedx-json' });
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', code: 'CYCLONEDX_BOM_FORMAT', line: 1 }));
  });

  it('maps nesting, services, dependencies, provides, licences, hashes, files and metadata', () => {
    const doc = parseSbom(
      bomJson({
        serialNumber: 'urn:uuid:1',
        metadata: {
          timestamp: '2024-05-01T00:00:00Z',
          tools: { components: [{ type: 'application', group: 'acme', name: 'scanner', version: '2' }] },
          authors: [{ name: 'Ann', email: 'ann@example.com' }],
          lifecycles: [{ phase: 'build' }],
          component: { type: 'application', name: 'app', version: '1.0', 'bom-ref': 'app' },
        },
        components: [
          {
            type: 'library',
            'bom-ref': 'pkg:npm/@scope/lib@1.0.0',
            group: '@scope',
            name: 'lib',
            scope: 'optional',
            licenses: [{ license: { id: 'MIT' } }, { license: { id: 'Apache-2.0', acknowledgement: 'concluded' } }],
            hashes: [{ alg: 'SHA-256', content: 'AB'.repeat(32) }],
            components: [
              { type: 'file', name: 'lib/index.js', hashes: [{ alg: 'SHA-1', content: 'cd'.repeat(20) }], licenses: [{ expression: 'MIT OR ISC' }] },
            ],
          },
        ],
        services: [{ 'bom-ref': 'svc', name: 'api', endpoints: ['https://api.example.com'], authenticated: true, services: [{ name: 'inner' }] }],
        dependencies: [
          { ref: 'app', dependsOn: ['pkg:npm/@scope/lib@1.0.0', 'svc'] },
          { ref: 'svc', provides: ['app'] },
        ],
      }),
    ).document;
    expect(doc).toMatchObject({ spec: { name: 'CycloneDX', version: '1.6' }, spdxVersion: 'CycloneDX-1.6', name: 'app@1.0', documentNamespace: 'urn:uuid:1' });
    expect(doc.creationInfo).toEqual({
      created: '2024-05-01T00:00:00Z',
      creators: [
        { type: 'Tool', name: 'acme scanner-2' },
        { type: 'Person', name: 'Ann', email: 'ann@example.com' },
      ],
    });
    expect(doc.properties).toContainEqual({ name: 'cyclonedx:lifecycle', value: 'build' });
    const lib = doc.packages.find((p) => p.name === 'lib')!;
    expect(lib).toMatchObject({
      spdxId: 'pkg:npm/@scope/lib@1.0.0',
      primaryPackagePurpose: 'LIBRARY',
      licenseDeclared: { text: 'MIT' },
      licenseConcluded: { text: 'Apache-2.0' },
      checksums: [{ algorithm: 'SHA256', value: 'ab'.repeat(32) }],
    });
    expect(lib.properties).toEqual([
      { name: 'cyclonedx:type', value: 'library' },
      { name: 'cyclonedx:group', value: '@scope' },
      { name: 'cyclonedx:scope', value: 'optional' },
    ]);
    expect(doc.files).toEqual([expect.objectContaining({ name: 'lib/index.js', checksums: [{ algorithm: 'SHA1', value: 'cd'.repeat(20) }] })]);
    expect(doc.files[0]!.licenseInfoInFiles).toEqual([expect.objectContaining({ text: 'MIT OR ISC' })]);
    const api = doc.packages.find((p) => p.name === 'api')!;
    expect(api.properties).toEqual(
      expect.arrayContaining([
        { name: 'cyclonedx:element', value: 'service' },
        { name: 'cyclonedx:endpoint', value: 'https://api.example.com' },
        { name: 'cyclonedx:authenticated', value: 'true' },
      ]),
    );
    const inner = doc.packages.find((p) => p.name === 'inner')!;
    expect(doc.relationships).toEqual(
      expect.arrayContaining([
        { from: 'SPDXRef-DOCUMENT', type: 'DESCRIBES', to: 'app' },
        { from: lib.spdxId, type: 'CONTAINS', to: doc.files[0]!.spdxId },
        // Dependencies carry where they were written, for validation to point at.
        { from: 'app', type: 'DEPENDS_ON', to: lib.spdxId, position: expect.objectContaining({ line: expect.any(Number) }) },
        expect.objectContaining({ from: 'app', type: 'DEPENDS_ON', to: 'svc' }),
        { from: 'svc', type: 'CONTAINS', to: inner.spdxId },
        expect.objectContaining({ from: 'svc', type: 'OTHER', to: 'app', comment: 'cyclonedx:provides' }),
      ]),
    );
    expect(doc.relationships).toHaveLength(6);
    // Elements without a bom-ref get ids of their own.
    expect([doc.files[0]!.spdxId, inner.spdxId]).toEqual(['Component-1', 'Service-2']);
  });
});

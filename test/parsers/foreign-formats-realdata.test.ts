// Every real CycloneDX and SPDX 3 document under ../shared/realdata (the CycloneDX specification's own examples,
// protobom's conformance documents, tool output) is read in place, by content detection, with counts equal to an
// independent count of the raw text (test/parsers/helpers/independent-counts.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countElements, parseSbom } from '../../parsers/index.js';
import { validateDocument } from '../../src/sbom/validate.js';
import type { SpdxDocument } from '../../parsers/model.js';
import { strictParseDiagnostics } from '../../src/sbom/validate.js';
import { realdata, realdataDir, realdataMissing } from '../helpers/cli.js';
import { countCycloneDxJson, countCycloneDxXml, countSpdx3 } from './helpers/independent-counts.js';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const rel = (f: string) => relative(realdataDir, f);
const cyclonedx = realdataMissing
  ? []
  : walk(realdata('cyclonedx'))
      .filter((f) => /\.(json|xml)$/.test(f))
      .sort();
const spdx3 = realdataMissing ? [] : [...walk(realdata('spdx3')), ...walk(realdata('spdx', 'official', '3.0'))].filter((f) => f.endsWith('.json')).sort();

const checksumsOf = (doc: SpdxDocument) => [...doc.packages, ...doc.files].reduce((n, e) => n + e.checksums.length, 0);
const purlsOf = (doc: SpdxDocument) => doc.packages.filter((p) => p.externalRefs.some((r) => r.type === 'purl')).length;

describe.skipIf(realdataMissing)('real CycloneDX documents', () => {
  it('finds the specification examples, protobom conformance documents and tool output', () => {
    expect(cyclonedx.map(rel)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^cyclonedx\/cyclonedx-spec\//), expect.stringMatching(/^cyclonedx\/protobom\//)]),
    );
    expect(cyclonedx.length).toBeGreaterThanOrEqual(19);
  });

  it.each(cyclonedx.map(rel))('%s: counts equal an independent count of the raw text', (name) => {
    const text = readFileSync(realdata(name), 'utf8');
    const result = parseSbom(readFileSync(realdata(name)));
    const xml = name.endsWith('.xml');
    expect(result.format).toBe(xml ? 'cyclonedx-xml' : 'cyclonedx-json');
    expect(result.document.spec?.name).toBe('CycloneDX');
    expect(result.diagnostics.map((d) => d.code)).not.toContain('INTERNAL_PARSER_ERROR');
    const expected = xml ? countCycloneDxXml(text) : countCycloneDxJson(text);
    const counts = countElements(result.document);
    expect({
      packages: counts.packages,
      files: counts.files,
      relationships: counts.relationships,
      checksums: checksumsOf(result.document),
      purls: purlsOf(result.document),
    }).toEqual(expected);
    // Every diagnostic is one line and says where.
    for (const d of result.diagnostics) {
      expect(d.message).not.toMatch(/\n/);
      if (d.path) expect(d.line, `${d.code} at ${d.path}`).toBeGreaterThan(0);
    }
  });

  it('the XML and JSON forms of the same BOM give the same model (laravel 1.4, poetry 1.6, the 1.6 spec example)', () => {
    for (const stem of ['bom-examples/laravel-7.12.0.bom.1.4', 'cyclonedx-python/poetry_regression-issue702_lock21.cdx-1.6', 'cyclonedx-spec/valid-bom-1.6']) {
      const fromJson = parseSbom(readFileSync(realdata('cyclonedx', `${stem}.json`))).document;
      const fromXml = parseSbom(readFileSync(realdata('cyclonedx', `${stem}.xml`))).document;
      const view = (d: SpdxDocument) => ({
        packages: d.packages.map((p) => [p.spdxId, p.name, p.version, p.checksums, p.externalRefs, p.licenseDeclared, p.primaryPackagePurpose]),
        relationships: d.relationships.map((r) => [r.from, r.type, r.to]),
        created: d.creationInfo.created,
      });
      expect(view(fromXml), stem).toEqual(view(fromJson));
    }
  });

  it('keeps what SPDX 2 has no field for: type, scope, group and own properties on elements, metadata on the document; bom-refs are the ids', () => {
    const doc = parseSbom(readFileSync(realdata('cyclonedx', 'trivy', 'centos-7-image.cdx-1.5.json'))).document;
    const root = doc.packages.find((p) => p.spdxId === 'd0d41e30-9650-489d-948d-425ff2ed63d2');
    expect(root).toMatchObject({ primaryPackagePurpose: 'CONTAINER' });
    expect(root!.properties).toEqual(
      expect.arrayContaining([
        { name: 'cyclonedx:type', value: 'container' },
        { name: 'aquasecurity:trivy:RepoTag', value: 'ghcr.io/aquasecurity/trivy-test-images:centos-7' },
      ]),
    );
    expect(doc.relationships).toContainEqual({ from: 'SPDXRef-DOCUMENT', type: 'DESCRIBES', to: root!.spdxId });
    const bash = doc.packages.find((p) => p.name === 'bash')!;
    // A purl bom-ref is the id as written, the one the BOM's dependencies use; the purl itself is an external ref.
    expect(bash.spdxId).toBe('pkg:rpm/centos/bash@4.2.46-31.el7?arch=x86_64&distro=centos-7.6.1810');
    expect(doc.relationships.filter((r) => r.to === bash.spdxId).length).toBeGreaterThan(0);
    expect(bash.externalRefs[0]).toEqual({
      category: 'PACKAGE-MANAGER',
      type: 'purl',
      locator: 'pkg:rpm/centos/bash@4.2.46-31.el7?arch=x86_64&distro=centos-7.6.1810',
    });
    expect(bash.licenseDeclared).toEqual({ text: 'GPLv3+' });
    expect(doc.creationInfo).toMatchObject({ created: '2022-06-14T15:08:48+00:00', creators: [{ type: 'Tool', name: 'aquasecurity trivy-dev' }] });
    expect(doc.properties).toContainEqual({ name: 'cyclonedx:serialNumber', value: 'urn:uuid:1455c02d-64ca-453e-a5df-ddfb70a7c804' });
  });

  it('validation reports duplicate bom-refs at the element, with line and column, and dangling dependencies (Dependency-Track issue 2519 BOM)', () => {
    const path = realdata('cyclonedx', 'dependency-track', 'bom-issue2519.merged-npm-maven.cdx-1.5.xml');
    const result = parseSbom(readFileSync(path));
    const validated = validateDocument(result.document);
    const duplicate = validated.find((d) => d.code === 'CYCLONEDX_DUPLICATE_BOM_REF')!;
    expect(duplicate).toMatchObject({ severity: 'error', line: expect.any(Number), column: expect.any(Number) });
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines[duplicate.line! - 1]!.slice(duplicate.column! - 1)).toMatch(/^<component/);
    expect(validated.filter((d) => d.code === 'CYCLONEDX_UNKNOWN_REF').length).toBeGreaterThan(0);
  });
});

describe.skipIf(realdataMissing)('real SPDX 3 documents', () => {
  it('finds them', () => {
    expect(spdx3.length).toBeGreaterThanOrEqual(15);
  });

  it.each(spdx3.map(rel))('%s: counts equal an independent count of the @graph', (name) => {
    const text = readFileSync(realdata(name), 'utf8');
    const result = parseSbom(readFileSync(realdata(name)));
    expect(result.format).toBe('spdx3-json');
    expect(result.document.spec).toEqual({ name: 'SPDX-3', version: expect.stringMatching(/^3\.0/) });
    expect(result.diagnostics.map((d) => d.code)).not.toContain('INTERNAL_PARSER_ERROR');
    const expected = countSpdx3(text);
    const counts = countElements(result.document);
    expect({
      packages: counts.packages,
      files: counts.files,
      relationships: counts.relationships,
      checksums: checksumsOf(result.document),
      declaredLicences:
        result.document.packages.filter((p) => p.licenseDeclared).length + result.document.files.filter((f) => f.licenseInfoInFiles.length > 0).length,
    }).toEqual(expected);
  });

  it('reads packages, hashes, licences and creation info of sbom-tool output', () => {
    const doc = parseSbom(readFileSync(realdata('spdx3', 'microsoft-sbom-tool', 'sbom-tool-manifest.spdx3.json'))).document;
    const adapters = doc.packages.find((p) => p.name === 'Microsoft.Sbom.Adapters')!;
    expect(adapters).toMatchObject({ version: '4.0.3', supplier: { type: 'Organization', name: 'Organization: Microsoft' } });
    expect(adapters.externalRefs).toContainEqual({ category: 'PACKAGE-MANAGER', type: 'purl', locator: 'pkg:nuget/Microsoft.Sbom.Adapters@4.0.3' });
    const exe = doc.files[0]!;
    expect(exe.checksums).toContainEqual({ algorithm: 'SHA256', value: '2dba00b048555bd12d5527d4b16d2ca110a129f5c719d8505f23dc9d87ef7640' });
    expect(exe.licenseConcluded).toEqual({ kind: 'NOASSERTION' });
    expect(doc.creationInfo).toMatchObject({
      created: '2025-06-14T00:37:36Z',
      creators: expect.arrayContaining([{ type: 'Tool', name: 'Tool: Microsoft.SBOMTool-0.0.0-preview.0' }]),
    });
    expect(doc.dataLicense).toBe('CC0-1.0');
  });

  it('maps IRIs to SPDXIDs, keeps the IRI, and spells relationship types as SPDX 2 does', () => {
    const doc = parseSbom(readFileSync(realdata('spdx3', 'spdx-examples-via-carabiner', 'example6-lib.spdx3.json'))).document;
    const go = doc.packages.find((p) => p.name === 'go-1.15')!;
    expect(go.spdxId).toBe('SPDXRef-gnrtd2');
    expect(go.properties).toContainEqual({ name: 'spdx3:spdxId', value: 'https://swinslow.net/spdx-examples/example6/go-lib-v2-specv3/SPDXRef-gnrtd2' });
    expect(go).toMatchObject({ version: '1.15.4', homepage: 'https://golang.org/', originator: { type: 'Organization', name: 'Google LLC' } });
    expect(doc.relationships).toContainEqual({ from: 'SPDXRef-DOCUMENT', type: 'DESCRIBES', to: 'SPDXRef-gnrtd2', position: expect.anything() });
    expect(doc.relationships.some((r) => r.type === 'CONTAINS')).toBe(true);
  });

  it('reports an element without spdxId as an error at its node (NTIA conformance checker negative example), and no other', () => {
    const invalid = realdata('spdx3', 'ntia-conformance-checker', 'INVALID-missing_unique_identifiers.spdx3.json');
    const graph = (JSON.parse(readFileSync(invalid, 'utf8')) as { '@graph': Record<string, unknown>[] })['@graph'];
    const nameless = graph.map((n, i) => [n, i] as const).filter(([n]) => String(n.type).startsWith('software_') && n.spdxId === undefined);
    expect(nameless.map(([n]) => n.name)).toEqual(['data.csv']);
    const errors = parseSbom(readFileSync(invalid)).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.path])).toEqual([['MISSING_SPDXID', `@graph[${nameless[0]![1]}]`]]);
    for (const path of spdx3.filter((f) => f !== invalid))
      expect(
        parseSbom(readFileSync(path)).diagnostics.filter((d) => d.code === 'MISSING_SPDXID'),
        rel(path),
      ).toEqual([]);
  });

  it('says so when it reads SPDX 2 spellings of relationship types (sbom-tool writes DEPENDS_ON, HAS_DECLARED_LICENSE)', () => {
    const path = realdata('spdx3', 'microsoft-sbom-tool', 'sbom-tool-manifest.spdx3.json');
    const graph = (JSON.parse(readFileSync(path, 'utf8')) as { '@graph': Record<string, unknown>[] })['@graph'];
    const upper = graph.flatMap((n, i) => (typeof n.relationshipType === 'string' && /^[A-Z_]+$/.test(n.relationshipType) ? [i] : []));
    expect(upper.length).toBeGreaterThan(0);
    const spelling = parseSbom(readFileSync(path)).diagnostics.filter((d) => d.code === 'ENUM_SPELLING');
    expect(spelling.map((d) => [d.severity, d.path])).toEqual(upper.map((i) => ['warning', `@graph[${i}].relationshipType`]));
    // Strict validation (validate) makes these schema violations errors.
    expect(strictParseDiagnostics(spelling).every((d) => d.severity === 'error')).toBe(true);
    const camel = parseSbom(readFileSync(realdata('spdx3', 'syft', 'identify-3.0.spdx3.json'))).diagnostics;
    expect(camel.filter((d) => d.code === 'ENUM_SPELLING')).toEqual([]);
  });
});

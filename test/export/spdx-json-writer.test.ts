// SPDX 2.3 JSON writer: valid against the official 2.3 schema, and a re-parse gives back the same model.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countElements, parseSbom } from '../../parsers/index.js';
import { NOASSERTION, RELATIONSHIP_TYPES, type SpdxDocument } from '../../parsers/model.js';
import type { ErrorObject } from 'ajv';
import { documentToSpdxJson } from '../../src/export/spdx-json.js';
import { realdata, realdataMissing } from '../helpers/cli.js';
import { validateSpdx23 } from '../helpers/json-schemas.js';

const parse = (path: string) => parseSbom(readFileSync(path), { fileName: path }).document;

const KNOWN_TYPES = new Set<string>(RELATIONSHIP_TYPES);
const byText = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

/**
 * The model without what a change of format may change: source positions, the tag-value file lists, the version, the
 * order of the document-wide annotation list (JSON nests them), a snippet range's file when it is the snippet's own,
 * and relationships of types SPDX 2.3 does not have (the writer lists those as not written).
 */
function comparable(doc: SpdxDocument): unknown {
  const { packageFiles: _files, spdxVersion: _version, ...rest } = doc;
  const normal = {
    ...rest,
    annotations: [...rest.annotations].sort(byText),
    relationships: rest.relationships.filter((r) => KNOWN_TYPES.has(r.type)),
    // The schema requires a download location: an absent one is written as NOASSERTION, which says the same.
    packages: rest.packages.map((p) => ({ ...p, downloadLocation: p.downloadLocation ?? NOASSERTION })),
    snippets: rest.snippets.map((s) => ({ ...s, ranges: s.ranges.map((r) => ({ ...r, fileSpdxId: r.fileSpdxId ?? s.fromFile })) })),
  };
  return JSON.parse(JSON.stringify(normal, (key, value: unknown) => (key === 'position' ? undefined : value)));
}

/** Schema errors a written document may have only because the source lacked a required value (never invented). */
const missingInSource = (e: ErrorObject) => e.keyword === 'required' || e.keyword === 'minItems';

function spdxFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return spdxFilesUnder(path);
    return /\.(spdx|json|yaml|xml|rdf)$/.test(name) && !name.startsWith('spdx-schema') ? [path] : [];
  });
}

describe.skipIf(realdataMissing)('SPDX 2.3 JSON writer on real documents', () => {
  const official = spdxFilesUnder(realdata('spdx', 'official', '2.3'));
  const release = realdata('k8s', 'release-sbom', 'kubernetes-v1.25.4-release.spdx');

  function roundTrip(path: string) {
    const source = parseSbom(readFileSync(path), { fileName: path });
    const doc = source.document;
    const out = documentToSpdxJson(doc);
    const back = parseSbom(out.text, { fileName: 'written.spdx.json' });
    // Errors of the source (a package without SPDXID) come back; the writer adds none of its own.
    const sourceErrors = new Set(source.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code));
    expect(back.diagnostics.filter((d) => d.severity === 'error' && !sourceErrors.has(d.code))).toEqual([]);
    const unknownTypes = doc.relationships.filter((r) => !KNOWN_TYPES.has(r.type)).length;
    const listed = out.notExpressed.filter((e) => e.kind.startsWith('relationship of the unknown type')).reduce((n, e) => n + e.count, 0);
    expect(listed).toBe(unknownTypes);
    expect(countElements(back.document)).toEqual({ ...countElements(doc), relationships: doc.relationships.length - unknownTypes });
    expect(comparable(back.document)).toEqual(comparable(doc));
    return JSON.parse(out.text) as unknown;
  }

  it.each([release, ...official])('%s: valid against the SPDX 2.3 schema, re-parses to the same model', (path) => {
    expect(validateSpdx23(roundTrip(path))).toEqual([]);
  });

  // INVALID-* documents are broken on purpose (no creators, no SPDXID): no faithful writer makes them valid.
  const realWorld = spdxFilesUnder(realdata('spdx', 'real-world')).filter((p) => !p.includes('/INVALID-'));
  it.each(realWorld)('%s: re-parses to the same model; schema errors only where the source lacks a value', (path) => {
    expect(validateSpdx23(roundTrip(path)).filter((e) => !missingInSource(e))).toEqual([]);
  });

  it('keeps specific values of the 2.3 example: a checksum, a purl, a snippet range, an extracted licence', () => {
    const out = documentToSpdxJson(parse(realdata('spdx', 'official', '2.3', 'SPDXJSONExample-v2.3.spdx.json')));
    expect(out.text).toContain('"checksumValue": "d6a770ba38583ed4bb4525bd96e50461655d2758"');
    expect(out.text).toContain('"referenceLocator": "pkg:maven/org.apache.jena/apache-jena@3.12.0"');
    expect(out.text).toContain('"offset": 310');
    expect(out.text).toContain('"licenseId": "LicenseRef-Beerware-4.2"');
    expect(out.notExpressed).toEqual([]);
  });

  it('adds the annotations it is given (the verification of this run) to the document', () => {
    const doc = parse(release);
    const out = documentToSpdxJson(doc, {
      annotations: [{ annotator: 'Tool: kube-sbom-test', date: '2026-01-02T03:04:05Z', comment: 'kube-sbom:verification:status=verified' }],
    });
    const back = parseSbom(out.text).document;
    expect(back.annotations).toHaveLength(doc.annotations.length + 1);
    expect(back.annotations.at(-1)).toMatchObject({ spdxId: 'SPDXRef-DOCUMENT', comment: 'kube-sbom:verification:status=verified' });
  });
});

describe('SPDX 2.3 JSON writer: values outside the schema enums are listed, not written', () => {
  it('an unknown file type, purpose, relationship type and annotation type', () => {
    const text = [
      'SPDXVersion: SPDX-2.3',
      'DataLicense: CC0-1.0',
      'SPDXID: SPDXRef-DOCUMENT',
      'DocumentName: edge',
      'DocumentNamespace: https://example.test/edge',
      'Creator: Tool: t-1',
      'Created: 2024-01-01T00:00:00Z',
      '',
      'PackageName: p',
      'SPDXID: SPDXRef-p',
      'PackageDownloadLocation: NOASSERTION',
      'PrimaryPackagePurpose: GADGET',
      '',
      'FileName: f.c',
      'SPDXID: SPDXRef-f',
      `FileChecksum: SHA1: ${'c'.repeat(40)}`,
      'FileType: SOURCE',
      'FileType: HOLOGRAM',
      '',
      'Relationship: SPDXRef-p CONTAINS SPDXRef-f',
      'Relationship: SPDXRef-p ADMIRES SPDXRef-f',
      '',
      'Annotator: Person: A',
      'AnnotationDate: 2024-01-01T00:00:00Z',
      'AnnotationType: PRAISE',
      'SPDXREF: SPDXRef-p',
      'AnnotationComment: nice',
      '',
    ].join('\n');
    const source = parseSbom(text, { fileName: 'edge.spdx' }).document;
    const out = documentToSpdxJson(source);
    expect(validateSpdx23(JSON.parse(out.text))).toEqual([]);
    expect(Object.fromEntries(out.notExpressed.map((e) => [e.kind, e.count]))).toEqual({
      'primaryPackagePurpose GADGET': 1,
      'fileType HOLOGRAM': 1,
      'relationship of the unknown type ADMIRES': 1,
      'annotation of the unknown type PRAISE': 1,
    });
    const back = parseSbom(out.text).document;
    expect(back.files[0]?.fileTypes).toEqual(['SOURCE']);
    expect(back.relationships.map((r) => r.type)).toEqual(source.relationships.filter((r) => r.type !== 'ADMIRES').map((r) => r.type));
    expect(back.relationships.length).toBe(source.relationships.length - 1);
  });
});

describe.skipIf(realdataMissing)('SPDX 2.3 JSON of a CycloneDX BOM', () => {
  it('writes each bom-ref as a valid, unique SPDXID, the same in every relationship, and lists how many', () => {
    const source = parse(realdata('cyclonedx', 'trivy', 'centos-7-image.cdx-1.5.json'));
    const out = documentToSpdxJson(source);
    expect(validateSpdx23(JSON.parse(out.text))).toEqual([]);
    const written = out.json as { packages: { SPDXID: string; name: string }[]; relationships: { spdxElementId: string; relatedSpdxElement: string }[] };
    const ids = written.packages.map((p) => p.SPDXID);
    expect(ids.every((id) => /^SPDXRef-[A-Za-z0-9.-]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // The same edges, between the same elements, under their new ids.
    const nameOf = new Map([...written.packages.map((p) => [p.SPDXID, p.name] as const), ['SPDXRef-DOCUMENT', 'document'] as const]);
    const sourceName = new Map([...source.packages.map((p) => [p.spdxId, p.name] as const), [source.spdxId, 'document'] as const]);
    const edges = (list: [string, string][], names: Map<string, string>) => list.map(([a, b]) => `${names.get(a)} -> ${names.get(b)}`).sort();
    expect(
      edges(
        written.relationships.map((r) => [r.spdxElementId, r.relatedSpdxElement]),
        nameOf,
      ),
    ).toEqual(
      edges(
        source.relationships.map((r) => [r.from, r.to as string]),
        sourceName,
      ),
    );
    expect(out.notExpressed).toContainEqual(expect.objectContaining({ kind: 'id that is not an SPDXID', how: 'approximated', count: source.packages.length }));
    // The SPDX JSON reads back with no unknown relationship ends.
    const back = parseSbom(out.text).document;
    expect(countElements(back)).toEqual(countElements(source));
  });
});

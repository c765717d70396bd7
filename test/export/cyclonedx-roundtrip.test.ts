// SPDX -> CycloneDX 1.6: schema-valid, and every package, file, checksum and relationship CycloneDX can hold is
// there, counted from the source text itself (not from our parser's model); the rest is listed, never lost.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { documentToCycloneDx } from '../../src/export/cyclonedx-bom.js';
import type { NotExpressed } from '../../src/export/not-expressed.js';
import { realdata, realdataMissing } from '../helpers/cli.js';
import { validateCycloneDx } from '../helpers/json-schemas.js';

interface SourceFacts {
  packages: string[];
  files: string[];
  /** [SPDXID, algorithm, value] */
  checksums: [string, string, string][];
  /** [from, type, to] */
  relationships: [string, string, string][];
}

/** Tag-value, read line by line: each checksum belongs to the element named above it. */
function tagValueFacts(text: string): SourceFacts {
  const facts: SourceFacts = { packages: [], files: [], checksums: [], relationships: [] };
  let pending: 'packages' | 'files' | undefined;
  let current = '';
  for (const line of text.split('\n')) {
    const [tag, ...rest] = line.split(': ');
    const value = rest.join(': ').trim();
    if (tag === 'PackageName') pending = 'packages';
    else if (tag === 'FileName') pending = 'files';
    else if (tag === 'SPDXID' && pending) {
      facts[pending].push(value);
      current = value;
      pending = undefined;
    } else if (tag === 'PackageChecksum' || tag === 'FileChecksum') facts.checksums.push([current, rest[0]!, rest[1]!.trim()]);
    else if (tag === 'Relationship') facts.relationships.push(value.split(/\s+/) as [string, string, string]);
  }
  return facts;
}

/** SPDX JSON: listed relationships plus documentDescribes and hasFiles unless the same or inverse is listed. */
function jsonFacts(text: string): SourceFacts {
  type Obj = { SPDXID: string; checksums?: { algorithm: string; checksumValue: string }[]; hasFiles?: string[] };
  const doc = JSON.parse(text) as { SPDXID: string; packages: Obj[]; files: Obj[]; documentDescribes?: string[]; relationships: Record<string, string>[] };
  const relationships = doc.relationships.map((r) => [r.spdxElementId!, r.relationshipType!, r.relatedSpdxElement!] as [string, string, string]);
  const listed = new Set(relationships.map((r) => r.join(' ')));
  const imply = (from: string, type: string, to: string, inverse: string) => {
    if (listed.has(`${from} ${type} ${to}`) || listed.has(`${to} ${inverse} ${from}`)) return;
    listed.add(`${from} ${type} ${to}`);
    relationships.push([from, type, to]);
  };
  for (const id of doc.documentDescribes ?? []) imply(doc.SPDXID, 'DESCRIBES', id, 'DESCRIBED_BY');
  for (const p of doc.packages) for (const f of p.hasFiles ?? []) imply(p.SPDXID, 'CONTAINS', f, 'CONTAINED_BY');
  const checksums = [...doc.packages, ...doc.files].flatMap((e) =>
    (e.checksums ?? []).map((c) => [e.SPDXID, c.algorithm, c.checksumValue] as [string, string, string]),
  );
  return { packages: doc.packages.map((p) => p.SPDXID), files: doc.files.map((f) => f.SPDXID), checksums, relationships };
}

// The CycloneDX spelling of the SPDX algorithms it has (MD2, MD4, MD6, SHA224, ADLER32 it has not).
const CDX_ALG: Record<string, string> = { SHA1: 'SHA-1', SHA256: 'SHA-256', SHA384: 'SHA-384', SHA512: 'SHA-512', MD5: 'MD5', 'BLAKE2b-384': 'BLAKE2b-384' };
const FORWARD = ['DEPENDS_ON', 'CONTAINS', 'DESCRIBES', 'STATIC_LINK', 'DYNAMIC_LINK', 'HAS_PREREQUISITE'];
const INVERSE = [
  'DEPENDENCY_OF',
  'CONTAINED_BY',
  'DESCRIBED_BY',
  'RUNTIME_DEPENDENCY_OF',
  'BUILD_DEPENDENCY_OF',
  'DEV_DEPENDENCY_OF',
  'OPTIONAL_DEPENDENCY_OF',
  'PROVIDED_DEPENDENCY_OF',
  'TEST_DEPENDENCY_OF',
  'PREREQUISITE_FOR',
];

interface Component {
  'bom-ref': string;
  name: string;
  type: string;
  purl?: string;
  hashes?: { alg: string; content: string }[];
}
interface Bom {
  metadata: { component: { 'bom-ref': string } };
  components: Component[];
  dependencies?: { ref: string; dependsOn: string[] }[];
}

const dropped = (list: NotExpressed[], kind: (k: string) => boolean) =>
  list.filter((e) => e.how === 'dropped' && kind(e.kind)).reduce((n, e) => n + e.count, 0);

function checkRoundTrip(path: string, facts: SourceFacts) {
  const { document } = parseSbom(readFileSync(path), { fileName: path });
  const out = documentToCycloneDx(document);
  const bom = JSON.parse(out.text) as Bom;
  expect(validateCycloneDx(bom)).toEqual([]);
  const byRef = new Map(bom.components.map((c) => [c['bom-ref'], c]));
  for (const id of facts.packages) expect(byRef.get(id)?.type, id).not.toBe('file');
  for (const id of facts.files) expect(byRef.get(id)?.type, id).toBe('file');
  expect(bom.components).toHaveLength(facts.packages.length + facts.files.length);

  let unsupported = 0;
  for (const [id, alg, value] of facts.checksums) {
    if (!CDX_ALG[alg]) unsupported++;
    else expect(byRef.get(id)!.hashes, `${id} ${alg}`).toContainEqual({ alg: CDX_ALG[alg], content: value });
  }
  expect(dropped(out.notExpressed, (k) => k.startsWith('checksum'))).toBe(unsupported);

  const refs = new Set([bom.metadata.component['bom-ref'], ...byRef.keys()]);
  const expected = new Set<string>();
  let notExpressible = 0;
  for (const [from, type, to] of facts.relationships) {
    const edge = FORWARD.includes(type) ? [from, to] : INVERSE.includes(type) ? [to, from] : undefined;
    if (edge && refs.has(edge[0]!) && refs.has(edge[1]!)) expected.add(edge.join(' -> '));
    else notExpressible++;
  }
  const written = new Set((bom.dependencies ?? []).flatMap((d) => d.dependsOn.map((to) => `${d.ref} -> ${to}`)));
  expect(written).toEqual(expected);
  expect(dropped(out.notExpressed, (k) => k.startsWith('relationship'))).toBe(notExpressible);
  return { bom, byRef, out };
}

describe.skipIf(realdataMissing)('SPDX to CycloneDX round trip', () => {
  it('the v1.25.4 release SBOM: 130 packages, 113 files, every checksum, 243 of 268 relationships as edges', () => {
    const path = realdata('k8s', 'release-sbom', 'kubernetes-v1.25.4-release.spdx');
    const facts = tagValueFacts(readFileSync(path, 'utf8'));
    expect([facts.packages.length, facts.files.length, facts.relationships.length]).toEqual([130, 113, 268]);
    const { byRef, out } = checkRoundTrip(path, facts);
    const kubectl = byRef.get('SPDXRef-File-workspace-src-k8s.io-kubernetes-C95output-v1.25.4-release-stage-client-linux-386-kubernetes-client-bin-kubectl');
    expect(kubectl).toMatchObject({ type: 'file', name: 'bin/linux/386/kubectl' });
    expect(kubectl?.hashes?.map((h) => h.alg)).toEqual(['SHA-1', 'SHA-256', 'SHA-512']);
    expect(kubectl?.hashes?.[1]?.content).toBe('4165634a86076a413f96cd9da20530336999f71fddb6805fcd3c740587cf28d2');
    // GENERATED_FROM points into another document: listed, 25 of them.
    expect(out.notExpressed.find((e) => e.kind === 'relationship GENERATED_FROM')).toMatchObject({ how: 'dropped', count: 25 });
    expect(out.notExpressed.find((e) => e.kind === 'relationship CONTAINS')).toMatchObject({ how: 'approximated', count: 105 });
  });

  it('the SPDX 2.3 JSON example: purls, BLAKE2b-384, licences, snippet and other relationships listed', () => {
    const path = realdata('spdx', 'official', '2.3', 'SPDXJSONExample-v2.3.spdx.json');
    const { bom, byRef, out } = checkRoundTrip(path, jsonFacts(readFileSync(path, 'utf8')));
    expect(byRef.get('SPDXRef-fromDoap-0')?.purl).toBe('pkg:maven/org.apache.jena/apache-jena@3.12.0');
    expect(byRef.get('SPDXRef-Package')?.hashes).toContainEqual({ alg: 'SHA-1', content: '85ed0817af83a24ad8da68c2b5094de69833983c' });
    expect(JSON.stringify(byRef.get('SPDXRef-Saxon'))).toContain('"id":"MPL-1.0"');
    expect(out.notExpressed.find((e) => e.kind === 'snippet')).toMatchObject({ how: 'dropped', count: 1, examples: ['SPDXRef-Snippet'] });
    expect(out.notExpressed.find((e) => e.kind === 'relationship COPY_OF')).toMatchObject({ count: 1 });
    expect(bom.metadata.component['bom-ref']).toBe('SPDXRef-DOCUMENT');
    // Counted in the source JSON: 5 annotations (document, package, file), 3 creators, 1 external document.
    const source = JSON.parse(readFileSync(path, 'utf8')) as { annotations: { comment: string }[] };
    const written = out.bom as { annotations: { subjects: string[]; text: string }[]; metadata: Record<string, unknown>; externalReferences: unknown[] };
    expect(written.annotations).toHaveLength(5);
    expect(written.annotations.filter((a) => a.subjects[0] === 'SPDXRef-DOCUMENT').map((a) => a.text)).toEqual(source.annotations.map((a) => a.comment));
    expect(written.metadata).toMatchObject({
      timestamp: '2010-01-29T18:30:22Z',
      tools: { components: [{ type: 'application', name: 'LicenseFind-1.0' }] },
      authors: [{ name: 'ExampleCodeInspect' }, { name: 'Jane Doe' }],
    });
    expect(written.externalReferences).toEqual([
      {
        type: 'bom',
        url: 'http://spdx.org/spdxdocs/spdx-tools-v1.2-3F2504E0-4F89-41D3-9A0C-0305E82C3301',
        comment: 'SPDX DocumentRef-spdx-tool-1.2',
        hashes: [{ alg: 'SHA-1', content: 'd6a770ba38583ed4bb4525bd96e50461655d2759' }],
      },
    ]);
  });

  it('a written BOM has the same bytes on every run (serial number from the namespace, no clock)', () => {
    const { document } = parseSbom(readFileSync(realdata('spdx', 'official', '2.3', 'SPDXJSONExample-v2.3.spdx.json')));
    expect(documentToCycloneDx(document).text).toBe(documentToCycloneDx(document).text);
    expect(documentToCycloneDx(document).text).toMatch(/"serialNumber": "urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"/);
  });
});

describe('SPDX to CycloneDX: what the schema forbids is listed, not written', () => {
  it('repeated annotations and creators, an unknown checksum algorithm, a snippet', () => {
    const text = [
      'SPDXVersion: SPDX-2.3',
      'DataLicense: CC0-1.0',
      'SPDXID: SPDXRef-DOCUMENT',
      'DocumentName: edge',
      'DocumentNamespace: https://example.test/edge',
      'Creator: Tool: t-1',
      'Creator: Tool: t-1',
      'Created: 2024-01-01T00:00:00Z',
      '',
      'PackageName: p',
      'SPDXID: SPDXRef-p',
      'PackageDownloadLocation: NOASSERTION',
      `PackageChecksum: SHA224: ${'a'.repeat(56)}`,
      `PackageChecksum: SHA256: ${'b'.repeat(64)}`,
      '',
      'FileName: f.c',
      'SPDXID: SPDXRef-f',
      `FileChecksum: SHA1: ${'c'.repeat(40)}`,
      '',
      'SnippetSPDXID: SPDXRef-s',
      'SnippetFromFileSPDXID: SPDXRef-f',
      'SnippetByteRange: 1:2',
      '',
      'Annotator: Person: A',
      'AnnotationDate: 2024-01-01T00:00:00Z',
      'AnnotationType: OTHER',
      'SPDXREF: SPDXRef-p',
      'AnnotationComment: same',
      'Annotator: Person: A',
      'AnnotationDate: 2024-01-01T00:00:00Z',
      'AnnotationType: OTHER',
      'SPDXREF: SPDXRef-p',
      'AnnotationComment: same',
      '',
    ].join('\n');
    const { document } = parseSbom(text, { fileName: 'edge.spdx' });
    const out = documentToCycloneDx(document);
    expect(validateCycloneDx(out.bom)).toEqual([]);
    const bom = out.bom as { annotations: unknown[]; metadata: { tools: { components: unknown[] } }; components: Component[] };
    expect(bom.annotations).toHaveLength(1);
    expect(bom.metadata.tools.components).toEqual([{ type: 'application', name: 't-1' }]);
    expect(bom.components.find((c) => c['bom-ref'] === 'SPDXRef-p')?.hashes).toEqual([{ alg: 'SHA-256', content: 'b'.repeat(64) }]);
    const kinds = Object.fromEntries(out.notExpressed.map((e) => [e.kind, e.count]));
    expect(kinds).toMatchObject({ 'repeated identical annotation': 1, 'checksum SHA224': 1, snippet: 1 });
  });
});

// SPDX 2.3 -> CycloneDX JSON (our writer) -> our CycloneDX reader, compared as models: every package and file comes
// back under its SPDXID, with every checksum, purl, external reference and licence CycloneDX can hold, every
// relationship as the edge the writer documents (DESCRIBES again from the document); what is missing is exactly
// what the "not expressed" list counts. The same images are found before and after.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { licenseText } from '../../parsers/license-expression.js';
import { isNone, type Annotation, type Package, type SpdxDocument, type SpdxFile } from '../../parsers/model.js';

type Element = Package | SpdxFile;
import { documentToCycloneDx } from '../../src/export/cyclonedx-bom.js';
import { dependencyEdge } from '../../src/export/cyclonedx-dependencies.js';
import { cdxAlgorithm } from '../../src/export/cyclonedx-fields.js';
import type { NotExpressed } from '../../src/export/not-expressed.js';
import { buildImageInventory } from '../../src/k8s/image-inventory.js';
import { DocumentIndex } from '../../src/sbom/document-index.js';
import { realdata, realdataMissing } from '../helpers/cli.js';
import { validateCycloneDx } from '../helpers/json-schemas.js';

const counted = (list: NotExpressed[], how: NotExpressed['how'], kind: (k: string) => boolean) =>
  list.filter((e) => e.how === how && kind(e.kind)).reduce((n, e) => n + e.count, 0);

const HASH_LENGTHS = new Set([32, 40, 64, 96, 128]);
const expressible = (c: { algorithm: string; value: string }) => cdxAlgorithm(c.algorithm) !== undefined && HASH_LENGTHS.has(c.value.length);
const checksumKeys = (e: Element) => e.checksums.map((c) => `${c.algorithm}:${c.value}`).sort();

function roundTrip(path: string) {
  const source = parseSbom(readFileSync(path), { fileName: path }).document;
  const out = documentToCycloneDx(source);
  expect(validateCycloneDx(JSON.parse(out.text))).toEqual([]);
  const parsed = parseSbom(Buffer.from(out.text), { fileName: 'written.cdx.json' });
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { source, back: parsed.document, notExpressed: out.notExpressed };
}

function checkModel(source: SpdxDocument, back: SpdxDocument, notExpressed: NotExpressed[]) {
  // The document: its SPDXID, name and namespace (not the serial number's urn:uuid).
  const identity = (d: SpdxDocument) => [d.spdxId, d.name, d.documentNamespace, d.dataLicense];
  expect(identity(back)).toEqual(identity(source));
  // External documents: a checksum CycloneDX has no algorithm for is left out (and listed).
  const withoutChecksum = ({ id, documentNamespace }: { id: string; documentNamespace: string }) => ({ id, documentNamespace });
  expect(back.externalDocumentRefs).toEqual(source.externalDocumentRefs.map((r) => (r.checksum && !expressible(r.checksum) ? withoutChecksum(r) : r)));
  expect(source.externalDocumentRefs.length).toBeGreaterThan(0);

  // Elements: the same SPDXIDs, no extra package for the document root.
  expect(back.packages.map((p) => p.spdxId)).toEqual(source.packages.map((p) => p.spdxId));
  expect(back.files.map((f) => f.spdxId)).toEqual(source.files.map((f) => f.spdxId));
  expect(back.snippets).toHaveLength(0);
  expect(counted(notExpressed, 'dropped', (k) => k === 'snippet')).toBe(source.snippets.length);

  const backById = new Map<string, Element>([...back.packages, ...back.files].map((e) => [e.spdxId, e]));
  let lostChecksums = 0;
  for (const element of [...source.packages, ...source.files]) {
    const again = backById.get(element.spdxId)!;
    expect(again.name, element.spdxId).toBe(element.name);
    // Checksums: every one CycloneDX has an algorithm (and length) for, and only those.
    const kept = element.checksums.filter(expressible);
    lostChecksums += element.checksums.length - kept.length;
    expect(checksumKeys(again), element.spdxId).toEqual(kept.map((c) => `${c.algorithm}:${c.value}`).sort());
    // Licences: concluded always; declared unless listed as dropped beside a concluded expression.
    expect(licenseText(again.licenseConcluded), element.spdxId).toBe(
      element.licenseConcluded && 'text' in element.licenseConcluded ? licenseText(element.licenseConcluded) : undefined,
    );
  }
  expect(counted(notExpressed, 'dropped', (k) => k.startsWith('checksum'))).toBe(lostChecksums);

  let lostDeclared = 0;
  for (const pkg of source.packages) {
    const again = back.packages.find((p) => p.spdxId === pkg.spdxId)!;
    const declared = pkg.licenseDeclared && 'text' in pkg.licenseDeclared ? licenseText(pkg.licenseDeclared) : undefined;
    if (declared !== undefined && licenseText(again.licenseDeclared) === undefined) lostDeclared++;
    else expect(licenseText(again.licenseDeclared), pkg.spdxId).toBe(declared);
    // Every external reference (purls, cpes, the rest) comes back by its locator; the version and supplier too.
    const locators = new Set(again.externalRefs.map((r) => r.locator));
    for (const ref of pkg.externalRefs) expect(locators.has(ref.locator), `${pkg.spdxId} ${ref.locator}`).toBe(true);
    expect(again.version, pkg.spdxId).toBe(pkg.version);
    // Supplier with its type and email; originator by name and email (CycloneDX authors are people).
    const actor = (a: unknown) => (a && typeof a === 'object' && 'name' in a ? a : undefined);
    expect(actor(again.supplier), pkg.spdxId).toEqual(actor(pkg.supplier));
    const origin = actor(pkg.originator) as { name: string; email?: string } | undefined;
    expect(actor(again.originator), pkg.spdxId).toEqual(
      origin ? { type: 'Person', name: origin.name, ...(origin.email ? { email: origin.email } : {}) } : undefined,
    );
    for (const field of ['downloadLocation', 'homepage', 'copyrightText'] as const) {
      const value = pkg[field];
      if (typeof value === 'string') expect(again[field], `${pkg.spdxId} ${field}`).toBe(value);
      else expect(again[field], `${pkg.spdxId} ${field}`).toBeUndefined();
    }
  }
  expect(counted(notExpressed, 'dropped', (k) => k.startsWith('declared licence beside'))).toBe(lostDeclared);
  // NONE ("there is none") cannot be said in CycloneDX: each one is listed.
  const none = (v: unknown) => isNone(v);
  const nones =
    source.packages.flatMap((p) => [p.downloadLocation, p.homepage, p.licenseConcluded, p.licenseDeclared, p.copyrightText]).filter(none).length +
    source.files.flatMap((f) => [f.licenseConcluded, f.copyrightText]).filter(none).length;
  expect(counted(notExpressed, 'dropped', (k) => k.endsWith(' NONE'))).toBe(nones);

  // Annotations: each one written comes back (of type OTHER: CycloneDX has no types; listed), on its element too.
  const annotationKey = (a: Annotation) => `${a.spdxId} ${a.annotator.type}: ${a.annotator.name} ${a.date} ${a.comment}`;
  const lostAnnotations = counted(notExpressed, 'dropped', (k) => k.startsWith('annotation') && !k.startsWith('annotation type'));
  const backAnnotations = back.annotations.map(annotationKey).sort();
  const sourceAnnotations = new Set(source.annotations.map(annotationKey));
  for (const key of backAnnotations) expect(sourceAnnotations.has(key), key).toBe(true);
  expect(back.annotations.length).toBe(source.annotations.length - lostAnnotations);
  expect(back.annotations.every((a) => a.type === 'OTHER')).toBe(true);
  for (const e of [...back.packages, ...back.files])
    expect(e.annotations.map(annotationKey)).toEqual(back.annotations.filter((a) => a.spdxId === e.spdxId).map(annotationKey));

  // Relationships: exactly the writer's edges come back, from the document as DESCRIBES, the rest as DEPENDS_ON.
  const refs = new Set([source.spdxId, ...backById.keys()]);
  const expected = new Set<string>();
  let notEdges = 0;
  for (const r of source.relationships) {
    const edge = dependencyEdge(r, refs);
    if (edge) expected.add(`${edge[0]} ${edge[0] === source.spdxId ? 'DESCRIBES' : 'DEPENDS_ON'} ${edge[1]}`);
    else notEdges++;
  }
  expect(new Set(back.relationships.map((r) => `${r.from} ${r.type} ${String(r.to)}`))).toEqual(expected);
  expect(back.relationships).toHaveLength(expected.size);
  expect(counted(notExpressed, 'dropped', (k) => k.startsWith('relationship') && k !== 'relationship comment')).toBe(notEdges);
}

const images = (doc: SpdxDocument) =>
  buildImageInventory(new DocumentIndex(doc))
    .images.map((i) => `${i.reference} ${i.architecture ?? ''} ${i.spdxId}`)
    .sort();

describe.skipIf(realdataMissing)('SPDX 2.3 -> CycloneDX -> model', () => {
  it('the SPDX 2.3 JSON example: elements, checksums, licences, purls, relationships; the rest counted', () => {
    const { source, back, notExpressed } = roundTrip(realdata('spdx', 'official', '2.3', 'SPDXJSONExample-v2.3.spdx.json'));
    checkModel(source, back, notExpressed);
    // All 5 annotations (document, package, file), of type OTHER.
    expect([source.annotations.length, back.annotations.length]).toEqual([5, 5]);
    expect(back.packages.find((p) => p.spdxId === 'SPDXRef-fromDoap-0')?.externalRefs[0]?.locator).toBe('pkg:maven/org.apache.jena/apache-jena@3.12.0');
    expect(back.packages.find((p) => p.spdxId === 'SPDXRef-Package')?.checksums).toContainEqual({ algorithm: 'BLAKE2b-384', value: expect.any(String) });
  });

  it('the SPDX 2.3 tag-value example reads the same way', () => {
    const { source, back, notExpressed } = roundTrip(realdata('spdx', 'official', '2.3', 'SPDXTagExample-v2.3.spdx'));
    checkModel(source, back, notExpressed);
  });

  it.each([
    ['v1.25.4', 'registry.k8s.io'],
    ['v1.23.1', 'k8s.gcr.io'],
  ])('the %s release SBOM: same elements and edges, and `images` finds the same images', (version, registry) => {
    const { source, back, notExpressed } = roundTrip(realdata('k8s', 'release-sbom', `kubernetes-${version}-release.spdx`));
    checkModel(source, back, notExpressed);
    const before = images(source);
    expect(before.length).toBeGreaterThan(0);
    expect(images(back)).toEqual(before);
    // Each image is a `container` component with a pkg:oci purl naming its registry, repository, tag and arch.
    const apiserver = back.packages.find((p) => p.spdxId === `SPDXRef-Package-${registry}-kube-apiserver-amd64-${version}`);
    expect(apiserver?.primaryPackagePurpose).toBe('CONTAINER');
    expect(apiserver?.externalRefs[0]?.locator).toBe(
      `pkg:oci/kube-apiserver-amd64?arch=amd64&repository_url=${registry}%2Fkube-apiserver-amd64&tag=${version}`,
    );
    expect(notExpressed.find((e) => e.kind === 'package downloadLocation NONE')).toMatchObject({ how: 'dropped', count: source.packages.length });
    expect(notExpressed.find((e) => e.kind === 'image package')).toMatchObject({ how: 'approximated', count: before.length });
  });
});

// Every real JSON, YAML, XML and RDF/XML SPDX 2.x document under ../shared/realdata parses without an exception,
// non-SPDX JSON is named as such, and counts agree with spdx tools-python's rules (SPDX 3 documents: see
// foreign-formats-realdata.test.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countElements, parseSbom } from '../../parsers/index.js';
import { realdata, realdataDir, realdataMissing } from '../helpers/cli.js';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const STRUCTURED = /\.(json|jsonld|ya?ml|xml)$/;
/** JSON files that are not SPDX documents at all: JSON schemas, in-toto provenance, cosign signature parts. */
const NOT_SPDX = /(spdx-schema-2\.\d\.json|k8s\/provenance\/|k8s\/cosign-signature\/)/;
const SPDX3 = /official\/3\.0\//;

const all = realdataMissing ? [] : [...walk(realdata('spdx')), ...walk(realdata('k8s'))].filter((f) => STRUCTURED.test(f)).sort();
const rel = (f: string) => relative(realdataDir, f);
const spdx2 = all.filter((f) => !NOT_SPDX.test(rel(f)) && !SPDX3.test(rel(f)));

describe.skipIf(realdataMissing)('real JSON, YAML, XML and RDF/XML documents', () => {
  it('finds the documents', () => {
    expect(spdx2.length).toBeGreaterThan(50);
  });

  it.each(spdx2.map(rel))('%s parses as SPDX 2.x without an exception', (name) => {
    const result = parseSbom(readFileSync(realdata(name)), { fileName: name });
    expect(['json', 'yaml', 'xml', 'rdf-xml']).toContain(result.format);
    const codes = result.diagnostics.map((d) => d.code);
    expect(codes).not.toContain('INTERNAL_PARSER_ERROR');
    expect(codes).not.toContain('NOT_SPDX_DOCUMENT');
    expect(codes).not.toContain('SPDX3_UNSUPPORTED');
    // Every diagnostic is one line and says where: a line, or a field path.
    for (const d of result.diagnostics) {
      expect(d.message).not.toMatch(/\n/);
      if (d.code !== 'YAML_WARNING') expect(d.line !== undefined || d.path !== undefined || d.severity === 'error', `${d.code} ${d.message}`).toBe(true);
    }
  });

  it.each(all.filter((f) => NOT_SPDX.test(rel(f))).map(rel))('%s is named as not an SPDX document', (name) => {
    const result = parseSbom(readFileSync(realdata(name)), { fileName: name });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual([
      expect.stringMatching(/^(NOT_SPDX_DOCUMENT|JSON_NOT_AN_OBJECT)$/),
    ]);
  });

  // Expected counts (packages/files/snippets/relationships/annotations/extracted licenses) were computed apart from
  // this code base by a short Python script applying spdx tools-python's rules to the raw JSON (array lengths;
  // relationships = listed + documentDescribes as DESCRIBES + package hasFiles as CONTAINS, each unless the same
  // or the inverse relationship is already there); tools-python itself cannot be installed on this machine. The RDF
  // rows were counted by hand from the files' spdx:Package/File/Snippet/relationship/annotation/hasFile/
  // describesPackage/hasExtractedLicensingInfo elements.
  const EXPECTED: Record<string, string> = {
    'k8s/bom-image-sbom/nginx.bom-devel.spdx.json': '1185/0/0/1193/0/0',
    'k8s/bom-image-sbom/apko-images.spdx.json': '23/0/0/23/0/0',
    'spdx/edge-cases/ControlCharacters.spdx.json': '2/0/0/1/0/1',
    'spdx/edge-cases/SPDXJSONExample-v2.3-with-exception.spdx.json': '4/5/1/13/5/5',
    'spdx/edge-cases/circleConversionTestInitialDocument.spdx.json': '4/5/1/13/5/5',
    'spdx/edge-cases/tools-java-DifferentFileComment.spdx.yaml': '4/4/1/11/5/5',
    'spdx/edge-cases/tools-python-file_to_test_rdf_parser.rdf.xml': '2/1/1/4/1/1',
    'spdx/official/2.2/SPDXRdfExample-v2.2.spdx.rdf.xml': '4/4/1/11/5/5',
    'spdx/official/2.3/SPDXRdfExample-v2.3.spdx.rdf.xml': '4/5/1/13/5/5',
    'spdx/official/spdx-examples/example10/spdx2.3/hello-source.spdx.json': '1/5/0/6/0/0',
    'spdx/official/spdx-examples/example12/spdx2.2/hello-src.spdx.json': '1/12/0/14/0/0',
    'spdx/official/spdx-examples/example14/spdx2.3/examplemaven-0.0.1-enriched.spdx.json': '6/2/0/11/0/0',
    'spdx/official/spdx-examples/example9/spdx2.2/appbomination.spdx.json': '7/10/0/19/0/1',
    'spdx/real-world/in-the-wild/flux-0.26.3-syft.spdx.json': '244/491/0/0/0/0',
    'spdx/real-world/in-the-wild/microsoft-sbom-tool-1.1.1.spdx.json': '123/1/0/124/0/0',
    'spdx/real-world/in-the-wild/missionlz-mssbomtool.spdx.json': '2/153/0/155/0/0',
    'spdx/real-world/same-image-4-tools/atlassian_pipelines-kubernetes-namespace-expiry.syft.spdx.json': '250/2707/0/2708/0/0',
    'spdx/real-world/same-image-4-tools/atlassian_pipelines-kubernetes-namespace-expiry.tern.spdx.json': '161/0/0/198/0/24',
    'spdx/real-world/tools/apko-curl.spdx.json': '14/55/0/69/0/0',
    'spdx/real-world/tools/github-dependency-graph_kubernetes-kubernetes.spdx.json': '425/0/0/425/0/0',
    'spdx/real-world/tools/syft-alpine.spdx.json': '14/75/0/75/0/0',
  };
  it.each(Object.entries(EXPECTED))('%s has the counts tools-python gives (%s)', (name, expected) => {
    const c = countElements(parseSbom(readFileSync(realdata(name)), { fileName: name }).document);
    expect([c.packages, c.files, c.snippets, c.relationships, c.annotations, c.extractedLicenses].join('/')).toBe(expected);
  });
});

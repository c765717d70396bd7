// Every real tag-value document in ../shared/realdata: no exception, counts that agree with the text and with
// spdx tools-python, diagnostics with lines for the broken ones.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countElements } from '../../../parsers/counts.js';
import { decodeInput } from '../../../parsers/detect.js';
import { DiagnosticSink } from '../../../parsers/diagnostics.js';
import { parseTagValueDocument } from '../../../parsers/tag-value/index.js';
import { realdata, realdataDir, realdataMissing } from '../../helpers/cli.js';

function tagValueFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'utf16' ? [] : tagValueFiles(path);
    return name.endsWith('.spdx') ? [path] : [];
  });
}

function parseFile(path: string) {
  const decoded = decodeInput(readFileSync(path));
  const sink = new DiagnosticSink();
  const doc = parseTagValueDocument(decoded.text!, sink);
  return { doc, diagnostics: sink.items, text: decoded.text! };
}

const lineCount = (text: string, tag: string) => text.match(new RegExp(`^${tag}\\s*:`, 'gm'))?.length ?? 0;

describe.skipIf(realdataMissing)('real tag-value documents', () => {
  const files = realdataMissing ? [] : [...tagValueFiles(realdata('spdx')), ...tagValueFiles(realdata('k8s'))];

  it('finds the documents', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files.map((f) => [relative(realdataDir, f), f]))('%s parses, with element counts matching its lines', (_name, path) => {
    const { doc, diagnostics, text } = parseFile(path);
    const counts = countElements(doc);
    expect(counts.packages).toBe(lineCount(text, 'PackageName'));
    expect(counts.files).toBe(lineCount(text, 'FileName'));
    expect(counts.snippets).toBe(lineCount(text, 'SnippetSPDXID'));
    expect(counts.extractedLicenses).toBe(lineCount(text, 'LicenseID'));
    expect(counts.annotations).toBe(lineCount(text, 'Annotator'));
    expect(counts.relationships).toBeGreaterThanOrEqual(lineCount(text, 'Relationship'));
    for (const d of diagnostics) if (d.code !== 'TOO_MANY_DIAGNOSTICS') expect(d.line, d.message).toBeGreaterThan(0);
  });

  it('counts the Kubernetes v1.25.4 release SBOM as tools-python does', () => {
    const { doc, diagnostics } = parseFile(realdata('k8s/release-sbom/kubernetes-v1.25.4-release.spdx'));
    expect(diagnostics).toEqual([]);
    expect(countElements(doc)).toEqual({ packages: 130, files: 113, snippets: 0, relationships: 268, annotations: 0, extractedLicenses: 0 });
    expect(doc.externalDocumentRefs[0]).toMatchObject({ id: 'DocumentRef-kubernetes-v1.25.4', documentNamespace: 'https://sbom.k8s.io/v1.25.4/source' });
  });

  it('counts the official SPDX 2.3 example as tools-python does (3 CONTAINS implied by file order)', () => {
    const { doc } = parseFile(realdata('spdx/official/2.3/SPDXTagExample-v2.3.spdx'));
    expect(countElements(doc)).toEqual({ packages: 4, files: 5, snippets: 1, relationships: 13, annotations: 5, extractedLicenses: 5 });
    const implied = doc.relationships.filter((r) => r.from === 'SPDXRef-Package' && r.type === 'CONTAINS').map((r) => r.to);
    expect(implied.sort()).toEqual(['SPDXRef-CommonsLangSrc', 'SPDXRef-DoapSource', 'SPDXRef-JenaLib', 'SPDXRef-Specification']);
  });

  it('counts the official SPDX 2.2 example like its JSON form (9 listed + 2 from hasFiles)', () => {
    expect(countElements(parseFile(realdata('spdx/official/2.2/SPDXTagExample-v2.2.spdx')).doc).relationships).toBe(11);
  });

  it('reads the UTF-16 copy of the 2.2 example to the same model as the UTF-8 original', () => {
    const utf16 = parseFile(realdata('spdx/edge-cases/utf16/SPDXTagExample-UTF-16.spdx'));
    const utf8 = parseFile(realdata('spdx/official/2.2/SPDXTagExample-v2.2.spdx'));
    expect(decodeInput(readFileSync(realdata('spdx/edge-cases/utf16/SPDXTagExample-UTF-16.spdx'))).encoding).toMatch(/utf-16/);
    expect(countElements(utf16.doc)).toEqual(countElements(utf8.doc));
    expect(utf16.doc.relationships.map((r) => [r.from, r.type, r.to])).toEqual(utf8.doc.relationships.map((r) => [r.from, r.type, r.to]));
  });

  it('names the deprecated license and its line in the tools-java warning example', () => {
    const { diagnostics } = parseFile(realdata('spdx/invalid/tools-java-SPDXTagExample-v2.2-warning.spdx'));
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'LICENSE_DEPRECATED_ID', line: 49, message: expect.stringContaining('LGPL-2.0') })]);
  });

  it('says what is wrong with the malformed fatbom SBOM, and where', () => {
    const { diagnostics } = parseFile(realdata('spdx/real-world/in-the-wild/INVALID-fatbom-sbom.spdx'));
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'TAGVALUE_EMPTY_VALUE', line: 6, message: expect.stringContaining('DocumentNamespace') }),
    );
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'MISSING_REQUIRED_FIELD', message: expect.stringContaining('Created') }));
  });

  it('says what is wrong with the malformed vast SBOM, and where', () => {
    const { diagnostics } = parseFile(realdata('spdx/real-world/in-the-wild/INVALID-vast-sbom.spdx'));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'TAGVALUE_OUT_OF_SCOPE', line: 7 }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'LICENSE_ID_CASE', line: 10 }));
    expect(diagnostics.some((d) => d.code === 'MISSING_REQUIRED_FIELD' && d.message.includes('Creator'))).toBe(true);
  });
});

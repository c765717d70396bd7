// Cross-format equivalence: each official SPDX example parses to the same model in JSON, YAML, XML, RDF/XML and
// tag-value, and the UTF-16 copies to the same model as their UTF-8 originals. Compared through a projection
// (test/parsers/helpers/model-projection.ts): SPDXIDs, every element field the formats share, checksums,
// relationships and annotations as sets, license expressions in a normalised form (RDF license sets are unordered).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import type { Spdx2Format as SbomFormat } from '../../parsers/model.js';
import { realdata, realdataMissing } from '../helpers/cli.js';
import { project } from './helpers/model-projection.js';

type View = ReturnType<typeof project>;

const EXAMPLES: Record<Exclude<SbomFormat, 'json'>, (v: string) => string> = {
  yaml: (v) => `SPDXYAMLExample-${v}.spdx.yaml`,
  xml: (v) => `SPDXXMLExample-v${v}.spdx.xml`,
  'rdf-xml': (v) => `SPDXRdfExample-v${v}.spdx.rdf.xml`,
  'tag-value': (v) => `SPDXTagExample-v${v}.spdx`,
};

function parseFile(path: string) {
  return parseSbom(readFileSync(path), { fileName: path });
}

/**
 * Genuine difference: the JSON, YAML, XML and RDF examples write the acmeforge external reference type as a full
 * URI (`<namespace>#LocationRef-acmeforge`); the tag-value example writes `LocationRef-acmeforge`. Only that
 * namespace prefix is removed, and only when comparing with tag-value.
 */
function withoutOwnNamespaceInRefTypes(view: View): View {
  const prefix = `${view.documentNamespace}#`;
  return { ...view, packages: view.packages.map((p) => ({ ...p, externalRefs: p.externalRefs.map((r) => r.replace(` ${prefix}`, ' ')).sort() })) };
}

/** The file whose noticeText the malformed 2.2 YAML example breaks (see below). */
const BROKEN_YAML_NOTICE_FILE = 'SPDXRef-File';

function withoutNoticeOf(view: View, spdxId: string): View {
  return { ...view, files: view.files.map((f) => (f.spdxId === spdxId ? { ...f, notice: undefined } : f)) };
}

function mapNotices(view: View, fn: (notice: string) => string): View {
  return { ...view, files: view.files.map((f) => ({ ...f, notice: f.notice === undefined ? undefined : fn(f.notice) })) };
}
const noTrailingBlanks = (notice: string) => notice.replace(/[ \t]+\n/g, '\n');

describe.skipIf(realdataMissing)('official SPDX examples: the same model in all five formats', () => {
  describe.each(['2.2', '2.3'])('SPDX %s', (version) => {
    const dir = (name: string) => realdata('spdx/official', version, name);
    const json = realdataMissing ? undefined! : parseFile(dir(`SPDXJSONExample-v${version}.spdx.json`));
    const base = realdataMissing ? undefined! : project(json.document);

    it('reads the JSON example without errors', () => {
      expect(json.format).toBe('json');
      expect(json.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(base.packages.length).toBe(4);
    });

    it.each(Object.keys(EXAMPLES) as (keyof typeof EXAMPLES)[])('%s parses to the same model as JSON', (format) => {
      const result = parseFile(dir(EXAMPLES[format](version)));
      expect(result.format).toBe(format);
      let view = project(result.document);
      let expected = base;
      if (format === 'yaml' && version === '2.2') {
        // Genuine difference: the official 2.2 YAML example is malformed: line 322's double-quoted noticeText
        // contains unescaped quotes (`(the "Software")`, line 324). The YAML errors name those lines; everything
        // else is recovered, and only that one noticeText is lost.
        expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.line])).toEqual([
          ['YAML_SYNTAX', 322],
          ['YAML_SYNTAX', 322],
          ['YAML_SYNTAX', 324],
        ]);
        expect(view.files.find((f) => f.spdxId === BROKEN_YAML_NOTICE_FILE)?.notice).toBeUndefined();
        expected = withoutNoticeOf(base, BROKEN_YAML_NOTICE_FILE);
      } else {
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      }
      if ((format === 'xml' || format === 'rdf-xml') && version === '2.2') {
        // Genuine difference: in the 2.2 XML and RDF examples the line "...subject to the following conditions: "
        // of SPDXRef-File's noticeText lost its trailing blank; line-end blanks are ignored in notices, nothing else.
        expected = mapNotices(expected, noTrailingBlanks);
        view = mapNotices(view, noTrailingBlanks);
      }
      if (format === 'tag-value') expected = withoutOwnNamespaceInRefTypes(expected);
      if (format === 'tag-value') view = withoutOwnNamespaceInRefTypes(view);
      expect(view).toEqual(expected);
    });
  });

  it('counts the official 2.3 example as tools-python does, in every format', () => {
    const names = ['SPDXJSONExample-v2.3.spdx.json', ...Object.values(EXAMPLES).map((f) => f('2.3'))];
    for (const name of names) {
      const { document: d } = parseFile(realdata('spdx/official/2.3', name));
      expect(
        [d.packages.length, d.files.length, d.snippets.length, d.relationships.length, d.annotations.length, d.extractedLicensingInfos.length],
        name,
      ).toEqual([4, 5, 1, 13, 5, 5]);
    }
  });

  describe('UTF-16 copies (tools-python) read like their UTF-8 originals (the 2.2 examples)', () => {
    const copies: [string, string, SbomFormat][] = [
      ['SPDXJSONExample-UTF-16.spdx.json', 'SPDXJSONExample-v2.2.spdx.json', 'json'],
      ['SPDXYAMLExample-UTF-16.spdx.yaml', 'SPDXYAMLExample-2.2.spdx.yaml', 'yaml'],
      ['SPDXXMLExample-UTF-16.spdx.xml', 'SPDXXMLExample-v2.2.spdx.xml', 'xml'],
      ['SPDXRdfExample-UTF-16.spdx.rdf.xml', 'SPDXRdfExample-v2.2.spdx.rdf.xml', 'rdf-xml'],
      ['SPDXTagExample-UTF-16.spdx', 'SPDXTagExample-v2.2.spdx', 'tag-value'],
    ];
    // Genuine difference: tools-python's UTF-16 copies come from its own copies of the examples, in which the
    // quotes of SPDXRef-File's noticeText (`"Software"`, `"AS IS"`) became U+FFFD and `'`, and which keep the
    // line-end blank the XML/RDF originals lost. Quote characters and line-end blanks are dropped from notices
    // on both sides; every other field must be equal.
    const quotesAndBlanks = (notice: string) => noTrailingBlanks(notice).replace(/["'\uFFFD]/g, '');

    it.each(copies)('%s', (copy, original, format) => {
      const bytes = readFileSync(realdata('spdx/edge-cases/utf16', copy));
      expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
      const utf16 = parseFile(realdata('spdx/edge-cases/utf16', copy));
      const utf8 = parseFile(realdata('spdx/official/2.2', original));
      expect([utf16.format, utf8.format]).toEqual([format, format]);
      expect(utf16.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(project(utf16.document).files.some((f) => f.notice?.includes('\uFFFD'))).toBe(true);
      let got = mapNotices(project(utf16.document), quotesAndBlanks);
      let expected = mapNotices(project(utf8.document), quotesAndBlanks);
      if (format === 'yaml') {
        // The UTF-8 2.2 YAML original is malformed around that same noticeText (see above) and loses it; the
        // UTF-16 copy is well-formed, so its notice is checked against the JSON original instead.
        const jsonNotice = mapNotices(project(parseFile(realdata('spdx/official/2.2/SPDXJSONExample-v2.2.spdx.json')).document), quotesAndBlanks).files.find(
          (f) => f.spdxId === BROKEN_YAML_NOTICE_FILE,
        )?.notice;
        expect(got.files.find((f) => f.spdxId === BROKEN_YAML_NOTICE_FILE)?.notice).toBe(jsonNotice);
        got = withoutNoticeOf(got, BROKEN_YAML_NOTICE_FILE);
        expected = withoutNoticeOf(expected, BROKEN_YAML_NOTICE_FILE);
      }
      expect(got).toEqual(expected);
    });
  });
});

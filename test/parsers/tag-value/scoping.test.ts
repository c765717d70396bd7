// Tag-value position rules: which element a line belongs to depends on what came before it.
import { describe, expect, it } from 'vitest';
import { NONE, NOASSERTION } from '../../../parsers/model.js';
import { bodyLine, only, parse } from './helpers.js';

const pkg = (id: string) => [`PackageName: ${id}`, `SPDXID: SPDXRef-${id}`, 'PackageDownloadLocation: NONE'];
const file = (id: string) => [`FileName: ./${id}`, `SPDXID: SPDXRef-${id}`, 'FileChecksum: SHA1: 85ed0817af83a24ad8da68c2b5094de69833983c'];

describe('tag-value element scoping', () => {
  it('gives files after a package to that package with an implied CONTAINS, and leaves earlier files alone', () => {
    const { doc, diagnostics } = parse([...file('loose'), ...pkg('p1'), ...file('a'), ...file('b'), ...pkg('p2'), ...file('c')]);
    expect(diagnostics).toEqual([]);
    expect(doc.packageFiles).toEqual(
      new Map([
        ['SPDXRef-p1', ['SPDXRef-a', 'SPDXRef-b']],
        ['SPDXRef-p2', ['SPDXRef-c']],
      ]),
    );
    expect(doc.relationships.map((r) => `${r.from} ${r.type} ${String(r.to)}`)).toEqual([
      'SPDXRef-p1 CONTAINS SPDXRef-a',
      'SPDXRef-p1 CONTAINS SPDXRef-b',
      'SPDXRef-p2 CONTAINS SPDXRef-c',
    ]);
  });

  it('does not add the implied CONTAINS when the same relationship was written before the file (as tools-python)', () => {
    const { doc } = parse([...pkg('p1'), 'Relationship: SPDXRef-p1 CONTAINS SPDXRef-a', ...file('a')]);
    expect(doc.relationships).toHaveLength(1);
    expect(doc.relationships[0]!.position).toEqual({ line: bodyLine(4), column: 1 });
  });

  it('implies CONTAINS once per file id under a package of many files, and not at all when it was written before', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `f${i}`);
    const { doc } = parse([...pkg('p'), 'Relationship: SPDXRef-p CONTAINS SPDXRef-f18', ...ids.flatMap(file), ...file('f3'), ...file('f17')]);
    const contains = doc.relationships.filter((r) => r.type === 'CONTAINS').map((r) => String(r.to));
    expect(contains).toEqual(['SPDXRef-f18', ...ids.filter((id) => id !== 'f18').map((id) => `SPDXRef-${id}`)]);
    // Every FileName line is listed under the package, repeats included.
    expect(doc.packageFiles?.get('SPDXRef-p')).toEqual([...ids, 'f3', 'f17'].map((id) => `SPDXRef-${id}`));
  });

  it('keeps parsed lists independent: an element without items has a frozen empty list, and one with items its own', () => {
    const { doc } = parse([...pkg('p1'), ...pkg('p2'), 'PackageChecksum: SHA1: 85ed0817af83a24ad8da68c2b5094de69833983c']);
    const [p1, p2] = doc.packages;
    expect(p1!.checksums).toEqual([]);
    expect(Object.isFrozen(p1!.checksums)).toBe(true);
    expect(() => (p1!.checksums as unknown[]).push({})).toThrow(TypeError);
    expect(p2!.checksums).toEqual([{ algorithm: 'SHA1', value: '85ed0817af83a24ad8da68c2b5094de69833983c' }]);
    expect(Object.isFrozen(p2!.checksums)).toBe(false);
  });

  it('attaches a snippet to the file before it when SnippetFromFileSPDXID is missing, and says so at the snippet', () => {
    const { doc, diagnostics } = parse([...file('src'), 'SnippetSPDXID: SPDXRef-snip', 'SnippetByteRange: 10:20']);
    expect(doc.snippets[0]!.fromFile).toBe('SPDXRef-src');
    expect(doc.snippets[0]!.ranges).toEqual([{ kind: 'byte', start: 10, end: 20, fileSpdxId: 'SPDXRef-src' }]);
    const [missing] = only(diagnostics, 'MISSING_REQUIRED_FIELD');
    expect(missing).toMatchObject({ line: bodyLine(4), column: 1 });
    expect(missing!.message).toContain('SnippetFromFileSPDXID');
  });

  it('keeps an explicit SnippetFromFileSPDXID over the file before it', () => {
    const { doc, diagnostics } = parse([
      ...file('src'),
      'SnippetSPDXID: SPDXRef-snip',
      'SnippetFromFileSPDXID: SPDXRef-other',
      'SnippetByteRange: 1:2',
      'SnippetLineRange: 5:23',
    ]);
    expect(diagnostics).toEqual([]);
    expect(doc.snippets[0]!.fromFile).toBe('SPDXRef-other');
    expect(doc.snippets[0]!.ranges.map((r) => r.kind)).toEqual(['byte', 'line']);
  });

  it('gives RelationshipComment to the relationship just before it', () => {
    const { doc, diagnostics } = parse([
      'Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-a',
      'Relationship: SPDXRef-a DEPENDS_ON SPDXRef-b',
      'RelationshipComment: <text>second one</text>',
    ]);
    expect(diagnostics).toEqual([]);
    expect(doc.relationships[0]!.comment).toBeUndefined();
    expect(doc.relationships[1]!.comment).toBe('second one');
  });

  it('warns about a RelationshipComment with no relationship before it, at its line', () => {
    const { diagnostics } = parse([...pkg('p'), 'RelationshipComment: orphan']);
    expect(only(diagnostics, 'TAGVALUE_OUT_OF_SCOPE')).toMatchObject([{ line: bodyLine(4), column: 1 }]);
  });

  it('attaches annotations to the element their SPDXREF names, wherever they are written', () => {
    const { doc, diagnostics } = parse([
      'Annotator: Person: Jane Doe (jane@example.com)',
      'AnnotationDate: 2010-01-29T18:30:22Z',
      'AnnotationComment: <text>on the package, written before it</text>',
      'AnnotationType: REVIEW',
      'SPDXREF: SPDXRef-p',
      ...pkg('p'),
      'Annotator: Tool: scanner',
      'AnnotationDate: 2010-01-29T18:30:22Z',
      'AnnotationComment: document level',
      'AnnotationType: OTHER',
      'SPDXREF: SPDXRef-DOCUMENT',
    ]);
    expect(diagnostics).toEqual([]);
    expect(doc.annotations).toHaveLength(2);
    expect(doc.packages[0]!.annotations).toEqual([doc.annotations[0]]);
    expect(doc.annotations[0]).toMatchObject({ annotator: { type: 'Person', name: 'Jane Doe', email: 'jane@example.com' }, type: 'REVIEW' });
  });

  it('keeps package fields in the package while relationships and annotations are interleaved', () => {
    const { doc, diagnostics } = parse([...pkg('p'), 'Relationship: SPDXRef-p DEPENDS_ON NONE', 'PackageVersion: 1.2.3']);
    expect(diagnostics).toEqual([]);
    expect(doc.packages[0]!.version).toBe('1.2.3');
    expect(doc.relationships[0]!.to).toBe(NONE);
  });

  it('ignores a package field inside a file, with a warning naming the file line', () => {
    const { doc, diagnostics } = parse([...pkg('p'), ...file('f'), 'PackageVersion: 9']);
    expect(doc.packages[0]!.version).toBeUndefined();
    const [d] = only(diagnostics, 'TAGVALUE_OUT_OF_SCOPE');
    expect(d).toMatchObject({ line: bodyLine(7), column: 1 });
    expect(d!.message).toContain(`line ${bodyLine(4)}`);
  });

  it("reads relationship ends that only begin with the current element's id as the longer ids they are", () => {
    const { doc } = parse([
      ...pkg('p'),
      ...file('f'),
      'Relationship: SPDXRef-fx CONTAINS SPDXRef-f',
      'Relationship: SPDXRef-p DEPENDS_ON SPDXRef-pp',
      'Relationship: SPDXRef-f\tGENERATED_FROM  SPDXRef-p',
      'Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-DOCUMENTS',
    ]);
    expect(doc.relationships.filter((r) => r.type !== 'CONTAINS' || r.from !== 'SPDXRef-p').map((r) => [r.from, r.type, r.to])).toEqual([
      ['SPDXRef-fx', 'CONTAINS', 'SPDXRef-f'],
      ['SPDXRef-p', 'DEPENDS_ON', 'SPDXRef-pp'],
      ['SPDXRef-f', 'GENERATED_FROM', 'SPDXRef-p'],
      ['SPDXRef-DOCUMENT', 'DESCRIBES', 'SPDXRef-DOCUMENTS'],
    ]);
  });

  it('reads a relationship, a checksum and an external reference written in <text> blocks as if written plainly', () => {
    const { doc, diagnostics } = parse([
      'PackageName: p',
      'SPDXID: SPDXRef-p',
      'PackageDownloadLocation: NONE',
      'PackageChecksum: <text>SHA1: 85ED0817AF83A24AD8DA68C2B5094DE69833983C</text>',
      'ExternalRef: <text>PACKAGE-MANAGER purl pkg:oci/x@sha256:abc</text>',
      'Relationship: <text>SPDXRef-DOCUMENT DESCRIBES SPDXRef-p</text>',
    ]);
    expect(doc.packages[0]!.checksums).toEqual([{ algorithm: 'SHA1', value: '85ed0817af83a24ad8da68c2b5094de69833983c' }]);
    expect(doc.packages[0]!.externalRefs).toMatchObject([{ category: 'PACKAGE-MANAGER', type: 'purl', locator: 'pkg:oci/x@sha256:abc' }]);
    expect(doc.relationships.map((r) => [r.from, r.type, r.to])).toEqual([['SPDXRef-DOCUMENT', 'DESCRIBES', 'SPDXRef-p']]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reads relationships to NONE, NOASSERTION and DocumentRef-x:SPDXRef-y', () => {
    const { doc } = parse([
      'Relationship: SPDXRef-a GENERATED_FROM NOASSERTION',
      'Relationship: SPDXRef-a DEPENDS_ON NONE',
      'Relationship: SPDXRef-DOCUMENT COPY_OF DocumentRef-spdx-tool-1.2:SPDXRef-ToolsElement',
    ]);
    expect(doc.relationships.map((r) => r.to)).toEqual([NOASSERTION, NONE, 'DocumentRef-spdx-tool-1.2:SPDXRef-ToolsElement']);
  });

  it('gives the first SPDXID outside any element to the document, then each SPDXID to its element', () => {
    const { doc } = parse(['SPDXID: SPDXRef-DOCUMENT', 'DocumentName: n', ...pkg('p'), ...file('f')], false);
    expect(doc.spdxId).toBe('SPDXRef-DOCUMENT');
    expect(doc.packages[0]!.spdxId).toBe('SPDXRef-p');
    expect(doc.files[0]!.spdxId).toBe('SPDXRef-f');
  });

  it("reports a duplicate SPDXID at the second element, naming the first one's line", () => {
    const { diagnostics } = parse([...file('same'), ...file('same')]);
    expect(only(diagnostics, 'TAGVALUE_DUPLICATE_SPDXID')).toMatchObject([
      { line: bodyLine(4), column: 1, message: expect.stringContaining(`line ${bodyLine(1)}`) },
    ]);
  });

  it('finds a repeated SPDXID among many distinct ones, across packages, files and snippets', () => {
    const many = Array.from({ length: 3000 }, (_, i) => (i % 2 ? file(`e${i}`) : pkg(`e${i}`))).flat();
    expect(only(parse(many).diagnostics, 'TAGVALUE_DUPLICATE_SPDXID')).toEqual([]);
    // A file early in the document and a package late: packages are registered first, so the file is the repeat.
    const { diagnostics } = parse([
      ...file('twice'),
      ...many,
      ...pkg('twice'),
      'SnippetSPDXID: SPDXRef-e7',
      'SnippetFromFileSPDXID: SPDXRef-twice',
      'SnippetByteRange: 1:2',
    ]);
    const repeats = only(diagnostics, 'TAGVALUE_DUPLICATE_SPDXID');
    expect(repeats.map((d) => d.message)).toEqual([
      'SPDXID "SPDXRef-twice" is already used by the package at line ' + bodyLine(3 + many.length + 1),
      'SPDXID "SPDXRef-e7" is already used by the file at line ' + bodyLine(3 + 7 * 3 + 1),
    ]);
    expect(repeats.map((d) => d.line)).toEqual([bodyLine(1), bodyLine(3 + many.length + 3 + 1)]);
  });

  it('finds a repeated SPDXID written once plainly and once in a <text> block', () => {
    const { diagnostics } = parse([
      ...file('t'),
      'FileName: ./u',
      'SPDXID: <text>SPDXRef-t</text>',
      'FileChecksum: SHA1: 85ed0817af83a24ad8da68c2b5094de69833983c',
    ]);
    expect(only(diagnostics, 'TAGVALUE_DUPLICATE_SPDXID').map((d) => d.line)).toEqual([bodyLine(4)]);
  });

  it("reports the missing required fields of every element, the last one included, at the element's line", () => {
    const { diagnostics } = parse(['PackageName: a', 'FileName: ./b', 'SPDXID: SPDXRef-b', 'PackageName: c', 'SPDXID: SPDXRef-c', 'FileName: ./d']);
    expect(only(diagnostics, 'MISSING_REQUIRED_FIELD').map((d) => [d.line, d.message])).toEqual([
      [bodyLine(1), 'this package has no SPDXID line'],
      [bodyLine(1), 'package "a" has no PackageDownloadLocation'],
      [bodyLine(2), 'file "SPDXRef-b" has no FileChecksum'],
      [bodyLine(4), 'package "SPDXRef-c" has no PackageDownloadLocation'],
      [bodyLine(6), 'this file has no SPDXID line'],
      [bodyLine(6), 'file "./d" has no FileChecksum'],
    ]);
  });
});

// Lexing: lines, comments, tabs, CRLF, <text> blocks over several lines, and positions of tags and values.
import { describe, expect, it } from 'vitest';
import { TagValueLexer, type LexReporter } from '../../../parsers/tag-value/lexer.js';
import { knownTags } from '../../../parsers/tag-value/index.js';
import { bodyLine, only, parse } from './helpers.js';

function lex(text: string) {
  const problems: string[] = [];
  const reporter: LexReporter = {
    malformedLine: (l, c) => problems.push(`malformed ${l}:${c}`),
    unterminatedText: (l, c, end) => problems.push(`unterminated ${l}:${c} until ${end}`),
    textTrailingContent: (l, c) => problems.push(`trailing ${l}:${c}`),
    missingColon: (l, c) => problems.push(`colon ${l}:${c}`),
  };
  const lx = new TagValueLexer(text, reporter, knownTags);
  const entries: string[] = [];
  while (lx.next()) entries.push(`${lx.line}:${lx.column} ${lx.tag} @${lx.valueLine}:${lx.valueColumn} ${JSON.stringify(lx.value)}${lx.isText ? ' text' : ''}`);
  return { entries, problems };
}

describe('tag-value lexer', () => {
  it('skips blank and # comment lines, accepts tabs after the colon and CRLF line ends', () => {
    const { entries, problems } = lex('# comment\r\n\r\n  ## section\r\nPackageVersion:\t1.0\t\r\nSPDXID:SPDXRef-x\r\n');
    expect(problems).toEqual([]);
    expect(entries).toEqual(['4:1 PackageVersion @4:17 "1.0"', '5:1 SPDXID @5:8 "SPDXRef-x"']);
  });

  it('reads a <text> block over several lines, keeps its content verbatim and counts its lines', () => {
    const { entries } = lex('FileNotice: <text>line one\nPackageName: not a tag here\n\nlast</text>\nFileName: next');
    expect(entries).toEqual([`1:1 FileNotice @1:19 ${JSON.stringify('line one\nPackageName: not a tag here\n\nlast')} text`, '5:1 FileName @5:11 "next"']);
  });

  it('reads ExternalDocumentRef with no blank after the colon', () => {
    const { entries } = lex('ExternalDocumentRef:DocumentRef-k8s https://sbom.k8s.io/v1.25.4/source SHA1: 51a5');
    expect(entries).toEqual(['1:1 ExternalDocumentRef @1:21 "DocumentRef-k8s https://sbom.k8s.io/v1.25.4/source SHA1: 51a5"']);
  });

  it('reports an unterminated <text> at its opening and resumes at the next known tag', () => {
    const { entries, problems } = lex('PackageComment: <text>never closed\nmore words\nPackageVersion: 2\n');
    expect(problems).toEqual(['unterminated 1:17 until 2']);
    expect(entries).toEqual([`1:1 PackageComment @1:23 ${JSON.stringify('never closed\nmore words')} text`, '3:1 PackageVersion @3:17 "2"']);
  });

  it('does not let an unclosed block swallow the next block (its </text> belongs to the later one)', () => {
    const { entries, problems } = lex('PackageComment: <text>open\nPackageVersion: 2\nFileNotice: <text>x</text>\n');
    expect(problems).toEqual(['unterminated 1:17 until 1']);
    expect(entries).toEqual(['1:1 PackageComment @1:23 "open" text', '2:1 PackageVersion @2:17 "2"', '3:1 FileNotice @3:19 "x" text']);
  });

  it('reports content after </text> on the same line', () => {
    const { problems } = lex('PackageComment: <text>a\nb</text> junk\n');
    expect(problems).toEqual(['trailing 2:10']);
  });

  it('reads a known tag missing its colon, and reports lines that are not Tag: value', () => {
    const { entries, problems } = lex('Relationship SPDXRef-a DESCRIBES SPDXRef-b\nthis is prose\n');
    expect(entries).toEqual(['1:1 Relationship @1:14 "SPDXRef-a DESCRIBES SPDXRef-b"']);
    expect(problems).toEqual(['colon 1:13', 'malformed 2:1']);
  });
});

describe('tag-value structural errors through the parser', () => {
  it('gives an unterminated <text> as an error with line and column, never an exception', () => {
    const { doc, diagnostics } = parse(['PackageName: p', 'SPDXID: SPDXRef-p', 'PackageComment: <text>truncated here']);
    const [d] = only(diagnostics, 'TAGVALUE_UNTERMINATED_TEXT');
    expect(d).toMatchObject({ severity: 'error', line: bodyLine(3), column: 17 });
    expect(doc.packages[0]!.comment).toBe('truncated here');
  });

  it('reports text that is not tag-value at all as an error', () => {
    const { diagnostics } = parse('just some words\nand more', false);
    expect(only(diagnostics, 'TAGVALUE_NO_CONTENT')).toHaveLength(1);
    expect(only(diagnostics, 'TAGVALUE_MALFORMED_LINE').map((d) => d.line)).toEqual([1, 2]);
  });
});

describe('tag coverage', () => {
  it('knows every SPDX 2.3 tag that spdx tools-python knows', () => {
    const tags = `SPDXVersion DataLicense DocumentName SPDXID DocumentComment DocumentNamespace ExternalDocumentRef Creator Created
      CreatorComment LicenseListVersion Annotator AnnotationDate AnnotationComment AnnotationType SPDXREF Relationship
      RelationshipComment PackageName PackageVersion PackageDownloadLocation FilesAnalyzed PackageSummary PackageSourceInfo
      PackageFileName PackageSupplier PackageOriginator PackageChecksum PackageVerificationCode PackageDescription PackageComment
      PackageLicenseDeclared PackageLicenseConcluded PackageLicenseInfoFromFiles PackageLicenseComments PackageCopyrightText
      PackageHomePage ExternalRef ExternalRefComment PackageAttributionText PrimaryPackagePurpose BuiltDate ReleaseDate
      ValidUntilDate FileName FileType FileChecksum LicenseConcluded LicenseInfoInFile FileCopyrightText LicenseComments
      FileComment FileNotice FileContributor FileAttributionText LicenseID ExtractedText LicenseName LicenseCrossReference
      LicenseComment SnippetSPDXID SnippetName SnippetComment SnippetCopyrightText SnippetLicenseComments SnippetFromFileSPDXID
      SnippetLicenseConcluded LicenseInfoInSnippet SnippetAttributionText SnippetByteRange SnippetLineRange`.split(/\s+/);
    expect(tags.filter((t) => !knownTags.has(t))).toEqual([]);
  });
});

describe('tag-value lexer on hostile input', () => {
  it('reads thousands of unclosed <text> blocks before one far </text> in one pass', () => {
    const lines: string[] = [];
    for (let i = 0; i < 5000; i++) lines.push(`PackageName: p${i}`, `PackageComment: <text>unclosed ${i}`, 'filler words');
    lines.push('FileNotice: <text>closed</text>');
    const { doc, diagnostics } = parse(lines, false);
    expect(doc.packages).toHaveLength(5000);
    expect(doc.packages[4999]!.comment).toBe('unclosed 4999\nfiller words');
    expect(only(diagnostics, 'TAGVALUE_UNTERMINATED_TEXT')[0]).toMatchObject({ line: 2, column: 17 });
  });
});

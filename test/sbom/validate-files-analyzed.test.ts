// SPDX 2.3 section 7.8: a package with FilesAnalyzed false contains no files. Parsed documents (tag-value with the
// CONTAINS implied by a file written after a package, JSON with hasFiles and written relationships), each problem
// at its relationship's line.
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { sourceLocator } from '../../parsers/locate.js';
import { locateDiagnostics, validateDocument } from '../../src/sbom/validate.js';

const CODE = 'FILES_NOT_ANALYZED_CONTAINS_FILE';
const SHA1 = 'a'.repeat(40);

function tagValue(filesAnalyzed: string | undefined): string {
  return [
    'SPDXVersion: SPDX-2.3',
    'DataLicense: CC0-1.0',
    'SPDXID: SPDXRef-DOCUMENT',
    'DocumentName: t',
    'DocumentNamespace: https://example.com/t',
    'Creator: Tool: t',
    'Created: 2024-01-02T03:04:05Z',
    '',
    'PackageName: layer',
    'SPDXID: SPDXRef-layer',
    'PackageDownloadLocation: NONE',
    ...(filesAnalyzed === undefined ? [] : [`FilesAnalyzed: ${filesAnalyzed}`]),
    ...(filesAnalyzed === 'true' || filesAnalyzed === undefined ? [`PackageVerificationCode: ${SHA1}`] : []),
    'PackageLicenseConcluded: NOASSERTION',
    'PackageLicenseDeclared: NOASSERTION',
    'PackageCopyrightText: NOASSERTION',
    '',
    // A file after a package: the package CONTAINS it.
    'FileName: bin/kubectl',
    'SPDXID: SPDXRef-kubectl',
    `FileChecksum: SHA1: ${SHA1}`,
    'LicenseConcluded: NOASSERTION',
    'FileCopyrightText: NOASSERTION',
    '',
    'Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-layer',
    'Relationship: SPDXRef-kubectl CONTAINED_BY SPDXRef-layer',
    '',
  ].join('\n');
}

function json(filesAnalyzed: boolean | undefined): string {
  const doc = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 't',
    documentNamespace: 'https://example.com/t',
    creationInfo: { created: '2024-01-02T03:04:05Z', creators: ['Tool: t'] },
    packages: [
      {
        SPDXID: 'SPDXRef-layer',
        name: 'layer',
        downloadLocation: 'NONE',
        licenseConcluded: 'NOASSERTION',
        licenseDeclared: 'NOASSERTION',
        copyrightText: 'NOASSERTION',
        ...(filesAnalyzed === undefined ? {} : { filesAnalyzed }),
        ...(filesAnalyzed === false ? {} : { packageVerificationCode: { packageVerificationCodeValue: SHA1 } }),
        hasFiles: ['SPDXRef-notes'],
      },
      {
        SPDXID: 'SPDXRef-other',
        name: 'other',
        downloadLocation: 'NONE',
        filesAnalyzed: false,
        licenseConcluded: 'NOASSERTION',
        licenseDeclared: 'NOASSERTION',
        copyrightText: 'NOASSERTION',
      },
    ],
    files: ['kubectl', 'notes'].map((name) => ({
      SPDXID: `SPDXRef-${name}`,
      fileName: name,
      checksums: [{ algorithm: 'SHA1', checksumValue: SHA1 }],
      licenseConcluded: 'NOASSERTION',
      copyrightText: 'NOASSERTION',
    })),
    relationships: [
      { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-layer' },
      { spdxElementId: 'SPDXRef-layer', relationshipType: 'CONTAINS', relatedSpdxElement: 'SPDXRef-kubectl' },
      // A package containing a package is not what the rule is about.
      { spdxElementId: 'SPDXRef-other', relationshipType: 'CONTAINS', relatedSpdxElement: 'SPDXRef-layer' },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The 1-based line of the first line of `text` that starts with `start`. */
const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;

/** Validation diagnostics of the rule, located in the text as `kube-sbom validate` does. */
function validate(text: string) {
  const parsed = parseSbom(text);
  const located = locateDiagnostics(validateDocument(parsed.document), sourceLocator(parsed.format, text));
  return { format: parsed.format, all: located, rule: located.filter((d) => d.code === CODE) };
}

describe('a package with FilesAnalyzed false that contains files', () => {
  it('is a warning at each tag-value relationship, implied by a file after the package or written', () => {
    const text = tagValue('false');
    const { format, all, rule } = validate(text);
    expect(format).toBe('tag-value');
    expect(rule.map((d) => [d.severity, d.path, d.line, d.column])).toEqual([
      ['warning', 'relationships[0]', lineOf(text, 'FileName: bin/kubectl'), 1],
      ['warning', 'relationships[2]', lineOf(text, 'Relationship: SPDXRef-kubectl CONTAINED_BY'), 1],
    ]);
    expect(lineOf(text, 'FileName: bin/kubectl')).toBeGreaterThan(1);
    expect(rule[0]!.message).toBe(
      'package "SPDXRef-layer" has FilesAnalyzed false, so it contains no files, but a relationship says it CONTAINS file "SPDXRef-kubectl"',
    );
    // Nothing else is wrong with the document: the rule alone speaks.
    expect(all.filter((d) => d.code !== CODE)).toEqual([]);
  });

  it('is a warning at each JSON relationship, written or implied by hasFiles, and not for a package in a package', () => {
    const text = json(false);
    const { format, rule } = validate(text);
    expect(format).toBe('json');
    expect(rule.map((d) => [d.severity, d.path, d.message.match(/file "([^"]+)"/)?.[1]])).toEqual([
      ['warning', 'relationships[1]', 'SPDXRef-kubectl'],
      ['warning', 'relationships[3]', 'SPDXRef-notes'],
    ]);
    // The written relationship is found in the text (the line opening its object); one implied by hasFiles, which
    // has no object of its own, at the relationships list.
    const line = rule[0]!.line!;
    expect(
      text
        .split('\n')
        .slice(line - 1, line + 3)
        .join('\n'),
    ).toMatch(/^ *\{\n.*"SPDXRef-layer",\n.*"CONTAINS",\n.*"SPDXRef-kubectl"$/);
    expect(rule[1]!.line).toBe(lineOf(text, '  "relationships": ['));
  });

  it('is no warning when FilesAnalyzed is true or omitted', () => {
    for (const text of [tagValue('true'), tagValue(undefined), json(true), json(undefined)]) {
      const { format, all } = validate(text);
      expect(format).toMatch(/^(tag-value|json)$/);
      expect(all.map((d) => d.code)).not.toContain(CODE);
    }
  });
});

// Real-world deviations parse, each with a warning at the line and column of the deviating value.
import { describe, expect, it } from 'vitest';
import { bodyLine, only, parse } from './helpers.js';

describe('tag-value leniency', () => {
  it('reads fractional seconds in Created with a warning at the value', () => {
    const { doc, diagnostics } = parse(['SPDXVersion: SPDX-2.3', 'Created: 2022-02-10T17:01:46.511060115Z'], false);
    expect(doc.creationInfo.created).toBe('2022-02-10T17:01:46.511060115Z');
    expect(only(diagnostics, 'TAGVALUE_DATE_FORMAT')).toMatchObject([{ severity: 'warning', line: 2, column: 10 }]);
  });

  it('reads an organisation with a slash in its name, and an actor with no type with a warning', () => {
    const { doc, diagnostics } = parse(['Creator: Organization: Microsoft/GitHub', 'Creator: Microsoft/GitHub'], false);
    expect(doc.creationInfo.creators).toEqual([
      { type: 'Organization', name: 'Microsoft/GitHub' },
      { type: 'Organization', name: 'Microsoft/GitHub' },
    ]);
    expect(only(diagnostics, 'TAGVALUE_ACTOR_FORMAT')).toMatchObject([{ line: 2, column: 10 }]);
  });

  it('keeps unknown tags out of the model with a warning at the tag', () => {
    const { diagnostics } = parse(['PackageName: p', 'SPDXID: SPDXRef-p', 'PackageDownloadLocation: NONE', '  FancyVendorTag: x']);
    expect(only(diagnostics, 'TAGVALUE_UNKNOWN_TAG')).toMatchObject([{ line: bodyLine(4), column: 3, message: expect.stringContaining('FancyVendorTag') }]);
  });

  it('upper-cases lower-case relationship types with a warning at the type', () => {
    const { doc, diagnostics } = parse(['Relationship: SPDXRef-DOCUMENT describes SPDXRef-a']);
    expect(doc.relationships[0]!.type).toBe('DESCRIBES');
    expect(only(diagnostics, 'TAGVALUE_ENUM_CASE')).toMatchObject([{ line: bodyLine(1), column: 15 }]);
  });

  it('keeps an unknown relationship type as written with a warning', () => {
    const { doc, diagnostics } = parse(['Relationship: SPDXRef-a LIKES SPDXRef-b']);
    expect(doc.relationships[0]!.type).toBe('LIKES');
    expect(only(diagnostics, 'TAGVALUE_UNKNOWN_VALUE')).toHaveLength(1);
  });

  it('reads PACKAGE_MANAGER as PACKAGE-MANAGER with a warning, and ExternalRefComment on its ref', () => {
    const { doc, diagnostics } = parse([
      'PackageName: p',
      'SPDXID: SPDXRef-p',
      'PackageDownloadLocation: NONE',
      'ExternalRef: PACKAGE_MANAGER purl pkg:oci/pause@sha256:abc?arch=amd64',
      'ExternalRefComment: <text>the image</text>',
    ]);
    expect(doc.packages[0]!.externalRefs).toEqual([
      { category: 'PACKAGE-MANAGER', type: 'purl', locator: 'pkg:oci/pause@sha256:abc?arch=amd64', comment: 'the image' },
    ]);
    expect(only(diagnostics, 'TAGVALUE_REF_CATEGORY')).toMatchObject([{ line: bodyLine(4), column: 14 }]);
  });

  it('reports missing required fields at the element that lacks them', () => {
    const { diagnostics } = parse(['PackageName: no-id-no-location', 'FileName: ./x', 'SPDXID: SPDXRef-x']);
    const missing = only(diagnostics, 'MISSING_REQUIRED_FIELD');
    expect(missing.map((d) => [d.line, d.column])).toEqual([
      [bodyLine(1), 1],
      [bodyLine(1), 1],
      [bodyLine(2), 1],
    ]);
    expect(missing.map((d) => d.message).join(' | ')).toMatch(/SPDXID.*PackageDownloadLocation.*FileChecksum/);
  });

  it('reports a document without its header fields', () => {
    const { diagnostics } = parse(['PackageName: p'], false);
    const messages = only(diagnostics, 'MISSING_REQUIRED_FIELD')
      .map((d) => d.message)
      .join(' ');
    for (const tag of ['SPDXVersion', 'DataLicense', 'DocumentName', 'DocumentNamespace', 'Creator', 'Created']) expect(messages).toContain(tag);
  });

  it('reads a tag written in the wrong case with a warning', () => {
    const { doc, diagnostics } = parse(['FileName: ./f', 'SPDXID: SPDXRef-f', 'FIleCopyrightText: NOASSERTION']);
    expect(doc.files[0]!.copyrightText).toEqual({ kind: 'NOASSERTION' });
    expect(only(diagnostics, 'TAGVALUE_TAG_CASE')).toMatchObject([{ line: bodyLine(3) }]);
  });

  it('flags deprecated and mis-cased license ids and invalid expressions at the value', () => {
    const { diagnostics } = parse([
      'FileName: ./f',
      'SPDXID: SPDXRef-f',
      'FileChecksum: SHA1: 85ed0817af83a24ad8da68c2b5094de69833983c',
      'LicenseConcluded: LGPL-2.0',
      'LicenseInfoInFile: bsd-3-clause',
      'LicenseInfoInFile: Apache 2 or whatever',
    ]);
    expect(only(diagnostics, 'LICENSE_DEPRECATED_ID')).toMatchObject([{ line: bodyLine(4), column: 19 }]);
    expect(only(diagnostics, 'LICENSE_ID_CASE')).toMatchObject([{ line: bodyLine(5), column: 20 }]);
    expect(only(diagnostics, 'LICENSE_EXPRESSION_INVALID')).toMatchObject([{ line: bodyLine(6), column: 20 }]);
  });

  it('normalises checksum algorithm spelling and upper-case hex', () => {
    const { doc, diagnostics } = parse(['FileName: ./f', 'SPDXID: SPDXRef-f', 'FileChecksum: sha256: ABCDEF01']);
    expect(doc.files[0]!.checksums).toEqual([{ algorithm: 'SHA256', value: 'abcdef01' }]);
    expect(only(diagnostics, 'TAGVALUE_CHECKSUM_ALGORITHM')).toMatchObject([{ line: bodyLine(3), column: 15 }]);
  });

  it('never keeps more than a bounded number of diagnostics for a pathological document', () => {
    const { diagnostics } = parse(Array.from({ length: 5000 }, (_, i) => `Junk${i}: x`));
    expect(diagnostics.length).toBeLessThanOrEqual(1001);
    expect(diagnostics.at(-1)).toMatchObject({ code: 'TOO_MANY_DIAGNOSTICS', message: expect.stringContaining('4000') });
  });
});

describe('tag-value bounded work', () => {
  it('keeps a huge license expression as text instead of parsing it, with a warning at the value', () => {
    const huge = Array.from({ length: 3000 }, () => 'MIT').join(' AND ');
    const { doc, diagnostics } = parse([
      'FileName: ./f',
      'SPDXID: SPDXRef-f',
      'FileChecksum: SHA1: 85ed0817af83a24ad8da68c2b5094de69833983c',
      `LicenseConcluded: ${huge}`,
    ]);
    expect(doc.files[0]!.licenseConcluded).toEqual({ text: huge });
    expect(only(diagnostics, 'LICENSE_EXPRESSION_TOO_LONG')).toMatchObject([{ line: bodyLine(4), column: 19 }]);
  });
});

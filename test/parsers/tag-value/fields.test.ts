// Every SPDX 2.3 tag lands in the model field it names (the official example read field by field).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../parsers/diagnostics.js';
import { licenseText } from '../../../parsers/license-expression.js';
import { NOASSERTION } from '../../../parsers/model.js';
import { parseTagValueDocument } from '../../../parsers/tag-value/index.js';
import { realdata, realdataMissing } from '../../helpers/cli.js';

describe.skipIf(realdataMissing)('official SPDX 2.3 tag-value example, field by field', () => {
  const sink = new DiagnosticSink();
  const doc = realdataMissing ? undefined! : parseTagValueDocument(readFileSync(realdata('spdx/official/2.3/SPDXTagExample-v2.3.spdx'), 'utf8'), sink);

  it('parses without diagnostics', () => {
    expect(sink.items).toEqual([]);
  });

  it('reads the document and creation info', () => {
    expect(doc).toMatchObject({
      spdxVersion: 'SPDX-2.3',
      dataLicense: 'CC0-1.0',
      spdxId: 'SPDXRef-DOCUMENT',
      name: 'SPDX-Tools-v2.0',
      documentNamespace: 'http://spdx.org/spdxdocs/spdx-example-444504E0-4F89-41D3-9A0C-0305E82C3301',
      comment: 'This document was created using SPDX 2.0 using licenses from the web site.',
    });
    expect(doc.externalDocumentRefs).toEqual([
      {
        id: 'DocumentRef-spdx-tool-1.2',
        documentNamespace: 'http://spdx.org/spdxdocs/spdx-tools-v1.2-3F2504E0-4F89-41D3-9A0C-0305E82C3301',
        checksum: { algorithm: 'SHA1', value: 'd6a770ba38583ed4bb4525bd96e50461655d2759' },
      },
    ]);
    expect(doc.creationInfo.creators).toEqual([
      { type: 'Tool', name: 'LicenseFind-1.0' },
      { type: 'Organization', name: 'ExampleCodeInspect' },
      { type: 'Person', name: 'Jane Doe' },
    ]);
    expect(doc.creationInfo.created).toBe('2010-01-29T18:30:22Z');
    expect(doc.creationInfo.licenseListVersion).toBe('3.17');
    expect(doc.creationInfo.comment).toContain('\nThe binaries were created with gcc 4.5.1');
  });

  it('reads every package field', () => {
    const glibc = doc.packages.find((p) => p.spdxId === 'SPDXRef-Package')!;
    expect(glibc).toMatchObject({
      name: 'glibc',
      version: '2.11.1',
      fileName: 'glibc-2.11.1.tar.gz',
      supplier: { type: 'Person', name: 'Jane Doe', email: 'jane.doe@example.com' },
      originator: { type: 'Organization', name: 'ExampleCodeInspect', email: 'contact@example.com' },
      downloadLocation: 'http://ftp.gnu.org/gnu/glibc/glibc-ports-2.15.tar.gz',
      verificationCode: { value: 'd6a770ba38583ed4bb4525bd96e50461655d2758', excludedFiles: ['./package.spdx'] },
      homepage: 'http://ftp.gnu.org/gnu/glibc',
      sourceInfo: 'uses glibc-2_11-branch from git://sourceware.org/git/glibc.git.',
      primaryPackagePurpose: 'SOURCE',
      builtDate: '2011-01-29T18:30:22Z',
      releaseDate: '2012-01-29T18:30:22Z',
      validUntilDate: '2014-01-29T18:30:22Z',
      copyrightText: 'Copyright 2008-2010 John Smith',
      summary: 'GNU C library.',
    });
    expect(glibc.checksums.map((c) => c.algorithm)).toEqual(['MD5', 'SHA1', 'SHA256', 'BLAKE2b-384']);
    expect(licenseText(glibc.licenseConcluded)).toBe('(LGPL-2.0-only OR LicenseRef-3)');
    expect(glibc.licenseConcluded).toMatchObject({ parsed: { type: 'or' } });
    expect(glibc.licenseInfoFromFiles.map(licenseText)).toEqual(['GPL-2.0-only', 'LicenseRef-2', 'LicenseRef-1']);
    expect(glibc.attributionTexts).toHaveLength(1);
    expect(glibc.externalRefs).toEqual([
      { category: 'SECURITY', type: 'cpe23Type', locator: 'cpe:2.3:a:pivotal_software:spring_framework:4.1.0:*:*:*:*:*:*:*' },
      { category: 'OTHER', type: 'LocationRef-acmeforge', locator: 'acmecorp/acmenator/4.1.3-alpha', comment: 'This is the external ref for Acme' },
    ]);
    const commons = doc.packages.find((p) => p.spdxId === 'SPDXRef-fromDoap-1')!;
    expect(commons).toMatchObject({ filesAnalyzed: false, downloadLocation: NOASSERTION, licenseConcluded: NOASSERTION, copyrightText: NOASSERTION });
  });

  it('reads every file field, several FileTypes and checksums included', () => {
    const foo = doc.files.find((f) => f.spdxId === 'SPDXRef-File')!;
    expect(foo).toMatchObject({
      name: './package/foo.c',
      fileTypes: ['SOURCE'],
      licenseComments: 'The concluded license was taken from the package level that the file was included in.',
    });
    expect(foo.checksums).toEqual([
      { algorithm: 'SHA1', value: 'd6a770ba38583ed4bb4525bd96e50461655d2758' },
      { algorithm: 'MD5', value: '624c1abb3664f4b35547e7c73864ad24' },
    ]);
    expect(foo.licenseInfoInFiles.map(licenseText)).toEqual(['GPL-2.0-only', 'LicenseRef-2']);
    expect(foo.contributors).toHaveLength(3);
    expect(foo.notice).toMatch(/^Copyright \(c\) 2001 Aaron Lehmann[\s\S]*OTHER DEALINGS IN THE SOFTWARE\.$/);
    expect(foo.annotations.map((a) => a.comment)).toEqual(['File level annotation']);
  });

  it('reads the snippet with both ranges', () => {
    expect(doc.snippets).toEqual([
      expect.objectContaining({
        spdxId: 'SPDXRef-Snippet',
        fromFile: 'SPDXRef-DoapSource',
        name: 'from linux kernel',
        ranges: [
          { kind: 'byte', start: 310, end: 420, fileSpdxId: 'SPDXRef-DoapSource' },
          { kind: 'line', start: 5, end: 23, fileSpdxId: 'SPDXRef-DoapSource' },
        ],
        copyrightText: 'Copyright 2008-2010 John Smith',
      }),
    ]);
    expect(licenseText(doc.snippets[0]!.licenseConcluded)).toBe('GPL-2.0-only');
  });

  it('reads extracted licenses, names, cross references and comments', () => {
    const beer = doc.extractedLicensingInfos.find((l) => l.licenseId === 'LicenseRef-Beerware-4.2')!;
    expect(beer).toMatchObject({
      name: 'Beer-Ware License (Version 42)',
      crossRefs: ['http://people.freebsd.org/~phk/'],
      comment: 'The beerware license has a couple of other standard variants.',
    });
    const neko = doc.extractedLicensingInfos.find((l) => l.licenseId === 'LicenseRef-3')!;
    expect(neko.crossRefs).toEqual(['http://people.apache.org/~andyc/neko/LICENSE', 'http://justasample.url.com']);
    expect(neko.extractedText.startsWith('The CyberNeko Software License, Version 1.0')).toBe(true);
  });
});

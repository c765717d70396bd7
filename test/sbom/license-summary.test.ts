// Licenses by count: packages and files naming each, declared vs concluded, NOASSERTION and NONE counted like ids.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { summarizeLicenses } from '../../src/sbom/license-summary.js';
import { realdata, realdataMissing } from '../helpers/cli.js';

const HEAD = ['SPDXVersion: SPDX-2.3', 'DataLicense: CC0-1.0', 'SPDXID: SPDXRef-DOCUMENT', 'DocumentName: d', 'DocumentNamespace: https://example.com/d'];
const pkg = (id: string, concluded?: string, declared?: string) => [
  '',
  `PackageName: ${id}`,
  `SPDXID: SPDXRef-${id}`,
  'PackageDownloadLocation: NOASSERTION',
  'FilesAnalyzed: false',
  ...(concluded ? [`PackageLicenseConcluded: ${concluded}`] : []),
  ...(declared ? [`PackageLicenseDeclared: ${declared}`] : []),
];
const file = (id: string, concluded?: string, inFile: string[] = []) => [
  '',
  `FileName: ./${id}`,
  `SPDXID: SPDXRef-${id}`,
  `FileChecksum: SHA1: ${'0'.repeat(40)}`,
  ...(concluded ? [`LicenseConcluded: ${concluded}`] : []),
  ...inFile.map((l) => `LicenseInfoInFile: ${l}`),
];

function summary(lines: string[]) {
  return summarizeLicenses(parseSbom([...HEAD, ...lines, ''].join('\n'), { fileName: 'd.spdx' }).document);
}

describe('summarizeLicenses', () => {
  it('counts each license once per element, declared and concluded apart, most used first', () => {
    const s = summary([
      ...pkg('a', 'Apache-2.0', '(Apache-2.0 OR MIT)'),
      ...pkg('b', 'NOASSERTION', 'mit'),
      ...pkg('c', 'NONE', 'NOASSERTION'),
      ...pkg('d'),
      ...file('main.go', 'Apache-2.0', ['Apache-2.0']),
      ...file('x.go', 'NOASSERTION', ['BSD-3-Clause']),
      ...file('y.go'),
    ]);
    expect(s.licenses).toEqual([
      { id: 'NOASSERTION', packages: 2, files: 1, declared: 1, concluded: 2 },
      { id: 'Apache-2.0', packages: 1, files: 1, declared: 1, concluded: 2 },
      // ids are case-insensitive: "mit" is the same license, under the spelling written first
      { id: 'MIT', packages: 2, files: 0, declared: 2, concluded: 0 },
      { id: 'BSD-3-Clause', packages: 0, files: 1, declared: 0, concluded: 0 },
      { id: 'NONE', packages: 1, files: 0, declared: 0, concluded: 1 },
    ]);
    expect(s).toMatchObject({ packages: 4, files: 3, unstated: { packages: 1, files: 1 } });
  });

  it('is empty for a document without packages or files', () => {
    expect(summary([])).toEqual({ licenses: [], packages: 0, files: 0, unstated: { packages: 0, files: 0 } });
  });
});

describe.skipIf(realdataMissing)('summarizeLicenses on the official SPDX 2.3 example', () => {
  it('gives the same counts in tag-value and JSON', () => {
    const of = (name: string) => summarizeLicenses(parseSbom(readFileSync(realdata('spdx', 'official', '2.3', name)), { fileName: name }).document);
    const tag = of('SPDXTagExample-v2.3.spdx');
    expect(of('SPDXJSONExample-v2.3.spdx.json')).toEqual(tag);
    expect(tag.licenses.find((l) => l.id === 'LGPL-2.0-only')).toMatchObject({ declared: 1 });
    expect(tag.licenses.length).toBeGreaterThan(3);
  });
});

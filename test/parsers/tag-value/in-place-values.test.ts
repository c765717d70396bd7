// Values the parser reads where they are written, without a string of their own: license texts it has seen, NONE and
// NOASSERTION, FilesAnalyzed. Near misses and more distinct values than it remembers must still read as written.
import { describe, expect, it } from 'vitest';
import { licenseText } from '../../../parsers/license-expression.js';
import { NOASSERTION, NONE } from '../../../parsers/model.js';
import { bodyLine, only, parse } from './helpers.js';

const file = (n: number, ...fields: string[]) => [
  `FileName: ./f${n}`,
  `SPDXID: SPDXRef-f${n}`,
  'FileChecksum: SHA1: 85ed0817af83a24ad8da68c2b5094de69833983c',
  ...fields,
];

describe('tag-value values read in place', () => {
  it("reads each file's license as written when many distinct texts alternate, prefixes and equal lengths included", () => {
    const texts = [
      'MIT',
      'MIT OR Apache-2.0',
      'Apache-2.0',
      'BSD-3-Clause',
      'GPL-2.0-only',
      'ISC',
      'MPL-2.0',
      'NOASSERTION',
      'NONE',
      '0BSD',
      'Unlicense',
      'MIT OR Apache-2.1',
      'CC0-1.0',
    ];
    const order = [...texts, ...texts.slice().reverse(), ...texts.filter((_, i) => i % 3 === 0)];
    const { doc } = parse(order.flatMap((text, i) => file(i, `LicenseConcluded: ${text}`)));
    expect(doc.files.map((f) => licenseText(f.licenseConcluded))).toEqual(order);
  });

  it("reports a remembered license text's problem again at every line that uses it", () => {
    const lines = [...file(1, 'LicenseConcluded: LGPL-2.0', 'LicenseInfoInFile: LGPL-2.0'), ...file(2, 'LicenseConcluded: LGPL-2.0')];
    const { diagnostics } = parse(lines);
    expect(only(diagnostics, 'LICENSE_DEPRECATED_ID').map((d) => d.line)).toEqual([bodyLine(4), bodyLine(5), bodyLine(9)]);
  });

  it('reads NONE and NOASSERTION, also in a <text> block, and keeps near misses as text', () => {
    const copyrights = ['NOASSERTION', 'NONE', 'NOASSERTIONS', 'NON', 'NONE AT ALL', '<text>NOASSERTION</text>', 'noassertion'];
    const { doc } = parse(copyrights.flatMap((text, i) => file(i, `FileCopyrightText: ${text}`)));
    expect(doc.files.map((f) => f.copyrightText)).toEqual([NOASSERTION, NONE, 'NOASSERTIONS', 'NON', 'NONE AT ALL', NOASSERTION, 'noassertion']);
  });

  it('reads FilesAnalyzed as written, other spellings with a warning, and rejects what is not a boolean', () => {
    const values = ['true', 'false', 'False', 'TRUE', 'falsey', 'tru'];
    const { doc, diagnostics } = parse(values.flatMap((v, i) => [`PackageName: p${i}`, `SPDXID: SPDXRef-p${i}`, `FilesAnalyzed: ${v}`]));
    expect(doc.packages.map((p) => p.filesAnalyzed)).toEqual([true, false, false, true, undefined, undefined]);
    expect(only(diagnostics, 'TAGVALUE_ENUM_CASE').map((d) => d.line)).toEqual([bodyLine(9), bodyLine(12)]);
    expect(only(diagnostics, 'TAGVALUE_BAD_BOOLEAN').map((d) => d.line)).toEqual([bodyLine(15), bodyLine(18)]);
  });
});

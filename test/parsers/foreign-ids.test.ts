// SPDXIDs made from CycloneDX bom-refs and SPDX 3 IRIs: valid, readable, unique however the originals collide.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ForeignIds } from '../../parsers/foreign-ids.js';

const VALID = /^SPDXRef-[A-Za-z0-9.-]+$/;

describe('ForeignIds', () => {
  it('keeps a safe identifier, replaces what SPDX 2 does not allow, and finds both again', () => {
    const ids = new ForeignIds();
    expect(ids.assign('d0d41e30-9650', 'Component')).toBe('SPDXRef-d0d41e30-9650');
    expect(ids.assign('pkg:npm/@scope/x@1.0.0', 'Component')).toBe('SPDXRef-pkg-npm-scope-x-1.0.0');
    expect(ids.get('pkg:npm/@scope/x@1.0.0')).toBe('SPDXRef-pkg-npm-scope-x-1.0.0');
    expect(ids.get('d0d41e30-9650')).toBe('SPDXRef-d0d41e30-9650');
    expect(ids.get('unknown')).toBeUndefined();
  });

  it('gives every element its own SPDXID when originals collide in either order, repeat, or look like fallbacks', () => {
    const ids = new ForeignIds();
    const made = [
      ids.assign('a-b', 'C'),
      ids.assign('a/b', 'C'),
      ids.assign('a:b', 'C'),
      ids.assign('x/y', 'C'),
      ids.assign('x-y', 'C'),
      ids.assign('a-b-2', 'C'),
      ids.assign(undefined, 'Component'),
      ids.assign('Component-2', 'C'),
      ids.assign(undefined, 'Component'),
      ids.assign('DOCUMENT', 'C'),
      ids.assign('a-b', 'C'),
    ];
    expect(ids.lastWasDuplicate).toBe(true);
    for (const id of made) expect(id).toMatch(VALID);
    expect(new Set(made).size).toBe(made.length);
    expect(made).not.toContain('SPDXRef-DOCUMENT');
    // Lookups go to the first element that carried each original.
    expect(ids.get('a-b')).toBe(made[0]);
    expect(ids.get('a/b')).toBe(made[1]);
    expect(ids.get('x-y')).toBe(made[4]);
  });

  it('keeps a bom-ref that is already an SPDXID (an SPDX document written as CycloneDX), unless taken', () => {
    const ids = new ForeignIds();
    ids.reserve('SPDXRef-DOCUMENT', 'SPDXRef-DOCUMENT');
    const made = [
      ids.assign('SPDXRef-Package', 'C'),
      ids.assign('Package', 'C'),
      ids.assign('x', 'C'),
      ids.assign('SPDXRef-x', 'C'),
      ids.assign('SPDXRef-DOCUMENT', 'C'),
    ];
    expect(made.slice(0, 2)).toEqual(['SPDXRef-Package', 'SPDXRef-Package-2']);
    expect(made[2]).toBe('SPDXRef-x');
    for (const id of made) expect(id).toMatch(VALID);
    expect(new Set([...made, 'SPDXRef-DOCUMENT']).size).toBe(made.length + 1);
    expect(ids.get('SPDXRef-Package')).toBe('SPDXRef-Package');
    expect(ids.get('SPDXRef-DOCUMENT')).toBe('SPDXRef-DOCUMENT');
  });
});

describe('ForeignIds stems', () => {
  it('replaces each run of characters SPDX 2 does not allow by one dash, trims a dash at either end, and keeps the rest', () => {
    const ids = new ForeignIds();
    expect(ids.assign('pkg:golang/k8s.io/api@v0.30.0?package-id=ab12', 'C')).toBe('SPDXRef-pkg-golang-k8s.io-api-v0.30.0-package-id-ab12');
    expect(ids.assign('::a//b::', 'C')).toBe('SPDXRef-a-b');
    expect(ids.assign('x y\u00e9\ud83d\ude00z', 'C')).toBe('SPDXRef-x-y-z');
    expect(ids.assign('--k_v--', 'C')).toBe('SPDXRef--k-v-');
    expect(ids.assign('@@@', 'C')).toBe('SPDXRef-ref');
  });
});

/** The stem rule as first written, with regular expressions: the reference the byte-by-byte stem is held to. */
function referenceStem(original: string): string {
  const trimmed = original
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-/, '')
    .replace(/-$/, '');
  return trimmed === '' ? 'ref' : trimmed.slice(0, 200);
}

describe('ForeignIds stems against the regular-expression rule', () => {
  // Characters that stress the rule: kept ones, dashes, runs of unsafe ones, a non-BMP character (two code units).
  const piece = fc.constantFrom('a', 'Z', '9', '.', '-', '--', ':', '/', '@', ' ', '\u00e9', '\ud83d\ude00', 'pkg:npm/', '%2F');
  const original = fc.array(piece, { minLength: 1, maxLength: 120 }).map((parts) => parts.join(''));

  it('makes the same SPDXID as replacing each unsafe run by a dash, trimming one dash at either end and cutting at 200', () => {
    fc.assert(
      fc.property(original, (text) => {
        // A safe original is kept whole; only an unsafe one is made into a stem.
        fc.pre(/[^A-Za-z0-9.-]/.test(text) || text.startsWith('-') || text.endsWith('-') || text.length > 200);
        const stem = referenceStem(text);
        fc.pre(stem !== 'DOCUMENT');
        expect(new ForeignIds().assign(text, 'C')).toBe(`SPDXRef-${stem}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('cuts a long stem at 200 characters whatever stands at the cut', () => {
    for (const tail of ['', '-', ':', 'x:', '::x']) {
      for (const length of [199, 200, 201, 202, 203]) {
        const text = `:${'a'.repeat(length)}${tail}`;
        expect(new ForeignIds().assign(text, 'C')).toBe(`SPDXRef-${referenceStem(text)}`);
      }
    }
  });
});

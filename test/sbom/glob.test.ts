// Wildcards match exactly what the anchored `.*` regular expression matched, without its backtracking.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob } from '../../src/common/glob.js';

/** The reference: each `*` is `.*`, everything else literal, anchored at both ends (dotAll so newlines count too). */
const reference = (glob: string) =>
  new RegExp(
    `^${glob
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    's',
  );

describe('compileGlob', () => {
  it('agrees with the anchored regular expression on random globs and texts over a small alphabet', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '*', '.', '\n'), maxLength: 12 });
    fc.assert(
      fc.property(text, text, (glob, candidate) => {
        expect(compileGlob(glob).test(candidate)).toBe(reference(glob).test(candidate));
      }),
      { numRuns: 20_000 },
    );
  });

  it('handles the edges: no star, only stars, prefix and suffix that would overlap', () => {
    expect(compileGlob('pkg:oci/pause').test('pkg:oci/pause')).toBe(true);
    expect(compileGlob('pkg:oci/pause').test('pkg:oci/pause2')).toBe(false);
    expect(compileGlob('***').test('')).toBe(true);
    expect(compileGlob('ab*ba').test('aba')).toBe(false);
    expect(compileGlob('ab*ba').test('abba')).toBe(true);
    expect(compileGlob('a*b*a').test('aba')).toBe(true);
    expect(compileGlob('a*bb*a').test('abba')).toBe(true);
    expect(compileGlob('a*bb*a').test('abba'.slice(1))).toBe(false);
    expect(compileGlob('a*bb*a').test('abab')).toBe(false);
  });
});

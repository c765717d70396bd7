// IdHashes tells whether any id repeats: it must find a repeat wherever it is, among few ids or many, and never
// report one among distinct ids.
import { describe, expect, it } from 'vitest';
import { IdHashes } from '../../../parsers/tag-value/id-hashes.js';

function hashesOf(ids: string[]): IdHashes {
  const hashes = new IdHashes();
  // Half of them hashed from inside a larger text, as the parser does: the same characters give the same hash.
  for (const [i, id] of ids.entries()) {
    if (i % 2) hashes.add(`SPDXID: ${id}\n`, 8, 8 + id.length);
    else hashes.add(id, 0, id.length);
  }
  return hashes;
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `SPDXRef-File-${i}-workspace-src-k8s.io-kubernetes`);

describe('IdHashes', () => {
  for (const n of [2, 100, 4095, 4096, 100_000]) {
    it(`finds no repeat among ${n} distinct ids, and finds one planted first-and-last or side by side`, () => {
      const distinct = ids(n);
      expect(hashesOf(distinct).mayRepeat()).toBe(false);
      expect(hashesOf([...distinct, distinct[0]!]).mayRepeat()).toBe(true);
      expect(hashesOf([...distinct.slice(0, n >> 1), distinct[n >> 1]!, ...distinct.slice(n >> 1)]).mayRepeat()).toBe(true);
    });
  }

  it('tells ids apart that differ in one character or in length', () => {
    expect(hashesOf(['SPDXRef-a', 'SPDXRef-b', 'SPDXRef-ab', 'SPDXRef-ba', 'SPDXRef-', 'SPDXRef']).mayRepeat()).toBe(false);
    expect(hashesOf([]).mayRepeat()).toBe(false);
    expect(hashesOf(['only']).mayRepeat()).toBe(false);
  });
});

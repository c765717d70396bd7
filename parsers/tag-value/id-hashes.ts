// Whether any element id may repeat, found without a hash set of every id: each id read adds a 53-bit hash of
// its characters to a flat array (hashed from the document text while it is in cache), and one numeric sort at the
// end shows whether two are equal. A set of 100k id strings costs several cache misses per id (about 0.1 s on a
// 100 MB document); equal hashes send the caller to its exact (and slower) search.

const INITIAL_CAPACITY = 1024;
/** 2^21: the second hash fills the 21 bits under the first one's 32 in a double's 53-bit integer range. */
const LOW_BITS = 2097152;

export class IdHashes {
  private hashes = new Float64Array(INITIAL_CAPACITY);
  private count = 0;

  /** Adds the id written at text[start, end). */
  add(text: string, start: number, end: number): void {
    let h1 = 0x811c9dc5;
    let h2 = end - start;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 + c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    if (this.count === this.hashes.length) {
      const grown = new Float64Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[this.count++] = (h1 >>> 0) * LOW_BITS + (h2 >>> 11);
  }

  /** False only when every id added was distinct; true when two hashes are equal (a repeat, or rarely a collision). */
  mayRepeat(): boolean {
    const sorted = this.hashes.subarray(0, this.count).sort();
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return true;
    return false;
  }
}

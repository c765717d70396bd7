// Known tags found in the text without cutting a new string per line: a bucket by length and first/last
// character, then a direct comparison. Matching lines get the shared constant tag string.
export class TagTable<T extends string = string> {
  private readonly buckets = new Map<number, T[]>();
  private readonly all: Set<string>;

  constructor(tags: Iterable<T>) {
    const unique = new Set<T>(tags);
    this.all = unique;
    for (const tag of unique) {
      const key = bucketKey(tag.length, tag.charCodeAt(0), tag.charCodeAt(tag.length - 1));
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(tag);
      else this.buckets.set(key, [tag]);
    }
  }

  has(tag: string): boolean {
    return this.all.has(tag);
  }

  /** The known tag written at text[start, end), or undefined. */
  find(text: string, start: number, end: number): T | undefined {
    const bucket = this.buckets.get(bucketKey(end - start, text.charCodeAt(start), text.charCodeAt(end - 1)));
    if (bucket === undefined) return undefined;
    for (let i = 0; i < bucket.length; i++) {
      const tag = bucket[i]!;
      if (text.startsWith(tag, start)) return tag;
    }
    return undefined;
  }
}

/** A small integer (fast Map key); collisions only cost a comparison, since every candidate is checked. */
function bucketKey(length: number, first: number, last: number): number {
  return ((length & 0xffff) << 14) | ((first & 0x7f) << 7) | (last & 0x7f);
}

// Known tags found in the text without cutting a new string per line: candidates by length, a check of the
// first and last character, then a direct comparison. Matching lines get the shared constant tag string.
export class TagTable<T extends string = string> {
  /** Tags by length; each entry also holds the tag's index in the order given. */
  private readonly byLength: ({ tag: T; index: number; first: number; last: number }[] | undefined)[] = [];
  private readonly all: Set<string>;
  /** The tags in the order given (first occurrence), so `findIndex` results index caller-side tables. */
  readonly tags: readonly T[];

  constructor(tags: Iterable<T>) {
    const unique = new Set<T>(tags);
    this.all = unique;
    this.tags = [...unique];
    this.tags.forEach((tag, index) => {
      const entry = { tag, index, first: tag.charCodeAt(0), last: tag.charCodeAt(tag.length - 1) };
      const bucket = this.byLength[tag.length];
      if (bucket) bucket.push(entry);
      else this.byLength[tag.length] = [entry];
    });
  }

  has(tag: string): boolean {
    return this.all.has(tag);
  }

  /** The known tag written at text[start, end), or undefined. */
  find(text: string, start: number, end: number): T | undefined {
    const i = this.findIndex(text, start, end);
    return i === -1 ? undefined : this.tags[i];
  }

  /** The index (in `tags`) of the known tag written at text[start, end), or -1. */
  findIndex(text: string, start: number, end: number): number {
    const length = end - start;
    if (length <= 0 || length >= this.byLength.length) return -1;
    const bucket = this.byLength[length];
    if (bucket === undefined) return -1;
    const first = text.charCodeAt(start);
    const last = text.charCodeAt(end - 1);
    for (let i = 0; i < bucket.length; i++) {
      const entry = bucket[i]!;
      if (entry.first === first && entry.last === last && text.startsWith(entry.tag, start)) return entry.index;
    }
    return -1;
  }
}

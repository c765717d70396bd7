// Tag-value lexer: one pass over the text, `Tag: value` lines and `<text>...</text>` blocks, with positions.
// It is a cursor, not a token list: `next()` moves on and overwrites its public fields, so no object per line.
import type { TagTable } from './tag-table.js';
import { isBlank } from './values.js';

/** Where the lexer reports structural problems (always with a position). */
export interface LexReporter {
  malformedLine(line: number, column: number, content: string): void;
  unterminatedText(line: number, column: number, assumedEndLine: number): void;
  textTrailingContent(line: number, column: number): void;
  missingColon(line: number, column: number): void;
}

const CR = 13;
const HASH = 35;
const LESS_THAN = 60;
const TEXT_OPEN = '<text>';
const TEXT_CLOSE = '</text>';

export class TagValueLexer {
  /** The current entry: tag as written, positions (1-based); its value is `value`, or read in place (below). */
  tag = '';
  /** The tag's index in the lexer's tag table, or -1 for a tag it does not know. */
  tagIndex = -1;
  line = 0;
  column = 0;
  valueLine = 0;
  valueColumn = 0;
  /** The value came from a `<text>` block. */
  isText = false;
  /**
   * Where the value is written: the document text for a plain value (readers scan that flat text in place, which
   * spares a string per line), the value itself for a `<text>` block (whose content may differ from the text).
   */
  valueSource = '';
  valueStart = 0;
  valueEnd = 0;
  /** The value as a string, once asked for: most values are read in place and never need one of their own. */
  private valueString: string | undefined;

  private pos = 0;
  private lineNo = 0;
  /** A `</text>` search from this offset found nothing, so none can be found later either. */
  private noCloseAfter = Number.MAX_SAFE_INTEGER;
  /** Last searches for the markers: [from, found]; a later search from between them finds the same one. */
  private readonly closeCache: [number, number] = [-1, -1];
  private readonly openCache: [number, number] = [-1, -1];

  constructor(
    private readonly text: string,
    private readonly reporter: LexReporter,
    private readonly tags: TagTable,
  ) {}

  /** The current value (a `<text>` block's content without the markers), cut from the text on first use. */
  get value(): string {
    return (this.valueString ??= this.valueSource.slice(this.valueStart, this.valueEnd));
  }

  /** Whether the value is exactly `word`, without cutting it. */
  valueIs(word: string): boolean {
    return this.valueEnd - this.valueStart === word.length && this.valueSource.startsWith(word, this.valueStart);
  }

  /** Moves to the next `Tag: value` entry; false at the end of the text. */
  next(): boolean {
    const text = this.text;
    const len = text.length;
    while (this.pos < len) {
      const start = this.pos;
      let nl = text.indexOf('\n', start);
      if (nl === -1) nl = len;
      const lineNo = ++this.lineNo;
      this.pos = nl + 1;
      let end = nl;
      if (end > start && text.charCodeAt(end - 1) === CR) end--;
      let i = start;
      while (i < end && isBlank(text.charCodeAt(i))) i++;
      if (i === end || text.charCodeAt(i) === HASH) continue;
      let colon = text.indexOf(':', i);
      if (colon === -1 || colon >= end) colon = this.tagWithoutColon(i, end);
      if (colon === -1) {
        this.reporter.malformedLine(lineNo, i - start + 1, text.slice(i, Math.min(end, i + 80)));
        continue;
      }
      if (text.charCodeAt(colon) !== 58) this.reporter.missingColon(lineNo, colon - start + 1);
      let tagEnd = colon;
      while (tagEnd > i && isBlank(text.charCodeAt(tagEnd - 1))) tagEnd--;
      const tagIndex = this.tags.findIndex(text, i, tagEnd);
      this.tagIndex = tagIndex;
      this.tag = tagIndex === -1 ? text.slice(i, tagEnd) : this.tags.tags[tagIndex]!;
      this.line = lineNo;
      this.column = i - start + 1;
      let v = colon + 1;
      while (v < end && isBlank(text.charCodeAt(v))) v++;
      this.valueLine = lineNo;
      // The first character decides most lines: no startsWith call per line.
      if (text.charCodeAt(v) === LESS_THAN && text.startsWith(TEXT_OPEN, v)) {
        this.readTextBlock(start, v, end);
        return true;
      }
      let ve = end;
      while (ve > v && isBlank(text.charCodeAt(ve - 1))) ve--;
      this.valueString = undefined;
      this.valueSource = text;
      this.valueStart = v;
      this.valueEnd = ve;
      this.valueColumn = v - start + 1;
      this.isText = false;
      return true;
    }
    return false;
  }

  /** Reads `<text>...</text>` starting at `open` (on the line that starts at lineStart and ends at lineEnd). */
  private readTextBlock(lineStart: number, open: number, lineEnd: number): void {
    const text = this.text;
    const contentStart = open + TEXT_OPEN.length;
    const openLine = this.lineNo;
    this.isText = true;
    this.valueColumn = contentStart - lineStart + 1;
    let close = this.findFrom(TEXT_CLOSE, contentStart, this.closeCache);
    if (close === -1) this.noCloseAfter = Math.min(this.noCloseAfter, contentStart);
    else if (this.swallowsAnotherBlock(contentStart, close)) close = -1;

    if (close === -1) {
      this.recoverUnterminated(contentStart, lineEnd, openLine, open - lineStart + 1);
      return;
    }
    // Count the lines the block spans, so the next entry has the right line number.
    let p = text.indexOf('\n', contentStart);
    while (p !== -1 && p < close) {
      this.lineNo++;
      p = text.indexOf('\n', p + 1);
    }
    const value = text.slice(contentStart, close);
    this.setBlockValue(value.indexOf('\r') === -1 ? value : value.replace(/\r\n?/g, '\n'));
    const after = close + TEXT_CLOSE.length;
    let nl = text.indexOf('\n', after);
    if (nl === -1) nl = text.length;
    for (let i = after; i < nl; i++) {
      const c = text.charCodeAt(i);
      if (!isBlank(c) && c !== CR) {
        const closeLineStart = text.lastIndexOf('\n', close) + 1;
        this.reporter.textTrailingContent(this.lineNo, i - closeLineStart + 1);
        break;
      }
    }
    this.pos = nl + 1;
  }

  /** A block's content may differ from the text (line ends), so it is its own source. */
  private setBlockValue(value: string): void {
    this.valueString = value;
    this.valueSource = value;
    this.valueStart = 0;
    this.valueEnd = value.length;
  }

  /** indexOf, remembering its answer: many unclosed blocks before one far `</text>` must not rescan the text each time. */
  private findFrom(marker: string, from: number, cache: [number, number]): number {
    if (marker === TEXT_CLOSE && from >= this.noCloseAfter) return -1;
    if (from >= cache[0] && from <= cache[1]) return cache[1];
    const found = this.text.indexOf(marker, from);
    if (found !== -1) {
      cache[0] = from;
      cache[1] = found;
    }
    return found;
  }

  /**
   * A `</text>` found far away may belong to a later block when this one was never closed: if a line inside
   * starts with a known tag and opens its own `<text>`, this block is unterminated.
   */
  private swallowsAnotherBlock(contentStart: number, close: number): boolean {
    const text = this.text;
    let open = this.findFrom(TEXT_OPEN, contentStart, this.openCache);
    while (open !== -1 && open < close) {
      const lineStart = text.lastIndexOf('\n', open) + 1;
      if (lineStart > contentStart && this.startsWithKnownTag(lineStart, open)) return true;
      open = text.indexOf(TEXT_OPEN, open + 1);
    }
    return false;
  }

  /** Ends an unclosed block before the next line that starts with a known tag (or at the end of the text). */
  private recoverUnterminated(contentStart: number, firstLineEnd: number, openLine: number, openColumn: number): void {
    const text = this.text;
    const len = text.length;
    const firstNl = text.indexOf('\n', firstLineEnd);
    let lineStart = firstNl === -1 ? len : firstNl + 1;
    let contentEnd = len;
    let lines = 0;
    while (lineStart < len) {
      let nl = text.indexOf('\n', lineStart);
      if (nl === -1) nl = len;
      if (this.startsWithKnownTag(lineStart, nl)) {
        contentEnd = lineStart - 1;
        break;
      }
      lines++;
      lineStart = nl + 1;
    }
    const value = text.slice(contentStart, Math.max(contentStart, contentEnd));
    this.setBlockValue(value.replace(/\r$/, '').replace(/\r\n?/g, '\n'));
    this.lineNo = openLine + lines;
    this.pos = Math.min(lineStart, len);
    this.reporter.unterminatedText(openLine, openColumn, this.lineNo);
  }

  /** `Relationship A DESCRIBES B` (a writer forgot the colon): the offset of the blank after a known tag, or -1. */
  private tagWithoutColon(i: number, end: number): number {
    const text = this.text;
    let j = i;
    while (j < end && !isBlank(text.charCodeAt(j))) j++;
    return j < end && this.tags.find(text, i, j) !== undefined ? j : -1;
  }

  /** True when the line starting at `lineStart` reads `KnownTag:` before `limit`. */
  private startsWithKnownTag(lineStart: number, limit: number): boolean {
    const text = this.text;
    let i = lineStart;
    while (i < limit && isBlank(text.charCodeAt(i))) i++;
    const colon = text.indexOf(':', i);
    if (colon === -1 || colon >= limit) return false;
    let end = colon;
    while (end > i && isBlank(text.charCodeAt(end - 1))) end--;
    return this.tags.find(text, i, end) !== undefined;
  }
}

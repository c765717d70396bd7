// Long text runs are lifted out of XML before fast-xml-parser reads it and put back by its value processor: the
// library gathers text one character at a time (a chain of one-character strings, tens of bytes per character), so
// a 150 MB value would cost gigabytes, while a run put back is a slice of the input and costs nothing.

/** U+FFFF is not a character XML allows, so a placeholder built from it cannot be document text (checkXml refuses it). */
export const PLACEHOLDER_MARK = '\uffff';
/** Shorter runs are left to the library: the cost only matters for long ones, and normal documents stay untouched. */
const MIN_RUN = 1024;

export class XmlTextRuns {
  /** The XML to give the library: each long run replaced by `MARK index MARK`. */
  readonly text: string;
  private readonly runs: string[] = [];
  /** Where each placeholder starts in `text`, and how many characters all placeholders up to it removed. */
  private readonly at: number[] = [];
  private readonly removed: number[] = [];

  /** `xml` must have passed checkXml: well-formed, without U+FFFF. */
  constructor(xml: string) {
    const pieces: string[] = [];
    let copied = 0;
    let shift = 0;
    let inElement = false;
    for (let i = 0; i < xml.length;) {
      const lt = xml.indexOf('<', i);
      const end = lt === -1 ? xml.length : lt;
      // Before the root element only whitespace may stand; lifting stops there so a DOCTYPE is never touched.
      if (inElement && end - i >= MIN_RUN) {
        const placeholder = `${PLACEHOLDER_MARK}${this.runs.length}${PLACEHOLDER_MARK}`;
        pieces.push(xml.slice(copied, i), placeholder);
        copied = end;
        this.at.push(i - shift);
        shift += end - i - placeholder.length;
        this.removed.push(shift);
        this.runs.push(xml.slice(i, end));
      }
      if (lt === -1) break;
      const markupEnd = skipMarkup(xml, lt);
      if (markupEnd === -1) break;
      if (!inElement && isElementTag(xml, lt)) inElement = true;
      i = markupEnd;
    }
    this.text = this.runs.length === 0 ? xml : pieces.join('') + xml.slice(copied);
  }

  /**
   * The value the library would have read without the placeholders: runs put back, trimmed (the library trimmed
   * around the placeholder, not the run), line ends normalised as the library does for the whole input.
   */
  restore(value: string): string {
    if (this.runs.length === 0 || value.indexOf(PLACEHOLDER_MARK) === -1) return value;
    const parts = value.split(PLACEHOLDER_MARK);
    // split gives text, index, text, index, ..., text: odd positions are run numbers.
    let out = '';
    for (let k = 0; k < parts.length; k++) out += k % 2 === 0 ? parts[k]! : this.runAt(parts[k]!);
    return out.trim();
  }

  /** An offset the library reports (in `text`) as an offset in the original XML. */
  originalOffset(offset: number): number {
    let lo = 0;
    let hi = this.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? offset : offset + this.removed[lo - 1]!;
  }

  private runAt(index: string): string {
    const run = this.runs[Number(index)];
    if (run === undefined) throw new Error(`lost text run ${index}`);
    return run.indexOf('\r') === -1 ? run : run.replace(/\r\n?/g, '\n');
  }
}

/** The offset just past the markup that starts at `lt` (comment, CDATA, PI, DOCTYPE or tag), or -1 when unclosed. */
function skipMarkup(xml: string, lt: number): number {
  if (xml.startsWith('<!--', lt)) return past(xml, '-->', lt + 4);
  if (xml.startsWith('<![', lt)) return past(xml, ']]>', lt);
  if (xml.startsWith('<?', lt)) return past(xml, '?>', lt + 2);
  if (xml.startsWith('<!', lt)) return skipDeclaration(xml, lt + 2);
  // A tag: quoted attribute values may hold '>'.
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml[i];
    if (c === '"' || c === "'") {
      i = xml.indexOf(c, i + 1);
      if (i === -1) return -1;
    } else if (c === '>') return i + 1;
  }
  return -1;
}

/** `<!DOCTYPE ...>` with an internal subset: brackets, quoted strings and comments inside it. */
function skipDeclaration(xml: string, from: number): number {
  let depth = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml[i];
    if (c === '"' || c === "'") {
      i = xml.indexOf(c, i + 1);
      if (i === -1) return -1;
    } else if (c === '<' && xml.startsWith('<!--', i)) {
      i = xml.indexOf('-->', i + 4);
      if (i === -1) return -1;
      i += 2;
    } else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return i + 1;
  }
  return -1;
}

function past(xml: string, close: string, from: number): number {
  const at = xml.indexOf(close, from);
  return at === -1 ? -1 : at + close.length;
}

function isElementTag(xml: string, lt: number): boolean {
  const c = xml.charCodeAt(lt + 1);
  return c !== 33 && c !== 63 && c !== 47; // not '!', '?' or '/'
}

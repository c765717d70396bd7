// Long text runs and attribute values are lifted out of XML before fast-xml-parser reads it and put back by its
// value processors: the library gathers text (and its validator attribute strings) one character at a time, a
// chain of one-character strings at tens of bytes each, so a 150 MB value would cost gigabytes, while a value put
// back is a slice of the input and costs nothing.
import { findLifts, type Lift } from './xml-lift-scan.js';

/** U+FFFF is not a character XML allows, so a placeholder built from it cannot be document text (checkXml refuses it). */
export const PLACEHOLDER_MARK = '\uffff';

/** The XML with some lifts replaced by `MARK index MARK`, and the way back to offsets in the original. */
export class LiftedText {
  readonly text: string;
  readonly lifted: boolean;
  /** Where each placeholder starts in `text`, and how many characters all placeholders up to it removed. */
  private readonly at: number[] = [];
  private readonly removed: number[] = [];

  constructor(xml: string, lifts: { lift: Lift; index: number }[]) {
    this.lifted = lifts.length > 0;
    const pieces: string[] = [];
    let copied = 0;
    let shift = 0;
    for (const { lift, index } of lifts) {
      const placeholder = `${PLACEHOLDER_MARK}${index}${PLACEHOLDER_MARK}`;
      pieces.push(xml.slice(copied, lift.start), placeholder);
      copied = lift.end;
      this.at.push(lift.start - shift);
      shift += lift.end - lift.start - placeholder.length;
      this.removed.push(shift);
    }
    this.text = this.lifted ? pieces.join('') + xml.slice(copied) : xml;
  }

  /** An offset in `text` as an offset in the original XML. */
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
}

export class XmlTextRuns {
  /** For fast-xml-parser: every long text run and attribute value lifted. */
  readonly forParser: LiftedText;
  /** For its validator: only attribute values, so the validator still judges every character of text. */
  readonly forValidator: LiftedText;
  private readonly runs: string[];

  /** `xml` must hold no U+FFFF (checkXml refuses it first). */
  constructor(xml: string) {
    const lifts = findLifts(xml).map((lift, index) => ({ lift, index }));
    this.runs = lifts.map(({ lift }) => xml.slice(lift.start, lift.end));
    this.forParser = new LiftedText(xml, lifts);
    this.forValidator = new LiftedText(
      xml,
      lifts.filter(({ lift }) => lift.attribute),
    );
  }

  /**
   * The value the library would have read without the placeholders: lifts put back, trimmed (the library trimmed
   * around the placeholder, not the value), line ends normalised as the library does for the whole input.
   */
  restore(value: string): string {
    if (this.runs.length === 0 || value.indexOf(PLACEHOLDER_MARK) === -1) return value;
    const parts = value.split(PLACEHOLDER_MARK);
    // split gives text, index, text, index, ..., text: odd positions are lift numbers.
    let out = '';
    for (let k = 0; k < parts.length; k++) out += k % 2 === 0 ? parts[k]! : this.runAt(parts[k]!);
    return out.trim();
  }

  private runAt(index: string): string {
    const run = this.runs[Number(index)];
    if (run === undefined) throw new Error(`lost text run ${index}`);
    return run.indexOf('\r') === -1 ? run : run.replace(/\r\n?/g, '\n');
  }
}

// Terminal columns of text made only of characters whose width is plainly one column, without the Unicode
// machinery of the string-width package: its RGI_Emoji regular expression alone costs ~100 ms to build and
// compile at start-up. The bundle answers Ink's width questions here first (src/dev/string-width-shim.mjs) and
// asks string-width for everything else, so the answers are the same (test/tui/cell-width.test.ts checks every
// character listed below against string-width).

/**
 * Inclusive code point ranges, outside printable ASCII, that string-width counts as one column and that always
 * form a grapheme cluster of their own (no marks, joiners, emoji presentation, Hangul jamo, controls or wide CJK).
 * Derived from string-width 8.3 over Latin, Greek, Cyrillic, punctuation, arrows, maths, box drawing and symbols.
 */
const NARROW: readonly number[] = [
  0xa0, 0xac, 0xae, 0x2ff, 0x370, 0x482, 0x48a, 0x52f, 0x1e00, 0x1fff, 0x2010, 0x2029, 0x202f, 0x205f, 0x2070, 0x20cf,
  0x20f1, 0x2319, 0x231c, 0x2328, 0x232b, 0x23e8, 0x23ed, 0x23ef, 0x23f1, 0x23f2, 0x23f4, 0x25fc, 0x25ff, 0x2613,
  0x2616, 0x262f, 0x2638, 0x2647, 0x2654, 0x267e, 0x2680, 0x2689, 0x2690, 0x2692, 0x2694, 0x26a0, 0x26a2, 0x26a9,
  0x26ac, 0x26bc, 0x26bf, 0x26c3, 0x26c6, 0x26cd, 0x26cf, 0x26d3, 0x26d5, 0x26e9, 0x26eb, 0x26f1, 0x26f4, 0x26f4,
  0x26f6, 0x26f9, 0x26fb, 0x26fc, 0x26fe, 0x2704, 0x2706, 0x2709, 0x270c, 0x2727, 0x2729, 0x274b, 0x274d, 0x274d,
  0x274f, 0x2752, 0x2756, 0x2756, 0x2758, 0x2794, 0x2798, 0x27af, 0x27b1, 0x27be, 0x27c0, 0x2b1a, 0x2b1d, 0x2b4f,
  0x2b51, 0x2b54, 0x2b56, 0x2bff, 0xfffd, 0xfffd,
];

/** The ranges as [first, last] pairs (for the test that checks them). */
export function narrowRanges(): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < NARROW.length; i += 2) pairs.push([NARROW[i]!, NARROW[i + 1]!]);
  return pairs;
}

function isNarrow(code: number): boolean {
  // Binary search over the range starts.
  let lo = 0;
  let hi = NARROW.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (code < NARROW[mid * 2]!) hi = mid - 1;
    else if (code > NARROW[mid * 2 + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * The width in columns when every character is printable ASCII or in NARROW, between colour/style sequences
 * (ESC [ digits and semicolons m, which string-width strips and Ink puts around coloured text); otherwise
 * undefined (ask string-width).
 */
export function narrowTextWidth(text: string): number | undefined {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code <= 0x7e) width++;
    else if (code === 0x1b) {
      const end = styleSequenceEnd(text, i);
      if (end < 0) return undefined;
      i = end;
    } else if (isNarrow(code)) width++;
    else return undefined;
  }
  return width;
}

/** Index of the final `m` of an SGR sequence `ESC [ [0-9;]* m` starting at `at`, or -1 for anything else. */
function styleSequenceEnd(text: string, at: number): number {
  if (text.charCodeAt(at + 1) !== 0x5b) return -1;
  for (let j = at + 2; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code === 0x6d) return j;
    if (!((code >= 0x30 && code <= 0x39) || code === 0x3b)) return -1;
  }
  return -1;
}

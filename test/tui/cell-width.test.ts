// The bundle measures plain text with narrowTextWidth instead of string-width: the answers must be the same.
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { narrowRanges, narrowTextWidth } from '../../src/tui/cell-width.js';

const segmenter = new Intl.Segmenter();
const clusters = (text: string) => [...segmenter.segment(text)].length;

describe('narrowTextWidth', () => {
  it('every listed character is one column for string-width and a grapheme cluster of its own', () => {
    const wrong: string[] = [];
    for (const [first, last] of narrowRanges()) {
      for (let code = first; code <= last; code++) {
        const c = String.fromCharCode(code);
        if (stringWidth(c) !== 1 || stringWidth(`a${c}a`) !== 3 || clusters(`a${c}a`) !== 3 || clusters(c + c) !== 2) wrong.push(code.toString(16));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('measures the UI chrome and leaves marks, emoji, wide and control characters to string-width', () => {
    const chrome = '▸ kube-sbom ─ ✔ ✘ ← → ↑ ↓ … · ░ █ ◉ ○ ›';
    expect(narrowTextWidth(chrome)).toBe(chrome.length);
    expect(stringWidth(chrome)).toBe(chrome.length);
    expect(narrowTextWidth('')).toBe(0);
    for (const other of ['e\u0301', '✅', '⌚', '中', 'ｱ', '\t', 'a\nb', '\u200d', '\ufe0f', '\u00ad', '😀', '\u1100', '\u001b[31mx']) {
      expect(narrowTextWidth(other), JSON.stringify(other)).toBeUndefined();
    }
  });

  it('agrees with string-width on any mix of listed, ASCII and other characters', () => {
    const ranges = narrowRanges();
    const listed = fc.constantFrom(...ranges).chain(([a, b]) => fc.integer({ min: a, max: b }).map((c) => String.fromCharCode(c)));
    const others = fc.constantFrom('\u0301', '\u200d', '\ufe0f', '✅', '中', '\t', '\u1100', '\u1161', '😀', '🇩', '\u00ad', '\u20e3', 'ｱ', '\u0903');
    const ascii = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
    const text = fc.array(fc.oneof(listed, ascii, others), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (s) => {
        const width = narrowTextWidth(s);
        return width === undefined || width === stringWidth(s);
      }),
      { numRuns: 5000 },
    );
    fc.assert(fc.property(fc.array(fc.oneof(listed, ascii), { maxLength: 12 }).map((p) => p.join('')), (s) => narrowTextWidth(s) === stringWidth(s)), { numRuns: 5000 });
  });
});

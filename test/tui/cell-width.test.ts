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
    const coloured = '\u001b[1m\u001b[36mq\u001b[22m\u001b[90m quit ▸\u001b[39m\u001b[38;2;1;2;3m…\u001b[m';
    expect(narrowTextWidth(coloured)).toBe(9);
    expect(stringWidth(coloured)).toBe(9);
    for (const other of ['e\u0301', '✅', '⌚', '中', 'ｱ', '\t', 'a\nb', '\u200d', '\ufe0f', '\u00ad', '😀', '\u1100', '\u001b]8;;x\u0007x', '\u001b[31', '\u001b[?25lx', '\u009b31mx']) {
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
    // Colour and style sequences as Ink writes them are skipped like string-width does; other escapes go to it.
    const style = fc.array(fc.constantFrom('0', '1', '3', '9', ';', '38;2;', '255'), { maxLength: 6 }).map((p) => `\u001b[${p.join('')}m`);
    const otherEscape = fc.constantFrom('\u001b', '\u001b[', '\u001b[31', '\u001b[?25l', '\u001b]8;;u\u0007', '\u001b[1;2H', '\u001b7', '\u009b1m', '\u001b[3 m');
    const styled = fc.array(fc.oneof(listed, ascii, style), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(fc.property(styled, (s) => narrowTextWidth(s) === stringWidth(s)), { numRuns: 5000 });
    const mixed = fc.array(fc.oneof(listed, ascii, style, otherEscape, others), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(mixed, (s) => {
        const width = narrowTextWidth(s);
        return width === undefined || width === stringWidth(s);
      }),
      { numRuns: 5000 },
    );
  });
});

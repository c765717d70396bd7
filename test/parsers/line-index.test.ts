// lineIndex keeps checkpoints, not every line start (issue 19, item 5: a document of short lines cost 8 bytes a
// line); it must still give the line and column lineColumnAt counts, at every offset.
import { describe, expect, it } from 'vitest';
import { lineColumnAt, lineIndex } from '../../parsers/json-like/json-locator.js';

describe('lineIndex', () => {
  it.each([
    ['no newline', 'one line only'],
    ['empty lines', '\n\n\n'.repeat(100)],
    ['lines of every length around the sampling', Array.from({ length: 700 }, (_, i) => 'x'.repeat(i % 7)).join('\n')],
    ['CRLF and a trailing newline', 'a\r\nbb\r\n'.repeat(90)],
    ['one long line', 'y'.repeat(5000)],
    ['long and short lines mixed', Array.from({ length: 300 }, (_, i) => 'z'.repeat(i % 50 === 0 ? 3000 : i % 5)).join('\n')],
  ])('agrees with lineColumnAt at every offset: %s', (_label, text) => {
    const toPosition = lineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      const position = toPosition(offset);
      const expected = lineColumnAt(text, offset);
      if (position.line !== expected.line || position.column !== expected.column) expect.fail(`offset ${offset}: ${JSON.stringify(position)}`);
    }
  });

  it('answers many lookups in one long line without rescanning it (a 20 MB line, 20,000 lookups)', () => {
    const text = `${'q'.repeat(20 * 1024 * 1024)}\nlast`;
    const toPosition = lineIndex(text);
    const start = performance.now();
    for (let k = 0; k < 20_000; k++) expect(toPosition(text.length - 10 - k).line).toBe(1);
    expect(toPosition(text.length).line).toBe(2);
    // A scan from the line start per lookup would read 400 billion characters.
    expect(performance.now() - start).toBeLessThan(5000);
  });
});

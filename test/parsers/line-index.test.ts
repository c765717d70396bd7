// lineIndex keeps only every 64th line start (issue 19, item 5: a document of short lines cost 8 bytes a line);
// it must still give the line and column lineColumnAt counts, at every offset.
import { describe, expect, it } from 'vitest';
import { lineColumnAt, lineIndex } from '../../parsers/json-like/json-locator.js';

describe('lineIndex', () => {
  it.each([
    ['no newline', 'one line only'],
    ['empty lines', '\n\n\n'.repeat(100)],
    ['lines of every length around the sampling', Array.from({ length: 700 }, (_, i) => 'x'.repeat(i % 7)).join('\n')],
    ['CRLF and a trailing newline', 'a\r\nbb\r\n'.repeat(90)],
  ])('agrees with lineColumnAt at every offset: %s', (_label, text) => {
    const toPosition = lineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      const position = toPosition(offset);
      const expected = lineColumnAt(text, offset);
      if (position.line !== expected.line || position.column !== expected.column) expect.fail(`offset ${offset}: ${JSON.stringify(position)}`);
    }
  });
});

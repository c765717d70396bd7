// Counts shown in the UI read like toLocaleString('en-US') without loading ICU number formatting at start-up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/tui/text.js';

describe('formatCount', () => {
  it('groups thousands with commas', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(243)).toBe('243');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(100_000)).toBe('100,000');
    expect(formatCount(1_234_567)).toBe('1,234,567');
  });

  it('equals toLocaleString("en-US") for any whole number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (n) => formatCount(n) === n.toLocaleString('en-US')),
      { numRuns: 2000 },
    );
  });
});

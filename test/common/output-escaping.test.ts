// The terminal sanitiser and the JSON serialiser: controls and bidi shown escaped, values unchanged once parsed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJsonText } from '../../src/common/json-text.js';
import { sanitizeForTerminal, sanitizeLine } from '../../src/common/sanitize.js';
import { RAW_CONTROL } from '../helpers/hostile-sbom.js';

// Strings weighted towards the characters that matter here.
const risky = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u001b', '\u009b', '\u0085', '\u007f', '\r', '\n', '\t', '\u0007', '\u202e', '\u2066', '\u2069', '\u2028', '\u2029', '[', ']', '"', '\\'),
    fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
  ),
});

describe('sanitizeForTerminal', () => {
  it('shows bidi overrides and isolates escaped, so text cannot be reordered on screen', () => {
    expect(sanitizeForTerminal('abc\u202eevil\u202c \u2066x\u2069')).toBe('abc\\u202eevil\\u202c \\u2066x\\u2069');
  });

  it('removes escape sequences, shows CR and C1 escaped, keeps tab and newline', () => {
    expect(sanitizeForTerminal('a\u001b]52;c;ZXZpbA==\u0007b\u009b2Jc\rd\te\nf\u0085')).toBe('abc\\x0dd\te\nf\\x85');
    expect(sanitizeLine('a\tb\nc')).toBe('a b c');
  });

  it('leaves nothing raw, whatever the input', () => {
    fc.assert(fc.property(risky, (s) => !RAW_CONTROL.test(sanitizeForTerminal(s).replace(/[\t\n]/g, ''))));
  });
});

describe('toJsonText', () => {
  it('escapes DEL, C1, bidi and U+2028/2029 as \\uXXXX', () => {
    expect(toJsonText('\u007f\u009b\u202e\u2069\u2028', 0)).toBe('"\\u007f\\u009b\\u202e\\u2069\\u2028"\n');
  });

  it('is valid JSON, equal in value, with no raw control character', () => {
    fc.assert(
      fc.property(risky, (s) => {
        const text = toJsonText({ [s]: [s] });
        return !RAW_CONTROL.test(text.replace(/\n/g, '')) && JSON.stringify(JSON.parse(text)) === JSON.stringify({ [s]: [s] });
      }),
    );
  });
});

// The CSV and YAML writers: formulas neutralised (OWASP), controls escaped, YAML values unchanged once parsed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { csvField } from '../../src/export/csv.js';
import { toYamlText } from '../../src/export/yaml-text.js';
import { RAW_CONTROL } from '../helpers/hostile-sbom.js';

describe('csvField', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\n=1"`],
    ['\u001b[31m=cmd', "'=cmd"],
    ['a=1', 'a=1'],
  ])('%j is written %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('shows bidi controls escaped', () => {
    expect(csvField('a\u202eb')).toBe('a\\u202eb');
  });
});

describe('toYamlText', () => {
  it('escapes C1 and bidi even where the yaml library would write a plain scalar', () => {
    const text = toYamlText({ name: 'x\u202ey', csi: '\u009b2J', plain: 'ok' });
    expect(RAW_CONTROL.test(text)).toBe(false);
    expect(text).toContain('plain: ok');
    expect(parse(text)).toEqual({ name: 'x\u202ey', csi: '\u009b2J', plain: 'ok' });
  });

  it('round-trips any string with no raw control character in the text', () => {
    const risky = fc.string({
      unit: fc.oneof(
        fc.constantFrom('\u001b', '\u009b', '\u0085', '\u007f', '\r', '\u202e', '\u2066', '\u2028', '#', ':', '-', ' ', '"'),
        fc.string({ minLength: 1, maxLength: 1 }),
      ),
    });
    fc.assert(
      fc.property(risky, (s) => {
        const text = toYamlText({ value: s, list: [s] });
        return !RAW_CONTROL.test(text.replace(/\n/g, '')) && JSON.stringify(parse(text)) === JSON.stringify({ value: s, list: [s] });
      }),
    );
  });
});

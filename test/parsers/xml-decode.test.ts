// decodeXmlText decodes references in a loop that joins pieces in batches (issue 19, item 5); it must give what
// one regular-expression replace gave, across batch boundaries and for references it leaves as written.
import { describe, expect, it } from 'vitest';
import { decodeXmlText } from '../../parsers/xml-safety.js';

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const byReplace = (value: string) =>
  value.replace(/&(lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/g, (whole, name: string) => {
    if (name[0] !== '#') return PREDEFINED[name]!;
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });

describe('decodeXmlText', () => {
  it.each([
    ['no reference', 'plain text'],
    ['the five entities', 'a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;'],
    ['edge cases', '&&amp;&amp &amp;;&#;&#x;&#65;&#x1F600;&#X41;&#1114111;&#1114112;&#99999999;&#x110000;&unknown;&'],
    ['10,000 references (several batches)', '&#x41;'.repeat(10_000)],
    ['5,000 references between text', `${'x&lt;'.repeat(5000)}tail &`],
  ])('matches a single replace: %s', (_label, value) => {
    expect(decodeXmlText(value)).toBe(byReplace(value));
  });
});

// Checks every XML text passes before fast-xml-parser sees it: no DTD entity declarations (entity expansion is off,
// and a document that needs it is refused rather than read wrongly), and well-formedness with line and column.
import { XMLValidator } from 'fast-xml-parser';
import type { DiagnosticSink } from './diagnostics.js';
import { lineColumnAt } from './json-like/json-locator.js';
import { PLACEHOLDER_MARK, XmlTextRuns } from './xml-text-runs.js';

/** Options every SPDX XML read uses: no entity expansion, no attribute or value guessing beyond what is asked. */
export function safeXmlOptions(runs: XmlTextRuns) {
  return {
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    maxNestedTags: 200,
    tagValueProcessor: (_name: string, value: string) => decodeXmlText(runs.restore(value)),
    attributeValueProcessor: (_name: string, value: string) => decodeXmlText(runs.restore(value)),
  } as const;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/y;
// Decoded pieces are joined this many at a time: one array entry per reference would cost more than the text.
const PIECES_PER_JOIN = 4096;

/**
 * Decodes the five predefined XML entities and character references (`&#60;`, `&#x3C;`); they are part of XML
 * itself, not DTD entities, so decoding them expands nothing. Anything else (`&foo;`) stays as written.
 */
export function decodeXmlText(value: string): string {
  let amp = value.indexOf('&');
  if (amp === -1) return value;
  let result = '';
  const pieces: string[] = [];
  let copied = 0;
  while (amp !== -1) {
    REFERENCE.lastIndex = amp;
    const match = REFERENCE.exec(value);
    if (match) {
      pieces.push(value.slice(copied, amp), referenced(match[0], match[1]!));
      copied = amp + match[0].length;
      if (pieces.length >= PIECES_PER_JOIN) {
        result += pieces.join('');
        pieces.length = 0;
      }
    }
    amp = value.indexOf('&', match ? copied : amp + 1);
  }
  return result + pieces.join('') + value.slice(copied);
}

function referenced(whole: string, name: string): string {
  if (name[0] !== '#') return PREDEFINED[name]!;
  const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}

/** The text's lifted values when it may be parsed; otherwise undefined, with the reason in the sink. */
export function checkXml(text: string, sink: DiagnosticSink, prefix: 'XML' | 'RDF'): XmlTextRuns | undefined {
  const doctype = text.indexOf('<!DOCTYPE');
  if (doctype !== -1) {
    const entity = text.indexOf('<!ENTITY', doctype);
    if (entity !== -1) {
      sink.error(
        `${prefix}_DTD_ENTITIES`,
        'the document declares DTD entities (<!ENTITY ...>); entity expansion is off for safety, so it is not read',
        lineColumnAt(text, entity),
      );
      return undefined;
    }
  }
  const mark = text.indexOf(PLACEHOLDER_MARK);
  if (mark !== -1) {
    sink.error(`${prefix}_SYNTAX`, 'malformed XML: U+FFFF is not a character XML allows', lineColumnAt(text, mark));
    return undefined;
  }
  const runs = new XmlTextRuns(text);
  const checked = runs.forValidator;
  const result = XMLValidator.validate(checked.text, { allowBooleanAttributes: true });
  if (result !== true) {
    const where = { line: result.err.line, column: result.err.col };
    sink.error(
      `${prefix}_SYNTAX`,
      `malformed XML: ${result.err.msg}`,
      checked.lifted ? lineColumnAt(text, checked.originalOffset(offsetOf(checked.text, where))) : where,
    );
    return undefined;
  }
  return runs;
}

/** The offset of a 1-based line and column. */
function offsetOf(text: string, where: { line: number; column: number }): number {
  let start = 0;
  for (let line = 1; line < where.line; line++) start = text.indexOf('\n', start) + 1;
  return start + where.column - 1;
}

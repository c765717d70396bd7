// License expressions: kept as written, parsed with spdx-expression-parse (after the case and whitespace
// normalisation the spec allows); an unparseable one keeps its text and has no `parsed`.
import { createRequire } from 'node:module';
import { NOASSERTION, NONE, type LicenseExpression, type LicenseNode, type Spdx } from './model.js';

const require = createRequire(import.meta.url);
type RawNode = { license: string; plus?: boolean; exception?: string } | { left: RawNode; conjunction: 'and' | 'or'; right: RawNode };
const parseRaw = require('spdx-expression-parse') as (text: string) => RawNode;
const knownIds: string[] = [...require('spdx-license-ids'), ...require('spdx-license-ids/deprecated')];
const knownExceptions: string[] = require('spdx-exceptions');

// License and exception ids match case-insensitively in SPDX; the parser library only knows the canonical case.
const canonicalId = new Map<string, string>([...knownIds, ...knownExceptions].map((id) => [id.toLowerCase(), id]));

function canonicalise(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[A-Za-z0-9.+-]+/g, (word) => {
      const lower = word.toLowerCase();
      if (lower === 'and' || lower === 'or' || lower === 'with') return word.toUpperCase();
      const plus = lower.endsWith('+') ? '+' : '';
      return (canonicalId.get(plus ? lower.slice(0, -1) : lower) ?? word.slice(0, word.length - plus.length)) + plus;
    });
}

function toNode(raw: RawNode): LicenseNode {
  if ('conjunction' in raw) return { type: raw.conjunction, left: toNode(raw.left), right: toNode(raw.right) };
  const ref = /^(?:DocumentRef-([A-Za-z0-9.-]+):)?(LicenseRef-[A-Za-z0-9.-]+)$/.exec(raw.license);
  if (ref) return ref[1] ? { type: 'licenseRef', id: ref[2]!, documentRef: `DocumentRef-${ref[1]}` } : { type: 'licenseRef', id: ref[2]! };
  const node: LicenseNode = { type: 'license', id: raw.license };
  if (raw.plus) node.orLater = true;
  if (raw.exception) node.exception = raw.exception;
  return node;
}

/** Parses an expression; `parsed` is absent when the text is not a valid SPDX license expression. */
export function parseLicenseExpression(text: string): LicenseExpression {
  const trimmed = text.trim();
  try {
    return { text: trimmed, parsed: toNode(parseRaw(trimmed)) };
  } catch {
    try {
      return { text: trimmed, parsed: toNode(parseRaw(canonicalise(trimmed))) };
    } catch {
      return { text: trimmed };
    }
  }
}

/** A license field's value: NONE, NOASSERTION, or an expression. */
export function licenseFieldValue(text: string): Spdx<LicenseExpression> {
  const trimmed = text.trim();
  if (trimmed === 'NONE') return NONE;
  if (trimmed === 'NOASSERTION') return NOASSERTION;
  return parseLicenseExpression(trimmed);
}

/** The expression's text form, normalised for comparison across formats (single spaces, no outer blanks). */
export function licenseText(value: Spdx<LicenseExpression> | undefined): string | undefined {
  if (value === undefined) return undefined;
  return 'kind' in value ? value.kind : value.text.replace(/\s+/g, ' ');
}

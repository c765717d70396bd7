// Parses `kube-sbom query` expressions: field:value terms joined by spaces or AND, each error with its column.
import { usageError } from '../common/errors.js';
import { compileGlob, type Glob } from '../common/glob.js';

export type QueryTerm =
  | { field: 'name'; regex: RegExp; source: string; column: number }
  | { field: 'purl'; pattern: Glob; source: string; column: number }
  | { field: 'type'; kind: 'package' | 'file' | 'snippet'; source: string; column: number }
  | { field: 'rel'; relationshipType: string; source: string; column: number }
  | { field: 'depth'; hops: number; source: string; column: number }
  | { field: 'checksum'; algorithm?: string; hexPrefix: string; source: string; column: number }
  | { field: 'license'; pattern: Glob; source: string; column: number };

export const QUERY_FIELDS = ['name', 'purl', 'type', 'rel', 'depth', 'checksum', 'license'] as const;

interface Token {
  text: string;
  column: number;
}

function fail(expression: string, column: number, why: string): never {
  throw usageError('QUERY_SYNTAX', `query "${expression}": ${why} at column ${column}`);
}

/** Splits on whitespace outside double quotes; quotes are removed, `\"` keeps a quote. */
function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    if (/\s/.test(expression[i]!)) {
      i++;
      continue;
    }
    const column = i + 1;
    let text = '';
    let quoted = false;
    let quoteStart = 0;
    while (i < expression.length && (quoted || !/\s/.test(expression[i]!))) {
      const ch = expression[i]!;
      if (ch === '"') {
        quoted = !quoted;
        quoteStart = i + 1;
      } else if (ch === '\\' && quoted && expression[i + 1] === '"') {
        text += '"';
        i++;
      } else text += ch;
      i++;
    }
    if (quoted) fail(expression, quoteStart, 'unterminated double quote');
    tokens.push({ text, column });
  }
  return tokens;
}

export function parseQuery(expression: string): QueryTerm[] {
  const tokens = tokenize(expression);
  if (tokens.length === 0) fail(expression, 1, 'empty expression; expected field:value, e.g. name:kube-apiserver');
  const terms: QueryTerm[] = [];
  let expectTerm = true;
  for (const token of tokens) {
    if (token.text.toUpperCase() === 'AND') {
      if (expectTerm) fail(expression, token.column, 'AND must stand between two terms');
      expectTerm = true;
      continue;
    }
    terms.push(parseTerm(expression, token));
    expectTerm = false;
  }
  if (expectTerm) fail(expression, tokens[tokens.length - 1]!.column, 'AND must be followed by a term');
  return terms;
}

function parseTerm(expression: string, token: Token): QueryTerm {
  const colon = token.text.indexOf(':');
  if (colon <= 0) fail(expression, token.column, `expected field:value, got "${token.text}" (fields: ${QUERY_FIELDS.join(', ')})`);
  const field = token.text.slice(0, colon).toLowerCase();
  const value = token.text.slice(colon + 1);
  const valueColumn = token.column + colon + 1;
  const base = { source: token.text, column: token.column };
  if (value === '') fail(expression, valueColumn, `${field}: needs a value`);
  switch (field) {
    case 'name':
      try {
        return { field, regex: new RegExp(value, 'u'), ...base };
      } catch (err) {
        return fail(expression, valueColumn, `name: invalid regular expression (${(err as Error).message})`);
      }
    case 'purl':
      if (!value.startsWith('pkg:') && !value.startsWith('*')) fail(expression, valueColumn, 'purl: a package URL starts with pkg: (use * as a wildcard)');
      return { field, pattern: compileGlob(value), ...base };
    case 'type': {
      const kind = value.toLowerCase();
      if (kind !== 'package' && kind !== 'file' && kind !== 'snippet') fail(expression, valueColumn, `type: expected package, file or snippet, got "${value}"`);
      return { field, kind, ...base };
    }
    case 'rel':
      if (!/^[A-Za-z][A-Za-z_-]*$/.test(value)) fail(expression, valueColumn, `rel: "${value}" is not a relationship type (e.g. CONTAINS, DEPENDS_ON)`);
      return { field, relationshipType: value.toUpperCase().replace(/-/g, '_'), ...base };
    case 'depth': {
      if (!/^\d{1,6}$/.test(value)) fail(expression, valueColumn, `depth: expected a whole number of hops, got "${value}"`);
      return { field, hops: Number(value), ...base };
    }
    case 'checksum': {
      const match = /^(?:([A-Za-z0-9-]+):)?([0-9a-fA-F]+)$/.exec(value);
      if (!match) fail(expression, valueColumn, `checksum: expected hex digits (optionally ALGORITHM:hex), got "${value}"`);
      return { field, ...(match[1] ? { algorithm: match[1].toUpperCase() } : {}), hexPrefix: match[2]!.toLowerCase(), ...base };
    }
    case 'license':
      if (!/^[A-Za-z0-9.+:*-]+$/.test(value))
        fail(
          expression,
          valueColumn,
          `license: expected a license id such as MIT, Apache-2.0, GPL-2.0-or-later or LicenseRef-x (* is a wildcard), got "${value}"`,
        );
      // SPDX license ids are case-insensitive.
      return { field, pattern: compileGlob(value.toLowerCase()), ...base };
    default:
      return fail(expression, token.column, `unknown field "${field}" (fields: ${QUERY_FIELDS.join(', ')})`);
  }
}

// Query results as text (tab-separated, one element per line), JSON or CSV. Pure: elements in, string out.
import type { Element } from '../../parsers/model.js';
import { toJsonText } from '../common/json-text.js';
import { sanitizeLine } from '../common/sanitize.js';
import { elementField, type ElementField } from '../sbom/element-fields.js';
import { toCsv } from './csv.js';

export const QUERY_OUTPUT_FORMATS = ['text', 'json', 'csv'] as const;
export type QueryOutputFormat = (typeof QUERY_OUTPUT_FORMATS)[number];

export function renderQueryResults(format: QueryOutputFormat, elements: readonly Element[], fields: readonly ElementField[], expression: string): string {
  const rows = elements.map((e) => fields.map((f) => elementField(e, f)));
  switch (format) {
    case 'text':
      return rows.map((row) => `${row.map((cell) => sanitizeLine(cell)).join('\t')}\n`).join('');
    case 'csv':
      return toCsv(fields, rows);
    case 'json': {
      const results = rows.map((row) => Object.fromEntries(fields.map((f, i) => [f, row[i]!])));
      return toJsonText({ query: expression, count: results.length, fields, results });
    }
  }
}

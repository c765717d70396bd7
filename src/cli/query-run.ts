// `kube-sbom query` at run time: parse the expression and the fields first (usage errors before any reading),
// then load the document and print the matching elements.
import type { SbomFormat } from '../../parsers/model.js';
import { usageError } from '../common/errors.js';
import { renderQueryResults } from '../export/query-results.js';
import { DocumentIndex } from '../sbom/document-index.js';
import { DEFAULT_FIELDS, ELEMENT_FIELDS, parseFieldList } from '../sbom/element-fields.js';
import { runQuery as matchQuery } from '../sbom/query.js';
import { parseQuery } from '../sbom/query-parse.js';
import { RelationshipGraph } from '../sbom/relationship-graph.js';
import { writeSerialized, writeText } from './output.js';
import { loadSbomFile } from './sbom-input.js';
import { wantsJson } from './shared-options.js';

export interface QueryOptions {
  format: 'text' | 'json' | 'csv';
  fields?: string;
  json?: boolean;
  maxSize: string;
  inputFormat?: SbomFormat;
}

export async function runQuery(file: string, expression: string, options: QueryOptions): Promise<number> {
  const terms = parseQuery(expression);
  let fields = [...DEFAULT_FIELDS];
  if (options.fields !== undefined) {
    const parsed = parseFieldList(options.fields);
    if (parsed.unknown.length > 0 || parsed.fields.length === 0) {
      throw usageError('OPTION_INVALID', `--fields: unknown ${parsed.unknown.join(', ') || '(empty list)'}; choose from ${ELEMENT_FIELDS.join(', ')}`);
    }
    fields = parsed.fields;
  }
  const { result } = await loadSbomFile(file, { maxSize: options.maxSize, ...(options.inputFormat ? { format: options.inputFormat } : {}) });
  const index = new DocumentIndex(result.document);
  const matches = matchQuery(terms, index, new RelationshipGraph(index));
  const format = wantsJson(options) ? 'json' : options.format;
  const rendered = renderQueryResults(format, matches, fields, expression);
  if (format === 'text') writeText(rendered);
  else writeSerialized(rendered);
  return 0;
}

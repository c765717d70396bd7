// `kube-sbom query FILE EXPR [--format text|json|csv] [--fields a,b]`: the elements matching every term.
import { Option, type Command } from 'commander';
import { usageError } from '../../common/errors.js';
import { runAction } from '../run-action.js';

interface QueryOptions {
  format: 'text' | 'json' | 'csv';
  fields?: string;
  json?: boolean;
  maxSize: string;
  inputFormat?: string;
}

export function registerQuery(program: Command): void {
  program
    .command('query')
    .description('list the elements of an SPDX document that match an expression')
    .argument('<file>', 'the SPDX document (tag-value, JSON, YAML, XML or RDF/XML)')
    .argument('<expr>', 'terms joined by spaces or AND, e.g. "type:package name:^kube-"')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
    .option('--json', 'same as --format json')
    .option(
      '--fields <list>',
      'columns, comma-separated (default type,spdxId,name,version); also purl, checksums, fileName, downloadLocation, licenseConcluded, line',
    )
    .option('--max-size <size>', 'refuse larger files (e.g. 100MB, 1GiB)', '512MiB')
    .addOption(new Option('--input-format <format>', 'skip detection and read as this format').choices(['tag-value', 'json', 'yaml', 'xml', 'rdf-xml']))
    .addHelpText(
      'after',
      `
Terms (all must hold):
  name:REGEX          the name matches the regular expression (unanchored; use ^ and $), quote to use spaces
  purl:PURL           a package URL matches; * is a wildcard, e.g. purl:pkg:oci/*arch=amd64*
  type:KIND           package, file or snippet
  rel:TYPE            the element takes part in a relationship of this type (either side), e.g. rel:CONTAINS
  depth:N             within N relationships below what the document DESCRIBES (0 = the described elements)
  checksum:HEX        any checksum starts with HEX (any algorithm), or checksum:SHA256:HEX for one algorithm
Results are sorted (packages, files, snippets; then SPDXID), so every format of a document prints the same.

Exit codes: 0 printed (also when nothing matched); 1 no document could be read; 2 bad expression or option
(the message gives the column); 3 cannot read the file.

Examples:
  kube-sbom query release.spdx 'type:package name:\\.tar$'
  kube-sbom query release.spdx 'rel:CONTAINS AND depth:0' --fields spdxId,name,checksums --format csv
  kube-sbom query image.spdx.json 'purl:pkg:oci/*' --fields spdxId,purl --json | jq -r '.results[].purl'`,
    )
    .action((file: string, expr: string, options: QueryOptions) => runAction(() => runQuery(file, expr, options)));
}

async function runQuery(file: string, expression: string, options: QueryOptions): Promise<number> {
  const { parseQuery } = await import('../../sbom/query-parse.js');
  const { DEFAULT_FIELDS, parseFieldList } = await import('../../sbom/element-fields.js');
  const terms = parseQuery(expression);
  let fields = [...DEFAULT_FIELDS];
  if (options.fields !== undefined) {
    const parsed = parseFieldList(options.fields);
    if (parsed.unknown.length > 0 || parsed.fields.length === 0) {
      const { ELEMENT_FIELDS } = await import('../../sbom/element-fields.js');
      throw usageError('OPTION_INVALID', `--fields: unknown ${parsed.unknown.join(', ') || '(empty list)'}; choose from ${ELEMENT_FIELDS.join(', ')}`);
    }
    fields = parsed.fields;
  }
  const { loadSbomFile } = await import('../sbom-input.js');
  const { DocumentIndex } = await import('../../sbom/document-index.js');
  const { RelationshipGraph } = await import('../../sbom/relationship-graph.js');
  const { runQuery: run } = await import('../../sbom/query.js');
  const { renderQueryResults } = await import('../../export/query-results.js');
  const { result } = await loadSbomFile(file, { maxSize: options.maxSize, format: options.inputFormat as never });
  const index = new DocumentIndex(result.document);
  const matches = run(terms, index, new RelationshipGraph(index));
  const { writeStdout } = await import('../stdout.js');
  writeStdout(renderQueryResults(options.json ? 'json' : options.format, matches, fields, expression));
  return 0;
}

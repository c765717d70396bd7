// `kube-sbom query FILE EXPR [--format text|json|csv] [--fields a,b]`: the elements matching every term.
import type { Command } from 'commander';
import type { QueryOptions } from '../query-run.js';
import { runAction } from '../run-action.js';
import { addSharedOptions } from '../shared-options.js';

export function registerQuery(program: Command): void {
  const cmd = program
    .command('query')
    .description('list the elements of a document (SPDX 2, SPDX 3 or CycloneDX) that match an expression')
    .argument('<file>', 'the SBOM: SPDX 2 (tag-value, JSON, YAML, XML, RDF/XML), SPDX 3 JSON-LD or CycloneDX (JSON, XML); or an http(s) URL')
    .argument('<expr>', 'terms joined by spaces or AND, e.g. "type:package name:^kube-"')
    .option(
      '--fields <list>',
      'columns, comma-separated (default type,spdxId,name,version); also purl, checksums, fileName, downloadLocation, licenseConcluded, licenseDeclared, line',
    )
    .option('--max-size <size>', 'refuse larger files (e.g. 100MB, 1GiB)', '512MiB');
  addSharedOptions(cmd, { inputFormat: true, output: { formats: ['text', 'json', 'csv'], default: 'text' } })
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
  license:ID          a concluded, declared or found license names ID (case-insensitive; * is a wildcard, e.g.
                      license:GPL-*; also NOASSERTION, NONE and LicenseRef-...)
Results are sorted (packages, files, snippets; then SPDXID), so every format of a document prints the same.

Exit codes: 0 printed (also when nothing matched); 1 no document could be read; 2 bad expression or option
(the message gives the column); 3 cannot read the file.

Examples:
  kube-sbom query release.spdx 'type:package name:\\.tar$'
  kube-sbom query release.spdx 'rel:CONTAINS AND depth:0' --fields spdxId,name,checksums --format csv
  kube-sbom query image.spdx.json 'purl:pkg:oci/*' --fields spdxId,purl --json | jq -r '.results[].purl'`,
    )
    .action((file: string, expr: string, options: QueryOptions) => runAction(async () => (await import('../query-run.js')).runQuery(file, expr, options)));
}

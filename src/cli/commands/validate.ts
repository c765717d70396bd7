// `kube-sbom validate FILE [--json]`: apply the SPDX 2.x spec strictly; exit 1 when the document has errors.
import { Option, type Command } from 'commander';
import { runAction } from '../run-action.js';

interface ValidateOptions {
  json?: boolean;
  strictWarnings?: boolean;
  maxSize: string;
  format?: string;
  spdxVersion?: string;
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description(
      'check an SPDX 2.2/2.3 document against the spec: required fields, SPDXIDs, relationship targets, checksums, license expressions, version-specific fields',
    )
    .argument('<file>', 'the SPDX document (tag-value, JSON, YAML, XML or RDF/XML)')
    .option('--json', 'print one JSON document {valid, format, spdxVersion, diagnostics} on stdout')
    .option('--strict-warnings', 'fail (exit 1) on warnings too')
    .option('--spdx-version <version>', 'judge the document by this version (e.g. SPDX-2.3) instead of the one it declares')
    .option('--max-size <size>', 'refuse larger files (e.g. 100MB, 1GiB)', '512MiB')
    .addOption(new Option('--format <format>', 'skip detection and read as this format').choices(['tag-value', 'json', 'yaml', 'xml', 'rdf-xml']))
    .addHelpText(
      'after',
      `
Each problem is one line: FILE:LINE:COLUMN: severity CODE message (at field.path), then a summary line.
Exit codes: 0 valid (warnings allowed unless --strict-warnings); 1 invalid; 2 usage; 3 cannot read the file.

Examples:
  kube-sbom validate kubernetes-v1.25.4-release.spdx
  kube-sbom validate sbom.spdx.json --json | jq '.diagnostics[] | select(.severity == "error")'
  kube-sbom validate sbom.spdx --strict-warnings        # CI gate: no warnings either
  kube-sbom validate old.spdx.json --spdx-version SPDX-2.3`,
    )
    .action((file: string, options: ValidateOptions) => runAction(() => validate(file, options)));
}

async function validate(file: string, options: ValidateOptions): Promise<number> {
  if (options.spdxVersion !== undefined && !/^SPDX-2\.[0-3]$/.test(options.spdxVersion)) {
    const { usageError } = await import('../../common/errors.js');
    throw usageError('BAD_SPDX_VERSION', `--spdx-version ${JSON.stringify(options.spdxVersion)} is not an SPDX 2.x version; use SPDX-2.2 or SPDX-2.3`);
  }
  const { readSbomFile, parseSize } = await import('../read-sbom-file.js');
  const maxBytes = parseSize(options.maxSize);
  const bytes = await readSbomFile(file, maxBytes);
  const { parseSbom } = await import('../../../parsers/index.js');
  const { locateDiagnostics, mergeDiagnostics, strictParseDiagnostics, validateDocument } = await import('../../sbom/validate.js');
  const { buildValidateReport, renderValidateText } = await import('../validate-report.js');

  const result = parseSbom(bytes, { fileName: file, maxBytes, format: options.format as never });
  const version = options.spdxVersion ?? result.document.spdxVersion;
  // A document that could not be read at all is judged by its read errors alone, not by a pile of "missing" ones.
  const readable = result.format !== undefined && !result.diagnostics.some((d) => NOT_A_DOCUMENT.has(d.code));
  let diagnostics = result.diagnostics;
  if (readable) {
    const validated = validateDocument(result.document, version);
    diagnostics = mergeDiagnostics(strictParseDiagnostics(result.diagnostics), locateDiagnostics(validated, await locatorFor(bytes, result.format)));
  }
  const report = buildValidateReport(result.format, version, diagnostics, options.strictWarnings === true);
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderValidateText(file, report));
  return report.valid ? 0 : 1;
}

/** Field-path positions for JSON, YAML and XML (their model elements carry no field-level positions). */
async function locatorFor(bytes: Uint8Array, format: string | undefined) {
  if (format !== 'json' && format !== 'yaml' && format !== 'xml') return undefined;
  const { decodeInput } = await import('../../../parsers/detect.js');
  const { sourceLocator } = await import('../../../parsers/locate.js');
  const text = decodeInput(bytes).text;
  return text === undefined ? undefined : sourceLocator(format, text);
}

/** Codes that mean there is no SPDX 2.x document to validate. */
const NOT_A_DOCUMENT = new Set([
  'EMPTY_INPUT',
  'BINARY_CONTENT',
  'UNKNOWN_FORMAT',
  'INPUT_TOO_LARGE',
  'INVALID_ENCODING',
  'INTERNAL_PARSER_ERROR',
  'JSON_SYNTAX',
  'XML_SYNTAX',
  'RDF_SYNTAX',
  'XML_DTD_ENTITIES',
  'RDF_DTD_ENTITIES',
  'XML_NO_DOCUMENT',
  'RDF_NO_DOCUMENT',
  'SPDX3_UNSUPPORTED',
  'NOT_SPDX_DOCUMENT',
  'JSON_NOT_AN_OBJECT',
  'YAML_NOT_AN_OBJECT',
  'XML_NOT_AN_OBJECT',
  'YAML_ALIAS_LIMIT',
]);

// `kube-sbom validate` at run time: parse, apply the spec strictly, print one line per problem or one JSON document.
import { decodeInput } from '../../parsers/detect.js';
import { parseSbom } from '../../parsers/index.js';
import { sourceLocator } from '../../parsers/locate.js';
import type { SbomFormat } from '../../parsers/model.js';
import { readDocumentBytes } from '../app/read-file.js';
import { withLocalDocument } from './document-source.js';
import { usageError } from '../common/errors.js';
import { locateDiagnostics, mergeDiagnostics, strictParseDiagnostics, validateDocument } from '../sbom/validate.js';
import { writeJson, writeText } from './output.js';
import { wantsJson } from './shared-options.js';
import { parseSize } from './size-option.js';
import { buildValidateReport, renderValidateText } from './validate-report.js';

export interface ValidateOptions {
  json?: boolean;
  format: 'text' | 'json';
  strictWarnings?: boolean;
  maxSize: string;
  inputFormat?: SbomFormat;
  spdxVersion?: string;
}

export async function runValidate(file: string, options: ValidateOptions): Promise<number> {
  if (options.spdxVersion !== undefined && !/^SPDX-2\.[0-3]$/.test(options.spdxVersion)) {
    throw usageError('BAD_SPDX_VERSION', `--spdx-version ${JSON.stringify(options.spdxVersion)} is not an SPDX 2.x version; use SPDX-2.2 or SPDX-2.3`);
  }
  const maxBytes = parseSize(options.maxSize);
  const bytes = await withLocalDocument(file, maxBytes, (path) => readDocumentBytes(path, maxBytes));
  const result = parseSbom(bytes, { fileName: file, maxBytes, ...(options.inputFormat ? { format: options.inputFormat } : {}) });
  const version = options.spdxVersion ?? result.document.spdxVersion;
  // A document that could not be read at all is judged by its read errors alone, not by a pile of "missing" ones;
  // one that was read, even with bytes replaced, is validated in full.
  const readable = result.format !== undefined && !result.diagnostics.some((d) => NOT_A_DOCUMENT.has(d.code));
  let diagnostics = result.diagnostics;
  if (readable) {
    const validated = validateDocument(result.document, version);
    diagnostics = mergeDiagnostics(strictParseDiagnostics(result.diagnostics), locateDiagnostics(validated, locatorFor(bytes, result.format)));
  }
  const report = buildValidateReport(result.format, version, diagnostics, options.strictWarnings === true);
  if (wantsJson(options)) writeJson(report);
  else writeText(renderValidateText(file, report));
  return report.valid ? 0 : 1;
}

/** Field-path positions for JSON, YAML and XML (their model elements carry no field-level positions). */
function locatorFor(bytes: Uint8Array, format: string | undefined) {
  // CycloneDX and SPDX 3 validation diagnostics carry the element's position instead of a field path.
  if (format !== 'json' && format !== 'yaml' && format !== 'xml') return undefined;
  const text = decodeInput(bytes).text;
  return text === undefined ? undefined : sourceLocator(format, text);
}

/** Codes that mean there is no SPDX 2.x document to validate. */
const NOT_A_DOCUMENT = new Set([
  'EMPTY_INPUT',
  'BINARY_CONTENT',
  'UNKNOWN_FORMAT',
  'INPUT_TOO_LARGE',
  'INTERNAL_PARSER_ERROR',
  'JSON_SYNTAX',
  'XML_SYNTAX',
  'RDF_SYNTAX',
  'XML_DTD_ENTITIES',
  'RDF_DTD_ENTITIES',
  'XML_NO_DOCUMENT',
  'RDF_NO_DOCUMENT',
  'SPDX3_UNSUPPORTED',
  'SPDX3_NO_GRAPH',
  'NOT_SPDX_DOCUMENT',
  'JSON_NOT_AN_OBJECT',
  'YAML_NOT_AN_OBJECT',
  'XML_NOT_AN_OBJECT',
  'YAML_ALIAS_LIMIT',
]);

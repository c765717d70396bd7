// `kube-sbom inspect` at run time: read the file once, parse it in any format, print the report.
import { formatDiagnostic } from '../../parsers/diagnostics.js';
import { countElements } from '../../parsers/counts.js';
import { parseSbomLazily } from '../../parsers/lazy.js';
import type { SbomFormat } from '../../parsers/model.js';
import { readDocumentInput } from '../app/read-file.js';
import { withLocalDocument } from './document-source.js';
import { isEmptyDocument } from '../sbom/is-empty.js';
import { buildInspectReport, renderInspectText } from './inspect-report.js';
import { writeErrorLine, writeJson, writeText } from './output.js';
import { wantsJson } from './shared-options.js';
import { parseSize } from './size-option.js';

export interface InspectOptions {
  json?: boolean;
  format: 'text' | 'json';
  maxSize: string;
  inputFormat?: SbomFormat;
}

export async function runInspect(file: string, options: InspectOptions): Promise<number> {
  const maxBytes = parseSize(options.maxSize);
  // The input goes straight in, so nothing here keeps a second copy alive while the document is parsed.
  const result = await parseSbomLazily(await withLocalDocument(file, maxBytes, (path) => readDocumentInput(path, maxBytes)), {
    fileName: file,
    maxBytes,
    ...(options.inputFormat ? { format: options.inputFormat } : {}),
  });
  const report = buildInspectReport(file, result, countElements(result.document));
  const failed = report.summary.errors > 0;
  if (wantsJson(options)) {
    writeJson(report);
  } else if (failed && isEmptyDocument(result.document)) {
    // Not a document at all (empty, binary, unknown format, refused): the errors are the whole answer, and when
    // one of them says it is not SPDX, that verdict alone, not the syntax errors of reading it as YAML or JSON first.
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const verdict = errors.find((d) => d.code === 'NOT_SPDX_DOCUMENT');
    if (verdict) {
      const others = errors.length - 1;
      const read = result.format ? `read as ${result.format}` : 'read';
      writeErrorLine(`${formatDiagnostic(verdict, file)}${others > 0 ? ` (${read}, with ${others} more error(s): --json lists them)` : ''}`);
    } else {
      for (const d of errors) writeErrorLine(formatDiagnostic(d, file));
    }
  } else {
    writeText(renderInspectText(report, result.diagnostics));
  }
  return failed ? 1 : 0;
}

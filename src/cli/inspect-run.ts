// `kube-sbom inspect` at run time: read the file once, parse it in any format, print the report.
import { formatDiagnostic } from '../../parsers/diagnostics.js';
import { countElements } from '../../parsers/counts.js';
import { parseSbomLazily } from '../../parsers/lazy.js';
import type { SbomFormat } from '../../parsers/model.js';
import { readDocumentInput } from '../app/read-file.js';
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
  const result = await parseSbomLazily(await readDocumentInput(file, maxBytes), {
    fileName: file,
    maxBytes,
    ...(options.inputFormat ? { format: options.inputFormat } : {}),
  });
  const report = buildInspectReport(file, result, countElements(result.document));
  const failed = report.summary.errors > 0;
  if (wantsJson(options)) {
    writeJson(report);
  } else if (failed && isEmptyDocument(result.document)) {
    // Not a document at all (empty, binary, unknown format, refused): the errors are the whole answer.
    for (const d of result.diagnostics) {
      if (d.severity === 'error') writeErrorLine(formatDiagnostic(d, file));
    }
  } else {
    writeText(renderInspectText(report, result.diagnostics));
  }
  return failed ? 1 : 0;
}

// `kube-sbom inspect FILE [--json]`: parse any SPDX document and show format, version, counts and diagnostics.
import type { Command } from 'commander';
import type { SbomFormat } from '../../../parsers/model.js';
import { runAction } from '../run-action.js';
import { addSharedOptions, wantsJson } from '../shared-options.js';

interface InspectOptions {
  json?: boolean;
  format: 'text' | 'json';
  maxSize: string;
  inputFormat?: SbomFormat;
}

export function registerInspect(program: Command): void {
  const cmd = program
    .command('inspect')
    .description('parse any SPDX 2.2/2.3 document (tag-value, JSON, YAML, XML, RDF/XML): format, version, counts, diagnostics')
    .argument('<file>', 'the SPDX document')
    .option('--max-size <size>', 'refuse larger files (e.g. 100MB, 1GiB)', '512MiB');
  addSharedOptions(cmd, { inputFormat: true, output: { formats: ['text', 'json'], default: 'text' } })
    .addHelpText(
      'after',
      `
Exit codes: 0 parsed (warnings allowed); 1 the document has errors; 2 usage; 3 cannot read the file.

Examples:
  kube-sbom inspect kubernetes-v1.25.4-release.spdx
  kube-sbom inspect sbom.spdx.json --json | jq .counts
  kube-sbom inspect huge.spdx --max-size 2GiB`,
    )
    .action((file: string, options: InspectOptions) => runAction(() => inspect(file, options)));
}

async function inspect(file: string, options: InspectOptions): Promise<number> {
  const { readDocumentInput } = await import('../../app/read-file.js');
  const { parseSize } = await import('../size-option.js');
  const maxBytes = parseSize(options.maxSize);
  const { parseSbomLazily } = await import('../../../parsers/lazy.js');
  const { countElements } = await import('../../../parsers/counts.js');
  const { buildInspectReport, renderInspectText } = await import('../inspect-report.js');
  const { formatDiagnostic } = await import('../../../parsers/diagnostics.js');
  const { writeErrorLine, writeJson, writeText } = await import('../output.js');

  // The input goes straight in, so nothing here keeps a second copy alive while the document is parsed.
  const result = await parseSbomLazily(await readDocumentInput(file, maxBytes), { fileName: file, maxBytes, ...(options.inputFormat ? { format: options.inputFormat } : {}) });
  const report = buildInspectReport(file, result, countElements(result.document));
  const failed = report.summary.errors > 0;
  if (wantsJson(options)) {
    writeJson(report);
  } else if (failed && (await import('../../sbom/is-empty.js')).isEmptyDocument(result.document)) {
    // Not a document at all (empty, binary, unknown format, refused): the errors are the whole answer.
    for (const d of result.diagnostics) {
      if (d.severity === 'error') writeErrorLine(formatDiagnostic(d, file));
    }
  } else {
    writeText(renderInspectText(report, result.diagnostics));
  }
  return failed ? 1 : 0;
}

// Opening a local SPDX document: size-limited read, parse (never throws), view. Nothing here is verified.
import { parseSbomLazily } from '../../../parsers/lazy.js';
import { formatDiagnostic } from '../../../parsers/diagnostics.js';
import { checkError } from '../../common/errors.js';
import { readSbomFile } from '../../cli/read-sbom-file.js';
import type { SbomView } from '../ports.js';
import { buildView } from './document-view.js';

export async function openSbomFile(path: string, maxBytes: number): Promise<SbomView> {
  const bytes = await readSbomFile(path, maxBytes);
  // Only the parser this document's format needs is loaded (YAML and XML libraries cost start-up time).
  const result = await parseSbomLazily(bytes, { fileName: path, maxBytes });
  const doc = result.document;
  const empty = !doc.spdxVersion && doc.packages.length + doc.files.length + doc.snippets.length === 0;
  const firstError = result.diagnostics.find((d) => d.severity === 'error');
  if (empty || !result.format) {
    throw checkError('SBOM_UNREADABLE', firstError ? formatDiagnostic(firstError, path) : `${path}: no SPDX document found`);
  }
  return buildView({ document: doc, format: result.format, diagnostics: result.diagnostics, source: path });
}

// A local document: size-limited read, parse in any format. Nothing is verified; a file that yields no document
// at all is a failure (exit 1), parse problems of one that does are returned for the front end to show.
import { formatDiagnostic } from '../../parsers/diagnostics.js';
import { parseSbomLazily } from '../../parsers/lazy.js';
import type { SbomFormat } from '../../parsers/model.js';
import { checkError } from '../common/errors.js';
import { isEmptyDocument } from '../sbom/is-empty.js';
import type { LoadedSource } from './loaded-source.js';
import { readDocumentBytes } from './read-file.js';

export interface FileLoadOptions {
  maxBytes: number;
  inputFormat?: SbomFormat;
  /** What messages call the document when the path is only where it was staged (a downloaded URL). */
  name?: string;
}

export async function loadFile(path: string, options: FileLoadOptions): Promise<LoadedSource> {
  return loadBytes(await readDocumentBytes(path, options.maxBytes), path, options);
}

/** A document from bytes already read from `path` (when the caller must check those very bytes first). */
export async function loadBytes(bytes: Uint8Array, path: string, options: FileLoadOptions): Promise<LoadedSource> {
  const name = options.name ?? path;
  // Only the parser this document's format needs is loaded (YAML and XML libraries cost start-up time).
  const result = await parseSbomLazily(bytes, { fileName: name, maxBytes: options.maxBytes, ...(options.inputFormat ? { format: options.inputFormat } : {}) });
  if (!result.format || isEmptyDocument(result.document)) {
    const firstError = result.diagnostics.find((d) => d.severity === 'error');
    const what = firstError ? formatDiagnostic(firstError, name) : `${name}: no SPDX document found`;
    const hint = options.name === undefined ? ` (kube-sbom inspect ${path} lists every problem)` : '';
    throw checkError('SBOM_UNREADABLE', `${what}; no SPDX document could be read${hint}`);
  }
  return { document: result.document, label: name, format: result.format, diagnostics: result.diagnostics, verification: { kind: 'file' } };
}

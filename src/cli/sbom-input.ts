// Loads the document a read-only command (images, outline, query) works on: size-limited read, parse in any
// format, parse problems reported on stderr; a file that yields no document at all is a failure (exit 1).
import type { ParseResult } from '../../parsers/index.js';
import type { SbomFormat } from '../../parsers/model.js';
import { checkError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';

export interface LoadedSbom {
  file: string;
  result: ParseResult;
}

const MAX_LISTED = 5;

export async function loadSbomFile(file: string, options: { maxSize?: string; format?: SbomFormat } = {}): Promise<LoadedSbom> {
  const { readSbomFile, parseSize, DEFAULT_MAX_SIZE } = await import('./read-sbom-file.js');
  const maxBytes = options.maxSize ? parseSize(options.maxSize) : DEFAULT_MAX_SIZE;
  const bytes = await readSbomFile(file, maxBytes);
  const { parseSbomLazily } = await import('../../parsers/lazy.js');
  const { formatDiagnostic } = await import('../../parsers/diagnostics.js');
  const result = await parseSbomLazily(bytes, { fileName: file, maxBytes, ...(options.format ? { format: options.format } : {}) });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const doc = result.document;
  const empty = !doc.spdxVersion && !doc.name && doc.packages.length + doc.files.length + doc.snippets.length + doc.relationships.length === 0;
  if (empty && errors.length > 0) {
    throw checkError(
      'SBOM_UNREADABLE',
      `${formatDiagnostic(errors[0]!, file)}; no SPDX document could be read (kube-sbom inspect ${file} lists every problem)`,
    );
  }
  if (errors.length > 0) {
    // Lenient on purpose: real release SBOMs deviate from the spec; say so instead of hiding it.
    for (const d of errors.slice(0, MAX_LISTED)) process.stderr.write(`kube-sbom: warning: ${sanitizeLine(formatDiagnostic(d, file))}\n`);
    const more = errors.length > MAX_LISTED ? ` (${errors.length - MAX_LISTED} more)` : '';
    process.stderr.write(`kube-sbom: warning: ${errors.length} parse error(s)${more}; results may be incomplete (kube-sbom validate ${sanitizeLine(file)})\n`);
  }
  return { file, result };
}

export const SBOM_FORMAT_CHOICES = ['tag-value', 'json', 'yaml', 'xml', 'rdf-xml'] as const;

// The document a file-only command (outline, query) works on, through the load-source use case: size-limited
// read, parse in any format, parse problems on stderr; a file that yields no document at all fails (exit 1).
import type { ParseResult } from '../../parsers/index.js';
import type { SbomFormat } from '../../parsers/model.js';
import { loadFile } from '../app/load-file.js';
import { withLocalDocument } from './document-source.js';
import { printParseWarnings } from './parse-warnings.js';
import { parseSize } from './size-option.js';

export interface LoadedSbom {
  file: string;
  result: ParseResult;
}

export async function loadSbomFile(file: string, options: { maxSize: string; format?: SbomFormat }): Promise<LoadedSbom> {
  const maxBytes = parseSize(options.maxSize);
  const loaded = await withLocalDocument(file, maxBytes, (path) =>
    loadFile(path, { maxBytes, name: file, ...(options.format ? { inputFormat: options.format } : {}) }),
  );
  printParseWarnings(file, loaded.diagnostics);
  return { file, result: { format: loaded.format, document: loaded.document, diagnostics: loaded.diagnostics } };
}

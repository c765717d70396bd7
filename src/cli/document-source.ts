// The <file> of a document command (inspect, validate, outline, query) may be a URL: it is downloaded into a private
// folder (with-downloaded-file.ts), read as a file, and the folder removed. A URL gives no more trust than a file.
import { sourceOf } from '../app/source-kind.js';

/** Runs `read` on the document's local path: the file itself, or a downloaded copy of a URL. */
export async function withLocalDocument<T>(source: string, maxBytes: number, read: (path: string) => Promise<T>): Promise<T> {
  // An existing file of that name still wins, as for every command that takes a source.
  if (sourceOf(source, { urls: true }).kind !== 'url') return read(source);
  // The fetch layer loads only when a URL is given: reading a file stays light.
  const [{ withDownloadedFile }, { cliProgress }] = await Promise.all([import('../app/with-downloaded-file.js'), import('./load-options.js')]);
  return withDownloadedFile(source, { maxBytes, onEvent: cliProgress() }, read);
}

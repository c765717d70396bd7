// The <file> of a document command (inspect, validate, outline, query) may be a URL: it is downloaded
// through the fetch layer (size limit, retries, timeouts, progress on a terminal) into a private folder, read as a
// file, and the folder removed. A URL gives no more trust than a file: nothing is verified.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourceOf } from '../app/source-kind.js';
import { removeOnExit } from '../common/remove-on-exit.js';

/** Runs `read` on the document's local path: the file itself, or a downloaded copy of a URL. */
export async function withLocalDocument<T>(source: string, maxBytes: number, read: (path: string) => Promise<T>): Promise<T> {
  // An existing file of that name still wins, as for every command that takes a source.
  if (sourceOf(source, { urls: true }).kind !== 'url') return read(source);
  // The fetch layer loads only when a URL is given: reading a file stays light.
  const [{ Fetcher }, { cliProgress }] = await Promise.all([import('../fetch/fetcher.js'), import('./load-options.js')]);
  const dir = await mkdtemp(join(tmpdir(), 'kube-sbom-url-'));
  const forget = removeOnExit(dir);
  const fetcher = new Fetcher({ onEvent: cliProgress() });
  try {
    const file = await fetcher.fetch({ url: source, label: new URL(source).pathname.split('/').pop() || 'document', dir, maxBytes, cache: 'none' });
    return await read(file.path);
  } finally {
    await fetcher.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    forget();
  }
}

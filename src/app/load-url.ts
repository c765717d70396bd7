// A document by URL (https, http, file): downloaded through the Fetcher (limits, retries, progress), then read as
// a file. A URL gives no more trust than a file: nothing is verified.
import type { SbomFormat } from '../../parsers/model.js';
import type { FetchSettings } from '../fetch/types.js';
import { loadFile } from './load-file.js';
import type { LoadedSource, LoadEventListener } from './loaded-source.js';
import { withDownloadedFile } from './with-downloaded-file.js';

export interface UrlLoadOptions {
  maxBytes: number;
  inputFormat?: SbomFormat;
  offline: boolean;
  fetchSettings?: Partial<FetchSettings>;
}

export async function loadUrl(url: string, options: UrlLoadOptions, onEvent: LoadEventListener): Promise<LoadedSource> {
  const loaded = await withDownloadedFile(url, { ...options, onEvent }, (path) =>
    loadFile(path, { maxBytes: options.maxBytes, name: url, ...(options.inputFormat ? { inputFormat: options.inputFormat } : {}) }),
  );
  return { ...loaded, verification: { kind: 'url', url } };
}

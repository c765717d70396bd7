// A document by URL (https, http, file): downloaded through the Fetcher (limits, retries, progress), then read as
// a file. A URL gives no more trust than a file: nothing is verified.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SbomFormat } from '../../parsers/model.js';
import { removeOnExit } from '../common/remove-on-exit.js';
import { Fetcher } from '../fetch/fetcher.js';
import type { FetchSettings } from '../fetch/types.js';
import { loadFile } from './load-file.js';
import type { LoadedSource, LoadEventListener } from './loaded-source.js';

export interface UrlLoadOptions {
  maxBytes: number;
  inputFormat?: SbomFormat;
  offline: boolean;
  fetchSettings?: Partial<FetchSettings>;
}

export async function loadUrl(url: string, options: UrlLoadOptions, onEvent: LoadEventListener): Promise<LoadedSource> {
  const dir = await mkdtemp(join(tmpdir(), 'kube-sbom-url-'));
  const forget = removeOnExit(dir);
  const fetcher = new Fetcher({ offline: options.offline, onEvent, ...(options.fetchSettings ? { settings: options.fetchSettings } : {}) });
  try {
    const file = await fetcher.fetch({ url, label: url.split('/').pop() || 'document', dir, maxBytes: options.maxBytes, cache: 'none' });
    const loaded = await loadFile(file.path, { maxBytes: options.maxBytes, name: url, ...(options.inputFormat ? { inputFormat: options.inputFormat } : {}) });
    return { ...loaded, verification: { kind: 'url', url } };
  } finally {
    await fetcher.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    forget();
  }
}

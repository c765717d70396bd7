// A URL downloaded through the Fetcher (limits, retries, offline, progress) into a private temp folder, handed to
// `read` as a local file, and the folder removed however the run ends. Nothing is verified: a URL is a file.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOnExit } from '../common/remove-on-exit.js';
import { Fetcher } from '../fetch/fetcher.js';
import type { FetchEventListener, FetchSettings } from '../fetch/types.js';

export interface DownloadOptions {
  maxBytes: number;
  offline?: boolean;
  fetchSettings?: Partial<FetchSettings>;
  onEvent?: FetchEventListener;
}

export async function withDownloadedFile<T>(url: string, options: DownloadOptions, read: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'kube-sbom-url-'));
  const forget = removeOnExit(dir);
  const fetcher = new Fetcher({
    offline: options.offline ?? false,
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    ...(options.fetchSettings ? { settings: options.fetchSettings } : {}),
  });
  try {
    const file = await fetcher.fetch({ url, label: url.split('/').pop() || 'document', dir, maxBytes: options.maxBytes, cache: 'none' });
    return await read(file.path);
  } finally {
    await fetcher.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    forget();
  }
}

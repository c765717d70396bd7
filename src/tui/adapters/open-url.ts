// Opening a document by URL (https, http, file): downloaded through the Fetcher (limits, retries), then parsed.
// A URL gives no more trust than a file: nothing is verified.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SbomView } from '../ports.js';
import { openSbomFile } from './open-file.js';

export function isUrl(text: string): boolean {
  return /^(https?|file):\/\//i.test(text);
}

export async function openSbomUrl(url: string, options: { maxBytes: number; offline: boolean }): Promise<SbomView> {
  const { Fetcher } = await import('../../fetch/fetcher.js');
  const dir = await mkdtemp(join(tmpdir(), 'kube-sbom-tui-'));
  const fetcher = new Fetcher({ offline: options.offline });
  try {
    const file = await fetcher.fetch({ url, label: url.split('/').pop() || 'document', dir, maxBytes: options.maxBytes, cache: 'none' });
    const view = await openSbomFile(file.path, options.maxBytes);
    view.source = url;
    return view;
  } finally {
    await fetcher.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

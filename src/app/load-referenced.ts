// A document another one refers to (ExternalDocumentRef), from a local file: opened only when the SHA-1 of the
// very bytes read matches the checksum the reference gives; a reference without a SHA-1 cannot be checked and fails.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExternalDocumentRef } from '../../parsers/model.js';
import { removeOnExit } from '../common/remove-on-exit.js';
import { Fetcher } from '../fetch/fetcher.js';
import type { FetchSettings } from '../fetch/types.js';
import { checkError } from '../common/errors.js';
import { digestsEqual } from '../integrity/index.js';
import { loadBytes } from './load-file.js';
import type { LoadedSource } from './loaded-source.js';
import { readDocumentBytes } from './read-file.js';

export async function loadReferencedFile(path: string, reference: ExternalDocumentRef, options: { maxBytes: number; name?: string }): Promise<LoadedSource> {
  const expected = reference.checksum;
  if (!expected || expected.algorithm.toUpperCase() !== 'SHA1')
    throw checkError(
      'REFERENCE_UNCHECKABLE',
      `${reference.id} gives no SHA-1 checksum${expected ? ` (only ${expected.algorithm})` : ''}: ${path} cannot be checked against it, so it is not opened`,
    );
  const bytes = await readDocumentBytes(path, options.maxBytes);
  const actual = createHash('sha1').update(bytes).digest('hex');
  if (!digestsEqual(expected.value, actual))
    throw checkError(
      'REFERENCE_SHA1_MISMATCH',
      `${options.name ?? path}: SHA-1 ${actual} does not match ${reference.id}'s ${expected.value.toLowerCase()}: it is not the document referred to (${reference.documentNamespace}); not opened`,
    );
  return loadBytes(bytes, path, options);
}

export interface ReferenceDownload {
  maxBytes: number;
  offline: boolean;
  fetchSettings?: Partial<FetchSettings>;
}

/** The same, downloaded first through the fetch layer (limits, retries, offline); the download is not kept. */
export async function loadReferencedUrl(url: string, reference: ExternalDocumentRef, options: ReferenceDownload): Promise<LoadedSource> {
  const dir = await mkdtemp(join(tmpdir(), 'kube-sbom-ref-'));
  const forget = removeOnExit(dir);
  const fetcher = new Fetcher({ offline: options.offline, ...(options.fetchSettings ? { settings: options.fetchSettings } : {}) });
  try {
    const file = await fetcher.fetch({ url, label: url.split('/').pop() || 'document', dir, maxBytes: options.maxBytes, cache: 'none' });
    return await loadReferencedFile(file.path, reference, { maxBytes: options.maxBytes, name: url });
  } finally {
    await fetcher.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    forget();
  }
}

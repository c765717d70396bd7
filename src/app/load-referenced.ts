// A document another one refers to (ExternalDocumentRef), from a local file: opened only when the SHA-1 of the
// very bytes read matches the checksum the reference gives; a reference without a SHA-1 cannot be checked and fails.
import { createHash } from 'node:crypto';
import type { ExternalDocumentRef } from '../../parsers/model.js';
import type { FetchSettings } from '../fetch/types.js';
import { checkError } from '../common/errors.js';
import { digestsEqual } from '../integrity/index.js';
import { loadBytes } from './load-file.js';
import type { LoadedSource } from './loaded-source.js';
import { readDocumentBytes } from './read-file.js';
import { withDownloadedFile } from './with-downloaded-file.js';

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
  return withDownloadedFile(url, options, (path) => loadReferencedFile(path, reference, { maxBytes: options.maxBytes, name: url }));
}

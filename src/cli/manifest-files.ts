// Manifest files named on the command line: files as given, folders walked for *.yaml, *.yml and *.json, each read
// with a size limit and decoded as strict UTF-8 (pin and check).
import { extname } from 'node:path';
import { checkError, ioError } from '../common/errors.js';
import { readLimited } from '../common/read-limited.js';
import { mapLimited } from '../registry/limiter.js';
import { collectLocalFiles } from '../verify/local-files.js';
import type { ManifestFile } from '../verify/pin-manifests.js';
import { warn } from './output.js';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const READS_AT_ONCE = 16;

export async function readManifests(paths: string[], maxBytes: number): Promise<ManifestFile[]> {
  const { files, leftOut } = await collectLocalFiles(paths);
  for (const left of leftOut) warn(`${left.path}: ${left.message}`);
  const named = new Set(paths);
  // A file named on the command line is read whatever its name; inside folders only manifest extensions are.
  const wanted = files.filter((path) => named.has(path) || MANIFEST_EXTENSIONS.has(extname(path).toLowerCase()));
  // Several reads in flight: one after another, a folder of small manifests waits on the file system per file.
  const manifests: ManifestFile[] = await mapLimited(wanted, READS_AT_ONCE, async (path) => {
    const bytes = await readLimited(path, { maxBytes, hint: 'raise --max-size if it really is a manifest' });
    return { path, text: decodeUtf8(bytes, path) };
  });
  if (manifests.length === 0) throw ioError('NO_MANIFESTS', `no manifest files (*.yaml, *.yml, *.json) under ${paths.join(', ')}`);
  return manifests;
}

export function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    // The byte-order mark stays in the text so that a rewritten file keeps it.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw checkError('MANIFEST_INVALID', `${path}: not UTF-8 text; Kubernetes manifests are UTF-8`);
  }
}

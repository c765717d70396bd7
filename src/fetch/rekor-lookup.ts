// Finds the Rekor entry for a detached signature the way cosign does online: index by artifact hash, then the entry
// whose hashedrekord body holds this very signature. Goes through the Fetcher, so retries, cache and --offline apply.
import { readFile } from 'node:fs/promises';
import { checkError, ioError } from '../common/errors.js';
import type { Fetcher, FetchedFile } from './fetcher.js';
import { SIZE_LIMITS } from './types.js';

export interface RekorLookupRequest {
  fetcher: Fetcher;
  rekorUrl: string;
  /** Staging folder for the answers. */
  dir: string;
  /** sha256 hex of the artifact bytes we hold. */
  artifactSha256: string;
  /** Content of the .sig file (base64). */
  signatureB64: string;
  /** Name prefix for the saved files, e.g. `release`. */
  label: string;
}

export interface FoundRekorEntry {
  uuid: string;
  /** The REST answer `{uuid: {body, integratedTime, logID, logIndex, verification}}`. */
  entry: Record<string, unknown>;
  file: FetchedFile;
  /** The index answer, worth caching for --offline runs (never kept with -o). */
  index: FetchedFile;
}

const UUID = /^[0-9a-f]{64,80}$/;
const MAX_CANDIDATES = 10;

export async function lookupRekorEntry(req: RekorLookupRequest): Promise<FoundRekorEntry> {
  try {
    return await lookupOnce(req, 'prefer');
  } catch (err) {
    // A cached index answer may predate a newer signature: ask Rekor again before saying there is no entry.
    if ((err as { code?: string }).code !== 'REKOR_ENTRY_NOT_FOUND' || req.fetcher.offline || !(err as { fromCache?: boolean }).fromCache) throw err;
    return lookupOnce(req, 'none');
  }
}

async function lookupOnce(req: RekorLookupRequest, cache: 'prefer' | 'none'): Promise<FoundRekorEntry> {
  const base = req.rekorUrl.replace(/\/+$/, '');
  // A file:// Rekor is a folder of saved entries (by-hash/SHA256.json lists UUIDs, entries/UUID.json holds each):
  // the offline demo's, or one a user keeps; nothing is posted to a folder.
  const saved = base.startsWith('file:');
  const index = await fetchIndex(req, base, saved, cache);
  const uuids = index ? parseJson(await readFile(index.path, 'utf8'), index.url) : [];
  if (!Array.isArray(uuids) || !uuids.every((u) => typeof u === 'string' && UUID.test(u))) {
    throw ioError('REKOR_ANSWER_INVALID', `${index!.url}: expected a JSON array of entry UUIDs`);
  }
  const wanted = req.signatureB64.replace(/\s+/g, '');
  for (const uuid of (uuids as string[]).slice(0, MAX_CANDIDATES)) {
    const file = await req.fetcher.fetch({
      url: saved ? `${base}/entries/${uuid}.json` : `${base}/api/v1/log/entries/${uuid}`,
      label: `${req.label}.rekor.json`,
      fileName: `${req.label}.rekor-${uuid.slice(-16)}.json`,
      dir: req.dir,
      maxBytes: SIZE_LIMITS.rekorEntry,
      cache: 'prefer',
    });
    const entry = parseJson(await readFile(file.path, 'utf8'), file.url);
    if (signatureOf(entry) === wanted) return { uuid, entry: entry as Record<string, unknown>, file, index: index ?? file };
  }
  throw Object.assign(
    checkError(
      'REKOR_ENTRY_NOT_FOUND',
      `${base}: no transparency-log entry records this signature over sha256:${req.artifactSha256}` +
        (uuids.length ? ` (${uuids.length} entries for the digest, none with this signature)` : '') +
        '; without one the short-lived certificate cannot be checked. Give --rekor-entry FILE if you have it',
    ),
    { fromCache: index?.source === 'cache' },
  );
}

/** The index answer for the artifact's digest; undefined when a saved folder has none for it (no entry, as Rekor's []). */
async function fetchIndex(req: RekorLookupRequest, base: string, saved: boolean, cache: 'prefer' | 'none'): Promise<FetchedFile | undefined> {
  const common = { label: `${req.label}.rekor-index.json`, dir: req.dir, maxBytes: SIZE_LIMITS.rekorEntry };
  if (saved) {
    try {
      return await req.fetcher.fetch({ ...common, url: `${base}/by-hash/${req.artifactSha256}.json`, cache: 'none' });
    } catch (err) {
      if ((err as { code?: string }).code === 'FILE_NOT_FOUND') return undefined;
      throw err;
    }
  }
  return req.fetcher.fetch({
    ...common,
    url: `${base}/api/v1/index/retrieve`,
    method: 'POST',
    body: JSON.stringify({ hash: `sha256:${req.artifactSha256}` }),
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    cacheKey: `rekor-index ${base} sha256:${req.artifactSha256}`,
    cache,
  });
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw ioError('REKOR_ANSWER_INVALID', `${where}: not JSON (${(err as Error).message})`, err);
  }
}

/** The signature a REST entry's hashedrekord body records, or undefined for anything else. */
export function signatureOf(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const values = Object.values(entry as Record<string, unknown>);
  if (values.length !== 1) return undefined;
  const body = (values[0] as { body?: unknown })?.body;
  if (typeof body !== 'string') return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(body, 'base64').toString('utf8')) as { spec?: { signature?: { content?: unknown } } };
    const content = decoded.spec?.signature?.content;
    return typeof content === 'string' ? content.replace(/\s+/g, '') : undefined;
  } catch {
    return undefined;
  }
}

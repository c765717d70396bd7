// A Rekor REST client that finds the log entry for an artifact: POST /api/v1/index/retrieve {hash}, then
// GET /api/v1/log/entries/{uuid}. Network failures are "could not run" (exit 3); an empty index is a failed check.
import { ioError } from '../common/errors.js';
import { parseRekorEntry, type RekorEntry } from './rekor-entry.js';
import type { RekorLookup } from './verify-artifact.js';

export const DEFAULT_REKOR_URL = 'https://rekor.sigstore.dev';
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
/** Entries fetched per search at most: an artifact signed more often than this is matched among the first ones. */
const MAX_ENTRIES = 20;

export interface RekorClientOptions {
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function createRekorClient(options: RekorClientOptions = {}): RekorLookup & { baseUrl: string } {
  const baseUrl = (options.baseUrl ?? DEFAULT_REKOR_URL).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const doFetch = options.fetch ?? fetch;

  async function request(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
    const url = `${baseUrl}${path}`;
    let response: Response;
    try {
      response = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    } catch (err) {
      const name = (err as Error)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw ioError('REKOR_TIMEOUT', `${url}: no answer within ${timeoutMs} ms; retry, or verify offline with --rekor-entry FILE`, err);
      }
      const cause = ((err as { cause?: Error }).cause?.message ?? (err as Error).message) || 'network error';
      throw ioError('REKOR_UNREACHABLE', `${url}: ${cause}; check --rekor-url and the network, or use --rekor-entry FILE`, err);
    }
    const text = await readLimited(response, url);
    if (response.status === 404) return { status: 404, body: undefined };
    if (!response.ok) throw ioError('REKOR_HTTP_ERROR', `${url}: HTTP ${response.status}; Rekor is failing, retry later or use --rekor-entry FILE`);
    try {
      return { status: response.status, body: JSON.parse(text) };
    } catch {
      throw ioError('REKOR_BAD_RESPONSE', `${url}: the answer is not JSON`);
    }
  }

  async function readLimited(response: Response, url: string): Promise<string> {
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_RESPONSE_BYTES) throw ioError('REKOR_BAD_RESPONSE', `${url}: answer larger than ${MAX_RESPONSE_BYTES} bytes`);
    try {
      const text = await response.text();
      if (text.length > MAX_RESPONSE_BYTES) throw ioError('REKOR_BAD_RESPONSE', `${url}: answer larger than ${MAX_RESPONSE_BYTES} bytes`);
      return text;
    } catch (err) {
      if ((err as { code?: string }).code === 'REKOR_BAD_RESPONSE') throw err;
      throw ioError('REKOR_TIMEOUT', `${url}: the answer did not complete within ${timeoutMs} ms`, err);
    }
  }

  async function findEntry(artifactSha256Hex: string, signature: Buffer): Promise<RekorEntry | undefined> {
    const search = await request('/api/v1/index/retrieve', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ hash: `sha256:${artifactSha256Hex}` }),
    });
    if (search.status === 404 || search.body === undefined) return undefined;
    if (!Array.isArray(search.body) || !search.body.every((u) => typeof u === 'string' && /^[0-9a-f]{64,80}$/i.test(u))) {
      throw ioError('REKOR_BAD_RESPONSE', `${baseUrl}/api/v1/index/retrieve: expected a list of entry UUIDs`);
    }
    let first: RekorEntry | undefined;
    for (const uuid of (search.body as string[]).slice(0, MAX_ENTRIES)) {
      const got = await request(`/api/v1/log/entries/${uuid}`, { headers: { accept: 'application/json' } });
      if (got.status === 404) continue;
      const entry = parseEntry(got.body, uuid);
      if (signatureOf(entry)?.equals(signature)) return entry;
      first ??= entry;
    }
    // No entry records this signature: hand back one anyway so the report says the log disagrees (fail closed).
    return first;
  }

  function parseEntry(body: unknown, uuid: string): RekorEntry {
    try {
      return parseRekorEntry(JSON.stringify(body), `${baseUrl}/api/v1/log/entries/${uuid}`);
    } catch (err) {
      throw ioError('REKOR_BAD_RESPONSE', (err as Error).message, err);
    }
  }

  return { baseUrl, findEntry };
}

function signatureOf(entry: RekorEntry): Buffer | undefined {
  const spec = entry.bodyJson.spec as { signature?: { content?: unknown } } | undefined;
  const content = spec?.signature?.content;
  return typeof content === 'string' ? Buffer.from(content, 'base64') : undefined;
}

// Opens a URL as a byte stream: https/http through undici (separate connect and idle timeouts, redirects), file:// from disk.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Agent, request, type Dispatcher } from 'undici';
import { describeFsError, ioError, KubeSbomError } from '../common/errors.js';
import { tooLarge } from './sink.js';
import type { FetchSettings } from './types.js';

export interface OpenedSource {
  body: AsyncIterable<Uint8Array>;
  totalBytes?: number;
  /** Discards the body when the caller gives up before reading it. */
  discard: () => void;
}

export interface RequestInit {
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
}

/** An HTTP status we did not want, with what the retry policy needs to know. */
export class HttpStatusError extends KubeSbomError {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly retryAfter?: string,
  ) {
    const code = status === 404 ? 'HTTP_NOT_FOUND' : status === 429 ? 'HTTP_RATE_LIMITED' : `HTTP_${status}`;
    super(code, HttpStatusError.describe(status, url, ''), { kind: 'io' });
  }

  /** `URL: HTTP 503 after 4 attempts; the server failed, try again later`. */
  static describe(status: number, url: string, tries: string): string {
    const hint = status === 404 ? '; check the version and the mirror URL' : status >= 500 ? '; the server failed, try again later' : '';
    return `${url}: HTTP ${status}${tries}${hint}`;
  }
}

export function createAgent(settings: FetchSettings): Agent {
  return new Agent({
    connect: { timeout: settings.connectTimeoutMs },
    headersTimeout: settings.idleTimeoutMs,
    bodyTimeout: settings.idleTimeoutMs,
  });
}

export async function openHttp(url: string, agent: Agent, settings: FetchSettings, maxBytes: number, init: RequestInit = {}): Promise<OpenedSource> {
  // undici checks headersTimeout on a ~1 s tick; this timer makes a short idle timeout exact while awaiting headers.
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => ((timedOut = true), abort.abort()), settings.idleTimeoutMs);
  let res: Dispatcher.ResponseData;
  try {
    res = await request(url, {
      dispatcher: agent,
      method: init.method ?? 'GET',
      body: init.body,
      headers: { 'user-agent': settings.userAgent, accept: '*/*', ...init.headers },
      maxRedirections: 5,
      signal: abort.signal,
    });
  } catch (err) {
    if (timedOut) throw Object.assign(new Error(`no response headers within ${settings.idleTimeoutMs} ms`), { code: 'UND_ERR_HEADERS_TIMEOUT', cause: err });
    throw err;
  } finally {
    clearTimeout(timer);
  }
  if (res.statusCode !== 200) {
    await res.body.dump().catch(() => undefined);
    const retryAfter = res.headers['retry-after'];
    throw new HttpStatusError(res.statusCode, url, Array.isArray(retryAfter) ? retryAfter[0] : retryAfter);
  }
  const length = Number(res.headers['content-length']);
  const totalBytes = Number.isSafeInteger(length) && length >= 0 ? length : undefined;
  // Destroying an undici body makes it emit an abort error; nobody else listens by then.
  const discard = () => res.body.on('error', () => undefined).destroy();
  if (totalBytes !== undefined && totalBytes > maxBytes) {
    discard();
    throw tooLarge(url, maxBytes, totalBytes);
  }
  watchIdle(res.body, settings.idleTimeoutMs);
  return { body: res.body, totalBytes, discard };
}

/** undici checks body timeouts on a ~1 s tick; this watchdog makes short idle timeouts exact. */
function watchIdle(body: NodeJS.ReadableStream & { destroy: (err?: Error) => void }, idleMs: number): void {
  const fire = () => body.destroy(Object.assign(new Error(`no data for ${idleMs} ms`), { code: 'UND_ERR_BODY_TIMEOUT' }));
  let timer = setTimeout(fire, idleMs);
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(fire, idleMs);
  };
  body.on('data', refresh);
  for (const end of ['end', 'close', 'error'] as const) body.once(end, () => clearTimeout(timer));
}

export async function openFile(url: string, maxBytes: number): Promise<OpenedSource> {
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch (err) {
    throw ioError('URL_INVALID', `${url}: not a usable file:// URL (${(err as Error).message})`, err);
  }
  const info = await stat(path).catch((err: unknown) => {
    throw describeFsError(err, path);
  });
  if (!info.isFile()) throw ioError('NOT_A_FILE', `${path}: not a regular file`);
  if (info.size > maxBytes) throw tooLarge(path, maxBytes, info.size);
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  return { body: stream, totalBytes: info.size, discard: () => stream.destroy() };
}

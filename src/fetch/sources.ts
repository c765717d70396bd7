// Opens a URL as a byte stream: https/http through node:http (timeouts, redirects, guarded body), file:// from disk.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import { sizeIfTailFrom } from '../common/content-range.js';
import { describeFsError, ioError, KubeSbomError } from '../common/errors.js';
import { discard, exchange, type HttpAgents } from './http-client.js';
import { rangeHeaders, resumeValidator, type PartialDownload } from './resume.js';
import { tooLarge } from './sink.js';
import { guardBody } from './transfer-guard.js';
import type { FetchSettings } from './types.js';

export interface OpenedSource {
  body: AsyncIterable<Uint8Array>;
  /** The whole file's size, when known (for a resumed download too, not only the part still to come). */
  totalBytes?: number;
  /** Where the body starts in the file: 0, or the size of the partial download it continues. */
  startsAt: number;
  /** How a download of this body can be resumed if it is cut short (see resume.ts). */
  validator?: string;
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

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Opens an http(s) URL: redirects followed (at most 5, never to another scheme or from https to http), body guarded.
 * With `resume`, asks for the rest of a partial download; a server that no longer has that version sends it whole.
 */
export async function openHttp(
  url: string,
  agents: HttpAgents,
  settings: FetchSettings,
  maxBytes: number,
  init: RequestInit = {},
  signal?: AbortSignal,
  resume?: PartialDownload,
): Promise<OpenedSource> {
  let current = new URL(url);
  let method = init.method ?? 'GET';
  let body = init.body;
  for (let hop = 0; ; hop++) {
    const res = await exchange(current, agents, {
      method,
      body,
      signal,
      headers: { 'user-agent': settings.userAgent, accept: '*/*', ...init.headers, ...(resume ? rangeHeaders(resume) : {}) },
      connectTimeoutMs: settings.connectTimeoutMs,
      headersTimeoutMs: settings.idleTimeoutMs,
    });
    const status = res.statusCode ?? 0;
    if (REDIRECTS.has(status) && res.headers.location) {
      discard(res);
      if (hop >= MAX_REDIRECTS) throw ioError('TOO_MANY_REDIRECTS', `${url}: more than ${MAX_REDIRECTS} redirects; check the mirror URL`);
      current = redirectTarget(url, current, res.headers.location);
      // A 303 (and, as browsers do, a 301/302 after a POST) asks for the new URL with GET.
      if (status === 303 || (method === 'POST' && status !== 307 && status !== 308)) {
        method = 'GET';
        body = undefined;
      }
      continue;
    }
    if (resume && (status === 206 || status === 416)) return openTail(url, res, settings, maxBytes, resume);
    if (status !== 200) {
      discard(res);
      const retryAfter = res.headers['retry-after'];
      throw new HttpStatusError(status, url, Array.isArray(retryAfter) ? retryAfter[0] : retryAfter);
    }
    const totalBytes = contentLength(res);
    if (totalBytes !== undefined && totalBytes > maxBytes) {
      discard(res);
      throw tooLarge(url, maxBytes, totalBytes);
    }
    // Only a GET names a file that a later request can ask the rest of.
    const validator = (init.method ?? 'GET') === 'GET' ? resumeValidator(res.headers) : undefined;
    return guarded(res, settings, { totalBytes, startsAt: 0, ...(validator ? { validator } : {}) });
  }
}

/** The rest of a partial download; a range that does not continue it exactly is refused, to start again whole. */
function openTail(url: string, res: IncomingMessage, settings: FetchSettings, maxBytes: number, resume: PartialDownload): OpenedSource {
  const totalBytes = res.statusCode === 206 ? sizeIfTailFrom(res.headers['content-range'], resume.bytes) : undefined;
  const length = contentLength(res);
  if (totalBytes === undefined || (length !== undefined && length !== totalBytes - resume.bytes)) {
    discard(res);
    const got = res.statusCode === 416 ? 'HTTP 416' : `Content-Range ${JSON.stringify(res.headers['content-range'] ?? '')}`;
    throw Object.assign(ioError('RESUME_REFUSED', `${url}: asked for the bytes from ${resume.bytes} on, got ${got}; the kept part is dropped`), {
      retryable: true,
    });
  }
  if (totalBytes > maxBytes) {
    discard(res);
    throw tooLarge(url, maxBytes, totalBytes);
  }
  return guarded(res, settings, { totalBytes, startsAt: resume.bytes, validator: resumeValidator(res.headers) ?? resume.validator });
}

function contentLength(res: IncomingMessage): number | undefined {
  const length = Number(res.headers['content-length']);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

function guarded(res: IncomingMessage, settings: FetchSettings, facts: Omit<OpenedSource, 'body' | 'discard'>): OpenedSource {
  const body = guardBody(res, settings);
  return { ...facts, body: body.body, discard: () => (body.stop(), discard(res)) };
}

function redirectTarget(url: string, from: URL, location: string): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch (err) {
    throw ioError('REDIRECT_INVALID', `${url}: redirected to an invalid URL; check the mirror`, err);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw ioError('REDIRECT_REFUSED', `${url}: redirected to a ${next.protocol} URL; refusing (only http and https are followed)`);
  }
  if (from.protocol === 'https:' && next.protocol === 'http:') {
    throw ioError('REDIRECT_REFUSED', `${url}: redirected from https to plain http (${next.host}); refusing`);
  }
  return next;
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
  return { body: stream, totalBytes: info.size, startsAt: 0, discard: () => stream.destroy() };
}

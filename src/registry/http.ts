// HTTP for registries: manual redirects, anonymous bearer tokens per host, retries, size limits, bounded concurrency.
// Built on undici's request() rather than fetch(): a registry verification is many small requests, and fetch's
// WHATWG streams and per-request abort signals cost more CPU than the requests themselves on a fast registry.
import type { Readable } from 'node:stream';
import { Agent, request, type Dispatcher } from 'undici';
import { formatDuration } from '../common/duration.js';
import { ioError, usageError } from '../common/errors.js';
import { basicChallenge, bearerChallenge } from './challenge.js';
import type { Credentials } from './credentials.js';
import { createLimiter, type Limiter } from './limiter.js';
import { isLoopbackHost } from './reference.js';
import { discardBody, readLimited, readErrorBody, ResponseHeaders } from './http-body.js';

export interface TransportOptions {
  /** Plain HTTP for registries that are not on this machine (cosign's --allow-http-registry). */
  allowHttp?: boolean;
  /** Retries after a 5xx, 429 or network error (default 3). */
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Connecting, and then each wait for response headers or more body bytes (default 30 s). */
  timeoutMs?: number;
  /** Requests in flight at once through this transport (default 32). */
  maxConcurrent?: number;
  userAgent?: string;
  /** Username and password for a registry host (from the Docker config); asked only for the host being requested. */
  credentials?: (host: string) => Promise<Credentials | undefined>;
}

interface RawResponse {
  status: number;
  headers: ResponseHeaders;
  body: Dispatcher.ResponseData['body'];
}

export interface RegistryResponse {
  status: number;
  headers: ResponseHeaders;
  /** Empty for HEAD and for non-2xx answers. */
  body: Uint8Array;
  /** The URL that finally answered, after redirects. */
  url: string;
  /** Registry error codes from a non-2xx body, e.g. MANIFEST_UNKNOWN. */
  errorCodes: string[];
}

export interface RequestOptions {
  accept?: string;
  maxBytes: number;
  /** Token scope, e.g. repository:kube-apiserver:pull. */
  scope: string;
  /** false: hand a 401 back instead of answering its challenge (the /v2/ ping). */
  auth?: boolean;
  /** Aborts the request and any wait before a retry (the per-image deadline). */
  signal?: AbortSignal;
  /** Extra request headers (content-type of an upload). */
  headers?: Record<string, string>;
  /** A request body; a stream is sent once, never retried (the caller runs the whole step again). */
  body?: Uint8Array | Readable;
}

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT';

/** A 2xx answer whose body is left for the caller to stream (blobs); other answers come with the body read. */
export interface StreamResponse {
  status: number;
  headers: ResponseHeaders;
  url: string;
  body: Dispatcher.ResponseData['body'] | undefined;
  errorCodes: string[];
}

const MAX_REDIRECTS = 5;
const MAX_TOKEN_BYTES = 1 << 20;
/** A Retry-After longer than this is not waited for: the answer (429, 503) is reported instead. */
export const MAX_RETRY_AFTER_MS = 30_000;

/**
 * Room for a whole body we read before undici would signal backpressure. A paused undici 6 parser meeting the
 * server's close asserts (nodejs/undici#5360); every body here is read at once and cut at maxBytes, so this only
 * bounds memory as maxBytes already does.
 */
const bodyBuffer = (maxBytes: number) => Math.max(maxBytes, 64 * 1024) + (1 << 20);

/** undici's timeouts, said as what did not happen. */
const WAITS: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: 'no connection',
  UND_ERR_HEADERS_TIMEOUT: 'no response',
  UND_ERR_BODY_TIMEOUT: 'the answer stalled',
};

export class RegistryTransport {
  private readonly tokens = new Map<string, Promise<string>>();
  /** Basic credentials per origin, set only after that origin asked for them with a Basic challenge. */
  private readonly basic = new Map<string, string>();
  private readonly limiter: Limiter;
  private readonly agent: Agent;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly timeoutMs: number;

  constructor(private readonly options: TransportOptions = {}) {
    this.limiter = createLimiter(options.maxConcurrent ?? 32);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    const timeout = this.timeoutMs;
    // Idle keep-alive sockets are unreferenced by undici, so an unused agent never holds the process open.
    this.agent = new Agent({ connect: { timeout }, headersTimeout: timeout, bodyTimeout: timeout });
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** The base URL for a registry host: HTTPS unless it is on this machine or plain HTTP was allowed. */
  baseUrl(host: string): string {
    const plain = this.options.allowHttp || isLoopbackHost(host);
    return `${plain ? 'http' : 'https'}://${host}`;
  }

  request(method: Method, url: string, opts: RequestOptions): Promise<RegistryResponse> {
    return this.limiter.run(async () => {
      const res = await this.follow(method, new URL(url), opts);
      if (!res.body) return { ...res, body: new Uint8Array() };
      if (method === 'HEAD') {
        discardBody(res.body);
        return { ...res, body: new Uint8Array() };
      }
      const at = new URL(res.url);
      const body = await readLimited(res.body, res.headers, opts.maxBytes, `${at.host}${at.pathname}`);
      return { ...res, body };
    });
  }

  /** Like request, but a 2xx body is handed back unread, to be streamed (it holds a connection until consumed). */
  stream(method: Method, url: string, opts: RequestOptions): Promise<StreamResponse> {
    return this.limiter.run(() => this.follow(method, new URL(url), opts));
  }

  private async credentialsFor(url: URL): Promise<Credentials | undefined> {
    return this.options.credentials?.(url.host);
  }

  private allowsPlain(url: URL): boolean {
    return url.protocol === 'https:' || (url.protocol === 'http:' && (this.options.allowHttp === true || isLoopbackHost(url.host)));
  }

  private async follow(method: Method, start: URL, opts: RequestOptions): Promise<StreamResponse> {
    if (!this.allowsPlain(start)) {
      throw usageError('INSECURE_REGISTRY', `${start.host}: plain HTTP is only used for registries on this machine; pass --allow-http-registry to allow it`);
    }
    let url = start;
    const triedToken = new Set<string>();
    for (let hop = 0; ;) {
      const key = `${url.origin}|${opts.scope}`;
      // A token is only ever sent to the origin that issued the challenge it answers.
      const sent = this.tokens.get(key);
      const token = sent ? await sent.catch(() => undefined) : undefined;
      const headers: Record<string, string> = { ...opts.headers, 'user-agent': this.options.userAgent ?? 'kube-sbom' };
      if (opts.accept) headers.accept = opts.accept;
      const basic = this.basic.get(url.origin);
      if (token) headers.authorization = `Bearer ${token}`;
      else if (basic) headers.authorization = basic;
      const res = await this.send(method, url, headers, opts.maxBytes, opts.signal, opts.body);
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        discardBody(res.body);
        if (++hop > MAX_REDIRECTS) throw ioError('TOO_MANY_REDIRECTS', `${start.host}: more than ${MAX_REDIRECTS} redirects for ${start.pathname}`);
        const next = new URL(res.headers.get('location')!, url);
        if (url.protocol === 'https:' && next.protocol !== 'https:' && !this.allowsPlain(next)) {
          throw ioError('INSECURE_REDIRECT', `${url.host} redirected to plain HTTP (${next.host}); refusing`);
        }
        if (next.protocol !== 'https:' && next.protocol !== 'http:')
          throw ioError('INSECURE_REDIRECT', `${url.host} redirected to ${next.protocol} URL; refusing`);
        url = next;
        continue;
      }
      if (res.status === 401 && opts.auth !== false) {
        const challenge = bearerChallenge(res.headers.get('www-authenticate'));
        discardBody(res.body);
        const streaming = opts.body !== undefined && !(opts.body instanceof Uint8Array);
        // A registry asking for Basic auth gets the credentials configured for its own host, once per origin.
        if (!challenge && !streaming && !basic && basicChallenge(res.headers.get('www-authenticate'))) {
          const creds = await this.credentialsFor(url);
          if (creds) {
            this.basic.set(url.origin, basicHeader(creds));
            continue;
          }
        }
        if (!challenge || triedToken.has(key) || streaming) {
          throw ioError(
            'REGISTRY_UNAUTHORIZED',
            `${url.host}: access denied to ${url.pathname}${challenge ? ' even with a token' : basic ? ' with the credentials from the Docker config' : ' and no bearer challenge to answer'}; ${basic || triedToken.has(key) ? 'check the credentials and their rights' : 'anonymous access is not allowed here; log in (docker login) first'}`,
          );
        }
        // Requests challenged at the same moment share one token request: retry with a token fetched meanwhile.
        const current = this.tokens.get(key);
        if (current && current !== sent) continue;
        triedToken.add(key);
        const pending = this.fetchToken(challenge.params, opts.scope, url, opts.signal);
        this.tokens.set(key, pending);
        await pending;
        continue;
      }
      if (res.status < 200 || res.status >= 300) {
        const { codes } = await readErrorBody(res.body, res.headers);
        return { status: res.status, headers: res.headers, body: undefined, url: url.href, errorCodes: codes };
      }
      return { status: res.status, headers: res.headers, body: res.body, url: url.href, errorCodes: [] };
    }
  }

  /** One attempt plus retries on 5xx, 429 and network errors, with backoff (Retry-After honoured up to 30 s). */
  private async send(
    method: Method,
    url: URL,
    headers: Record<string, string>,
    maxBytes: number,
    signal?: AbortSignal,
    body?: Uint8Array | Readable,
  ): Promise<RawResponse> {
    // A stream cannot be sent twice: its step fails and a re-run of the command resumes it.
    const retries = body && !(body instanceof Uint8Array) ? 0 : (this.options.retries ?? 3);
    for (let attempt = 0; ; attempt++) {
      let res: RawResponse;
      try {
        const answer = await request(url, {
          method,
          headers,
          dispatcher: this.agent,
          highWaterMark: bodyBuffer(maxBytes),
          // undici closes the connection after every HEAD by default (for servers that send a body anyway): that is a new
          // connection, and a TLS handshake, per blob checked. Registries answer HEAD without a body, and Go's clients
          // (docker, skopeo) keep the connection too; every answer is still checked by digest wherever it matters.
          ...(method === 'HEAD' ? { reset: false } : {}),
          ...(body ? { body } : {}),
          ...(signal ? { signal } : {}),
        });
        res = { status: answer.statusCode, headers: new ResponseHeaders(answer.headers), body: answer.body };
      } catch (err) {
        // The deadline is the caller's to report; a name that does not resolve will not resolve on a retry either.
        if (signal?.aborted) throw err;
        const { code, message } = err as { code?: string; message?: string };
        if (attempt >= retries || code === 'ENOTFOUND') {
          const what = WAITS[code ?? ''] ? `${WAITS[code!]} within ${formatDuration(this.timeoutMs)}` : (message ?? String(err));
          throw ioError('REGISTRY_UNREACHABLE', `${url.host}: ${what} (after ${attempt + 1} attempt${attempt ? 's' : ''}); check the host and network`, err);
        }
        await this.wait(backoffMs(attempt), signal);
        continue;
      }
      if ((res.status >= 500 || res.status === 429) && attempt < retries) {
        const asked = retryAfterMs(res.headers.get('retry-after'));
        // Past the cap the registry is not coming back soon: report its answer rather than sit idle.
        if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) return res;
        discardBody(res.body);
        await this.wait(asked ?? backoffMs(attempt), signal);
        continue;
      }
      return res;
    }
  }

  /** The retry pause, cut short by the deadline. */
  private async wait(ms: number, signal?: AbortSignal): Promise<void> {
    if (!signal) return this.sleep(ms);
    signal.throwIfAborted();
    let onAbort: () => void = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      await Promise.race([this.sleep(ms), aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  private async fetchToken(params: Record<string, string>, scope: string, forUrl: URL, signal?: AbortSignal): Promise<string> {
    let realm: URL;
    try {
      realm = new URL(params.realm!);
    } catch (err) {
      throw ioError('REGISTRY_AUTH_FAILED', `${forUrl.host}: bearer challenge has an invalid realm "${params.realm}"`, err);
    }
    if (!this.allowsPlain(realm)) throw ioError('REGISTRY_AUTH_FAILED', `${forUrl.host}: token realm ${realm.host} is plain HTTP; refusing`);
    if (params.service) realm.searchParams.set('service', params.service);
    realm.searchParams.set('scope', params.scope ?? scope);
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent ?? 'kube-sbom', accept: 'application/json' };
    // Credentials go to a token service only on the very host they were configured for, never to another host.
    const creds = realm.host === forUrl.host && realm.protocol === forUrl.protocol ? await this.credentialsFor(forUrl) : undefined;
    if (creds) headers.authorization = basicHeader(creds);
    const res = await this.send('GET', realm, headers, MAX_TOKEN_BYTES, signal);
    if (res.status !== 200) {
      discardBody(res.body);
      throw ioError(
        'REGISTRY_AUTH_FAILED',
        `${forUrl.host}: token server ${realm.host} answered ${res.status} for ${creds ? 'a token with the configured credentials' : 'an anonymous token'}`,
      );
    }
    const body = await readLimited(res.body, res.headers, MAX_TOKEN_BYTES, `token from ${realm.host}`);
    let token: unknown;
    try {
      const doc = JSON.parse(Buffer.from(body).toString('utf8')) as Record<string, unknown>;
      token = doc.token ?? doc.access_token;
    } catch (err) {
      throw ioError('REGISTRY_AUTH_FAILED', `${forUrl.host}: token server ${realm.host} answered something that is not JSON`, err);
    }
    if (typeof token !== 'string' || token === '' || /[\r\n]/.test(token)) {
      throw ioError('REGISTRY_AUTH_FAILED', `${forUrl.host}: token server ${realm.host} returned no usable token`);
    }
    return token;
  }
}

function basicHeader(creds: Credentials): string {
  return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
}

function backoffMs(attempt: number): number {
  return Math.min(4000, 200 * 2 ** attempt);
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

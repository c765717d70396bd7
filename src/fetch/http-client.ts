// One HTTP exchange through node:http/https, with a connect timeout and a wait-for-headers timeout.
// Not undici: undici 6 asserts (an uncatchable crash) when a server closes the connection while a response body is
// paused by backpressure (nodejs/undici#5360, fixed only in undici 8 for Node 22); node:http pauses the socket instead.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { formatDuration } from '../common/duration.js';

export interface HttpAgents {
  http: HttpAgent;
  https: HttpsAgent;
}

export interface ExchangeOptions {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  connectTimeoutMs: number;
  /** Longest wait for the response headers once connected. */
  headersTimeoutMs: number;
  signal?: AbortSignal;
}

export function createAgents(): HttpAgents {
  // Idle keep-alive sockets are unreferenced by node, so the pool never holds the process open.
  return { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
}

const coded = (code: string, message: string) => Object.assign(new Error(message), { code });

/** Resolves with the response once its headers arrived; the caller must read or destroy its body. */
export function exchange(url: URL, agents: HttpAgents, options: ExchangeOptions): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    const req = (secure ? httpsRequest : httpRequest)(url, {
      method: options.method,
      headers: options.headers,
      agent: secure ? agents.https : agents.http,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    let timer = setTimeout(
      () => req.destroy(coded('CONNECT_TIMEOUT', `no connection to ${url.host} within ${formatDuration(options.connectTimeoutMs)}`)),
      options.connectTimeoutMs,
    );
    const awaitHeaders = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => req.destroy(coded('HEADERS_TIMEOUT', `no response within ${formatDuration(options.headersTimeoutMs)}`)),
        options.headersTimeoutMs,
      );
    };
    req.once('socket', (socket) => {
      if (!socket.connecting) awaitHeaders();
      else socket.once(secure ? 'secureConnect' : 'connect', awaitHeaders);
    });
    req.once('response', (res) => {
      clearTimeout(timer);
      // An error before the body's reader attaches must not be an uncaught 'error' event; the reader still sees it.
      res.on('error', () => undefined);
      resolve(res);
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(options.body);
  });
}

/** Drops a response we will not read: the socket goes with it, so nothing is left paused or half-read. */
export function discard(res: IncomingMessage): void {
  res.destroy();
}

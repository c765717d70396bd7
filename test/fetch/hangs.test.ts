// Servers that never give up on us: a 2-byte-a-second trickle, an answer that never comes, a long Retry-After, and
// redirects that loop or leave http(s). Each download fails fast, with a message that names the limit, and leaves
// nothing behind. Limits are injected small so the cases run in a second or two.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Fetcher, type FetchSettings } from '../../src/fetch/index.js';
import { startRawServer, type RawServer } from '../helpers/raw-http-server.js';

const SHORT: Partial<FetchSettings> = {
  connectTimeoutMs: 2000,
  idleTimeoutMs: 5000,
  retries: 1,
  retryBaseDelayMs: 10,
  minRate: { bytes: 1024, windowMs: 400 },
};
let server: RawServer;
let work: string;
const fetchers: Fetcher[] = [];

function get(path: string, settings: Partial<FetchSettings> = {}) {
  const fetcher = new Fetcher({ settings: { ...SHORT, ...settings } });
  fetchers.push(fetcher);
  const started = Date.now();
  return fetcher.fetch({ url: `${server.url}${path}`, label: 'blob', dir: work, maxBytes: 1 << 20, cache: 'none' }).then(
    () => ({ err: undefined as unknown, ms: Date.now() - started }),
    (err: unknown) => ({ err, ms: Date.now() - started }),
  );
}

beforeAll(async () => {
  server = await startRawServer((socket, path) => {
    if (path === '/trickle') {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n');
      const timer = setInterval(() => socket.write('xx'), 100);
      socket.on('close', () => clearInterval(timer));
    } else if (path === '/retry-later') {
      socket.end('HTTP/1.1 429 Too Many Requests\r\nRetry-After: 2\r\nContent-Length: 0\r\n\r\n');
    } else if (path === '/loop') {
      socket.end('HTTP/1.1 302 Found\r\nLocation: /loop\r\nContent-Length: 0\r\n\r\n');
    } else if (path === '/to-file') {
      socket.end('HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\nContent-Length: 0\r\n\r\n');
    }
    // anything else: never answered
  });
});
afterAll(() => server.close());
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'kube-sbom-hangs-'));
});
afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
  expect(await readdir(work)).toEqual([]);
  await rm(work, { recursive: true, force: true });
});

describe('downloads that would hang', () => {
  it('gives up on a trickle of 2 bytes every 100 ms: under the minimum rate, though the idle timeout never fires', async () => {
    const { err, ms } = await get('/trickle');
    expect(err).toMatchObject({
      code: 'DOWNLOAD_TOO_SLOW',
      kind: 'io',
      message: expect.stringMatching(/\/trickle: \d+ B in 400ms, under the 1\.0 KiB minimum after 2 attempts; the server is stuck or far too slow/),
    });
    expect(ms).toBeLessThan(2000);
  });

  it('ends at the overall deadline when the server never answers, long before the idle timeout', async () => {
    const { err, ms } = await get('/silent', { timeoutMs: 600 });
    expect(err).toMatchObject({
      code: 'DOWNLOAD_TIMEOUT',
      kind: 'io',
      message: expect.stringMatching(/\/silent: not downloaded within --timeout 600ms; raise --timeout/),
    });
    expect(ms).toBeGreaterThanOrEqual(550);
    expect(ms).toBeLessThan(1500);
  });

  it('ends at the deadline on a trickle too, whatever the rate limit allows', async () => {
    const { err, ms } = await get('/trickle', { timeoutMs: 500, minRate: { bytes: 1, windowMs: 60_000 } });
    expect(err).toMatchObject({ code: 'DOWNLOAD_TIMEOUT' });
    expect(ms).toBeLessThan(1500);
  });

  it('does not wait for a Retry-After that would end past the deadline', async () => {
    const { err, ms } = await get('/retry-later', { timeoutMs: 1000 });
    expect(err).toMatchObject({ code: 'DOWNLOAD_TIMEOUT', message: expect.stringContaining('HTTP 429') });
    expect(ms).toBeLessThan(500);
  });
});

describe('redirects', () => {
  it('refuses a redirect loop after 5 hops', async () => {
    const before = server.requests.length;
    const { err } = await get('/loop');
    expect(err).toMatchObject({ code: 'TOO_MANY_REDIRECTS', kind: 'io' });
    expect(server.requests.length - before).toBe(6);
  });

  it('refuses a redirect to a file: URL', async () => {
    const { err } = await get('/to-file');
    expect(err).toMatchObject({ code: 'REDIRECT_REFUSED', message: expect.stringContaining('file: URL') });
  });
});

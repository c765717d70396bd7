import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { Fetcher, type FetchEvent, type FetchRequest } from '../../src/fetch/index.js';
import type { ByteTap } from '../../src/fetch/sink.js';
import { ReleaseMirror } from '../helpers/release-mirror.js';

const FAST = { connectTimeoutMs: 2000, idleTimeoutMs: 300, retries: 3, retryBaseDelayMs: 10 };
const payload = Buffer.alloc(300_000, 7);
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let root: string;
let mirror: ReleaseMirror;
let work: string;
let cacheDir: string;
const fetchers: Fetcher[] = [];

function fetcher(options: { offline?: boolean; events?: FetchEvent[]; cache?: boolean } = {}): Fetcher {
  const f = new Fetcher({
    settings: FAST,
    offline: options.offline,
    cacheDir: options.cache === false ? undefined : cacheDir,
    onEvent: (e) => options.events?.push(e),
  });
  fetchers.push(f);
  return f;
}
const req = <T extends ByteTap = ByteTap>(path: string, extra: Partial<FetchRequest<T>> = {}): FetchRequest<T> => ({
  url: `${mirror.url}${path}`,
  label: 'blob',
  dir: work,
  maxBytes: 10_000_000,
  cache: 'none',
  ...extra,
});

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kube-sbom-mirror-'));
  await mkdir(join(root, 'dl', 'release'), { recursive: true });
  await writeFile(join(root, 'dl', 'release', 'blob'), payload);
  mirror = await ReleaseMirror.start(root);
});
afterAll(async () => {
  await mirror.close();
  await rm(root, { recursive: true, force: true });
});
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'kube-sbom-fetch-'));
  cacheDir = join(work, 'cache');
});
afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
  await rm(work, { recursive: true, force: true });
});

const leftovers = async () => (await readdir(work)).filter((n) => n !== 'cache');

describe('downloads', () => {
  it('writes the file, reports digests and progress', async () => {
    const events: FetchEvent[] = [];
    const got = await fetcher({ events }).fetch(req('/dl/release/blob'));
    expect(got).toMatchObject({ size: payload.length, sha256: sha256(payload), source: 'network' });
    expect((await readFile(got.path)).equals(payload)).toBe(true);
    const last = events.filter((e) => e.type === 'download-progress').pop();
    expect(last).toMatchObject({ bytesDone: payload.length, totalBytes: payload.length });
    expect(events.at(-1)).toMatchObject({ type: 'download-done', source: 'network' });
  });

  it('passes two 503s and a 429 with Retry-After through the retries', async () => {
    const path = '/dl/release/blob';
    mirror.inject(path, { kind: 'status', status: 503 }, 2);
    mirror.inject(path, { kind: 'status', status: 429, headers: { 'retry-after': '0' } });
    const events: FetchEvent[] = [];
    const before = mirror.hits(path);
    const got = await fetcher({ events }).fetch(req(path));
    expect(got.sha256).toBe(sha256(payload));
    expect(mirror.hits(path) - before).toBe(4);
    expect(events.filter((e) => e.type === 'download-retry')).toHaveLength(3);
  });

  it('gives up after the retries on a server that keeps failing', async () => {
    mirror.inject('/dl/release/blob', { kind: 'status', status: 503 }, 4);
    await expect(fetcher().fetch(req('/dl/release/blob'))).rejects.toMatchObject({
      code: 'HTTP_503',
      kind: 'io',
      message: expect.stringMatching(/\/dl\/release\/blob: HTTP 503 after 4 attempts; the server failed/),
    });
  });

  it('does not retry a 404 and says so in one line', async () => {
    const before = mirror.hits('/dl/release/missing');
    await expect(fetcher().fetch(req('/dl/release/missing'))).rejects.toMatchObject({ code: 'HTTP_NOT_FOUND', kind: 'io' });
    expect(mirror.hits('/dl/release/missing') - before).toBe(1);
  });

  it('gives up on a Retry-After longer than the cap', async () => {
    mirror.inject('/dl/release/blob', { kind: 'status', status: 429, headers: { 'retry-after': '3600' } });
    await expect(fetcher().fetch(req('/dl/release/blob'))).rejects.toMatchObject({ code: 'HTTP_RATE_LIMITED', message: expect.stringContaining('3600') });
  });

  it.each([
    ['truncated body', { kind: 'truncate' } as const],
    ['connection reset', { kind: 'reset' } as const],
    ['stalled server', { kind: 'stall' } as const],
    ['server that never answers', { kind: 'hang' } as const],
  ])('fails cleanly on a %s every attempt, leaving nothing behind', async (_name, fault) => {
    // A server that takes no ranges: no attempt keeps anything, so every one counts against --retries.
    mirror.ranges = false;
    onTestFinished(() => {
      mirror.ranges = true;
    });
    mirror.inject('/dl/release/blob', fault, 4);
    const started = Date.now();
    const err = await fetcher()
      .fetch(req('/dl/release/blob'))
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'io', message: expect.stringContaining('after 4 attempts') });
    expect(Date.now() - started).toBeLessThan(10_000); // defaults (30 s idle x 4 attempts) would take minutes
    expect(await leftovers()).toEqual([]);
  });

  it('feeds a tap the bytes of the attempt that was kept, from the network, a file:// URL and the cache alike', async () => {
    /** A tap that hashes what it is fed; every attempt gets its own. */
    const taps: Array<{ hash: ReturnType<typeof createHash>; bytes: number }> = [];
    const tap = () => {
      const t = { hash: createHash('sha256'), bytes: 0, update: (chunk: Uint8Array) => (t.hash.update(chunk), (t.bytes += chunk.byteLength)) };
      taps.push(t);
      return t;
    };
    mirror.inject('/dl/release/blob', { kind: 'truncate', keepBytes: 100_000 });
    const online = await fetcher().fetch(req('/dl/release/blob', { cache: 'prefer', tap }));
    // The cut-short attempt fed its own tap; the file's tap saw the whole file once.
    expect(taps).toHaveLength(2);
    expect(online.tap).toBe(taps[1]);
    expect({ bytes: taps[1]!.bytes, sha256: taps[1]!.hash.digest('hex') }).toEqual({ bytes: payload.length, sha256: sha256(payload) });
    await fetcher().remember(online);
    const cached = await fetcher({ offline: true }).fetch(req('/dl/release/blob', { fileName: 'again', tap }));
    expect(cached.source).toBe('cache');
    expect({ bytes: cached.tap!.bytes, sha256: cached.tap!.hash.digest('hex') }).toEqual({ bytes: payload.length, sha256: sha256(payload) });
    const file = await fetcher().fetch(req('', { url: pathToFileURL(join(root, 'dl', 'release', 'blob')).href, fileName: 'local', tap }));
    expect(file.tap!.hash.digest('hex')).toBe(sha256(payload));
  });

  it('refuses an announced size over the limit before reading it', async () => {
    await expect(fetcher().fetch(req('/dl/release/blob', { maxBytes: 1000 }))).rejects.toMatchObject({ code: 'DOWNLOAD_TOO_LARGE' });
    expect(await leftovers()).toEqual([]);
  });

  it('reads file:// URLs, also offline, and refuses other schemes as usage errors', async () => {
    const url = pathToFileURL(join(root, 'dl', 'release', 'blob')).href;
    const got = await fetcher({ offline: true }).fetch(req('', { url }));
    expect(got).toMatchObject({ source: 'file', sha256: sha256(payload) });
    await expect(fetcher().fetch(req('', { url: `${url}-missing` }))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND', kind: 'io' });
    await expect(fetcher().fetch(req('', { url: 'ftp://example.com/x' }))).rejects.toMatchObject({ code: 'URL_UNSUPPORTED', kind: 'usage' });
  });
});

describe('cache and offline', () => {
  it('offline fails clearly on a miss, then serves what was remembered', async () => {
    await expect(fetcher({ offline: true }).fetch(req('/dl/release/blob'))).rejects.toMatchObject({ code: 'OFFLINE_NOT_CACHED' });
    const online = await fetcher().fetch(req('/dl/release/blob', { fileName: 'a' }));
    await fetcher().remember(online);
    const before = mirror.requests.length;
    const offline = await fetcher({ offline: true }).fetch(req('/dl/release/blob', { fileName: 'b' }));
    expect(offline).toMatchObject({ source: 'cache', sha256: sha256(payload), sha512: online.sha512 });
    expect((await readFile(offline.path)).equals(payload)).toBe(true);
    expect(mirror.requests.length).toBe(before);
  });

  it('never serves a corrupted entry: it is deleted and reported, and the file is downloaded again', async () => {
    const online = await fetcher().fetch(req('/dl/release/blob', { fileName: 'a' }));
    await fetcher().remember(online);
    const blob = join(cacheDir, 'blobs', 'sha256', online.sha256);
    const bytes = await readFile(blob);
    bytes[100]! ^= 1;
    await writeFile(blob, bytes);
    const events: FetchEvent[] = [];
    const again = await fetcher({ events }).fetch(req('/dl/release/blob', { fileName: 'b', cache: 'prefer' }));
    expect(again).toMatchObject({ source: 'network', sha256: sha256(payload) });
    expect(events.find((e) => e.type === 'cache-corrupt')).toMatchObject({ reason: expect.stringContaining('no longer match') });
    expect(await readdir(join(cacheDir, 'blobs', 'sha256'))).toEqual([]);
    await expect(fetcher({ offline: true }).fetch(req('/dl/release/blob', { fileName: 'c' }))).rejects.toMatchObject({ code: 'OFFLINE_NOT_CACHED' });
    expect((await leftovers()).sort()).toEqual(['a', 'b']);
  });
  it('sweeps temp blobs left by a run that died mid-write, never a fresh one another run may be writing', async () => {
    const blobs = join(cacheDir, 'blobs', 'sha256');
    await mkdir(blobs, { recursive: true });
    await writeFile(join(blobs, 'stale.part'), 'left by a crash');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await utimes(join(blobs, 'stale.part'), twoDaysAgo, twoDaysAgo);
    await writeFile(join(blobs, 'fresh.part'), 'being written by another run');
    const online = await fetcher().fetch(req('/dl/release/blob', { fileName: 'a' }));
    await fetcher().remember(online);
    expect((await readdir(blobs)).sort()).toEqual(['fresh.part', online.sha256].sort());
  });

  it('never serves a file changed after it was verified and before it was cached, nor caches a cut-short one', async () => {
    const online = await fetcher().fetch(req('/dl/release/blob', { fileName: 'a' }));
    // Same size, other bytes: cached as it is now, and refused at the next read against the verified digests.
    const changed = Buffer.from(payload);
    changed[7]! ^= 1;
    await writeFile(online.path, changed);
    await fetcher().remember(online);
    const events: FetchEvent[] = [];
    const again = await fetcher({ events }).fetch(req('/dl/release/blob', { fileName: 'b', cache: 'prefer' }));
    expect(again).toMatchObject({ source: 'network', sha256: sha256(payload) });
    expect(events.find((e) => e.type === 'cache-corrupt')).toMatchObject({ reason: expect.stringContaining('no longer match') });
    // Another size: not cached at all, and said so.
    await writeFile(again.path, payload.subarray(0, 1000));
    await expect(fetcher().remember(again)).rejects.toMatchObject({ code: 'CACHE_WRITE_CHANGED', kind: 'io' });
    expect(await readdir(join(cacheDir, 'blobs', 'sha256'))).toEqual([]);
  });
});

describe('streamed size limit', () => {
  it('stops a body without Content-Length at the limit and leaves no temp file', async () => {
    const { writeStreamToFile } = await import('../../src/fetch/sink.js');
    async function* endless() {
      for (;;) yield Buffer.alloc(64 * 1024);
    }
    await expect(writeStreamToFile(endless(), join(work, 'big'), { label: 'http://x/big', maxBytes: 1_000_000 })).rejects.toMatchObject({
      code: 'DOWNLOAD_TOO_LARGE',
      message: expect.stringContaining('http://x/big'),
    });
    expect(await leftovers()).toEqual([]);
  });

  it('leaves no temp file when the first chunk is already over the limit (the file is still being opened then)', async () => {
    const { writeStreamToFile } = await import('../../src/fetch/sink.js');
    async function* oneChunk() {
      yield Buffer.alloc(64 * 1024);
    }
    for (let i = 0; i < 20; i++) {
      await expect(writeStreamToFile(oneChunk(), join(work, `tiny-${i}`), { label: 'http://x/tiny', maxBytes: 1000 })).rejects.toMatchObject({
        code: 'DOWNLOAD_TOO_LARGE',
      });
    }
    // The file's opening completes after the failure: give it the time to, then nothing may be left.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await leftovers()).toEqual([]);
  });
});

describe('cache location', () => {
  it('follows XDG_CACHE_HOME when absolute, else ~/.cache', async () => {
    const { defaultCacheDir } = await import('../../src/fetch/cache.js');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/var/cache/me' }, '/home/u')).toBe('/var/cache/me/kube-sbom');
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'relative' }, '/home/u')).toBe('/home/u/.cache/kube-sbom');
    expect(defaultCacheDir({}, '/home/u')).toBe('/home/u/.cache/kube-sbom');
  });
});

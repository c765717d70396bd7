// A retry after a cut-short transfer asks for the rest (Range + If-Range) instead of the whole file again, and never
// splices bytes of two versions of a file: a changed file, a server without ranges or a wrong range starts afresh.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Fetcher, type FetchEvent, type FetchRequest } from '../../src/fetch/index.js';
import { createProgressBar } from '../../src/fetch/progress-bar.js';
import { startRawServer } from '../helpers/raw-http-server.js';
import { ReleaseMirror } from '../helpers/release-mirror.js';

const FAST = { connectTimeoutMs: 2000, idleTimeoutMs: 300, retries: 3, retryBaseDelayMs: 10 };
const PATH = '/dl/release/kubectl';
const payload = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let root: string;
let mirror: ReleaseMirror;
let work: string;
const fetchers: Fetcher[] = [];

function fetcher(events?: FetchEvent[]): Fetcher {
  const f = new Fetcher({ settings: FAST, onEvent: (e) => events?.push(e) });
  fetchers.push(f);
  return f;
}
const req = (url: string, extra: Partial<FetchRequest> = {}): FetchRequest => ({
  url,
  label: 'kubectl',
  dir: work,
  maxBytes: 10_000_000,
  cache: 'none',
  ...extra,
});

/** A tap that hashes and counts what it is fed, as the streamed signature check is fed. */
function hashingTap() {
  const t = { hash: createHash('sha256'), bytes: 0, update: (chunk: Uint8Array) => (t.hash.update(chunk), (t.bytes += chunk.byteLength)) };
  return t;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kube-sbom-resume-mirror-'));
  await mkdir(join(root, 'dl', 'release'), { recursive: true });
  mirror = await ReleaseMirror.start(root);
});
afterAll(async () => {
  await mirror.close();
  await rm(root, { recursive: true, force: true });
});
beforeEach(async () => {
  await writeFile(join(root, PATH), payload);
  mirror.ranges = true;
  mirror.requests.length = 0;
  work = await mkdtemp(join(tmpdir(), 'kube-sbom-resume-'));
});
afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
  await rm(work, { recursive: true, force: true });
});

describe('resuming a cut-short download', () => {
  it('asks only for the missing bytes, and the file, its digests and the tap are of the whole file', async () => {
    mirror.inject(PATH, { kind: 'truncate', keepBytes: 100_000 });
    const events: FetchEvent[] = [];
    const got = await fetcher(events).fetch({ ...req(`${mirror.url}${PATH}`), tap: hashingTap });
    expect(mirror.requests.map((r) => [r.status, r.range])).toEqual([
      ['fault', undefined],
      [206, 'bytes=100000-'],
    ]);
    expect(got).toMatchObject({ size: payload.length, sha256: sha256(payload) });
    expect((await readFile(got.path)).equals(payload)).toBe(true);
    expect({ bytes: got.tap!.bytes, sha256: got.tap!.hash.digest('hex') }).toEqual({ bytes: payload.length, sha256: sha256(payload) });
    expect(events.find((e) => e.type === 'download-retry')).toMatchObject({ resumeFrom: 100_000 });
    expect(events.filter((e) => e.type === 'download-start').map((e) => e.resumedAt)).toEqual([undefined, 100_000]);
    expect(events.filter((e) => e.type === 'download-progress').at(-1)).toMatchObject({ bytesDone: payload.length, totalBytes: payload.length });
    expect(await readdir(work)).toEqual(['kubectl']);
  });

  it('resumes after a reset and again after the resumed transfer is cut, each time from the bytes on disk', async () => {
    mirror.inject(PATH, { kind: 'reset', afterBytes: 50_000 });
    mirror.inject(PATH, { kind: 'truncate', keepBytes: 100_000 });
    const got = await fetcher().fetch(req(`${mirror.url}${PATH}`));
    // A reset may drop bytes still in the socket's buffer: the resume starts from what reached the disk.
    const ranges = mirror.requests.map((r) => r.range);
    const first = Number(/^bytes=(\d+)-$/.exec(ranges[1] ?? '')?.[1]);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(50_000);
    expect(ranges).toEqual([undefined, `bytes=${first}-`, `bytes=${first + 100_000}-`]);
    expect(got.sha256).toBe(sha256(payload));
  });

  it('downloads a file that changed since the cut whole again, never splicing two versions', async () => {
    const changed = Buffer.alloc(payload.length, 1);
    mirror.inject(PATH, { kind: 'truncate', keepBytes: 100_000, then: () => writeFileSync(join(root, PATH), changed) });
    const got = await fetcher().fetch(req(`${mirror.url}${PATH}`));
    // The If-Range named the old version, so the server sent the new one whole.
    expect(mirror.requests.map((r) => [r.status, r.range])).toEqual([
      ['fault', undefined],
      [200, 'bytes=100000-'],
    ]);
    expect(got.sha256).toBe(sha256(changed));
    expect((await readFile(got.path)).equals(changed)).toBe(true);
  });

  it('starts from the first byte again on a server that names no version or takes no ranges', async () => {
    mirror.ranges = false;
    mirror.inject(PATH, { kind: 'truncate', keepBytes: 100_000 });
    const events: FetchEvent[] = [];
    const got = await fetcher(events).fetch(req(`${mirror.url}${PATH}`));
    expect(mirror.requests.map((r) => r.range)).toEqual([undefined, undefined]);
    expect(got.sha256).toBe(sha256(payload));
    expect(events.find((e) => e.type === 'download-retry')).not.toHaveProperty('resumeFrom');
  });

  it('never asks for the rest of the answer to a POST (a search, not a file)', async () => {
    const search = '/rekor/api/v1/index/retrieve';
    mirror.inject(search, { kind: 'truncate', keepBytes: 1 });
    const got = await fetcher().fetch(req(`${mirror.url}${search}`, { method: 'POST', body: JSON.stringify({ hash: `sha256:${'0'.repeat(64)}` }) }));
    expect(mirror.requests.map((r) => [r.method, r.range])).toEqual([
      ['POST', undefined],
      ['POST', undefined],
    ]);
    expect(await readFile(got.path, 'utf8')).toBe('[]');
  });

  it('refuses a 206 that does not continue the kept bytes, and downloads the file whole', async () => {
    const etag = '"v1"';
    let request = 0;
    const server = await startRawServer((socket) => {
      request++;
      const head = (status: string, headers: string) => `HTTP/1.1 ${status}\r\nAccept-Ranges: bytes\r\nETag: ${etag}\r\nConnection: close\r\n${headers}\r\n`;
      if (request === 1) {
        // Half the file, then the connection drops.
        socket.end(Buffer.concat([Buffer.from(head('200 OK', `Content-Length: ${payload.length}\r\n`)), payload.subarray(0, 150_000)]));
      } else if (request === 2) {
        // A range from the wrong place: appended to the kept bytes it would make a file of the right size and wrong content.
        const tail = payload.subarray(0, 150_000);
        socket.end(
          Buffer.concat([Buffer.from(head('206 Partial Content', `Content-Range: bytes 0-149999/300000\r\nContent-Length: ${tail.length}\r\n`)), tail]),
        );
      } else {
        socket.end(Buffer.concat([Buffer.from(head('200 OK', `Content-Length: ${payload.length}\r\n`)), payload]));
      }
    });
    try {
      const events: FetchEvent[] = [];
      const got = await fetcher(events).fetch(req(`${server.url}/kubectl`));
      expect(got.sha256).toBe(sha256(payload));
      expect(events.filter((e) => e.type === 'download-retry').map((e) => e.reason)).toEqual([
        expect.stringContaining('aborted'),
        expect.stringMatching(/asked for the bytes from 150000 on, got Content-Range "bytes 0-149999\/300000"; the kept part is dropped/),
      ]);
      expect(request).toBe(3);
      expect(await readdir(work)).toEqual(['kubectl']);
    } finally {
      await server.close();
    }
  });

  it('holds a resumed download to the size limit, by the size of the whole file its range names', async () => {
    let request = 0;
    const server = await startRawServer((socket) => {
      request++;
      const head = (status: string, headers: string) => `HTTP/1.1 ${status}\r\nAccept-Ranges: bytes\r\nETag: "v1"\r\nConnection: close\r\n${headers}\r\n`;
      if (request === 1) socket.end(Buffer.concat([Buffer.from(head('200 OK', 'Content-Length: 150000\r\n')), payload.subarray(0, 100_000)]));
      else socket.end(Buffer.from(head('206 Partial Content', 'Content-Range: bytes 100000-299999/300000\r\nContent-Length: 200000\r\n')));
    });
    try {
      await expect(fetcher().fetch(req(`${server.url}/kubectl`, { maxBytes: 200_000 }))).rejects.toMatchObject({
        code: 'DOWNLOAD_TOO_LARGE',
        message: expect.stringContaining('293 KiB, more than the 195 KiB limit'),
      });
      expect(request).toBe(2);
      expect(await readdir(work)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('counts against --retries only the cuts that kept nothing new, and leaves no partial file when it gives up', async () => {
    mirror.inject(PATH, { kind: 'truncate', keepBytes: 1000 });
    mirror.inject(PATH, { kind: 'truncate', keepBytes: 0 }, 3);
    await expect(fetcher().fetch(req(`${mirror.url}${PATH}`))).rejects.toMatchObject({ message: expect.stringContaining('after 4 attempts') });
    expect(mirror.requests.map((r) => r.range)).toEqual([undefined, 'bytes=1000-', 'bytes=1000-', 'bytes=1000-']);
    expect(await readdir(work)).toEqual([]);
  });

  it('finishes a download cut more times than --retries allows, as long as every cut came further', async () => {
    mirror.inject(PATH, { kind: 'truncate', keepBytes: 40_000 }, 6);
    const events: FetchEvent[] = [];
    const got = await fetcher(events).fetch(req(`${mirror.url}${PATH}`));
    expect(got.sha256).toBe(sha256(payload));
    expect(mirror.requests.map((r) => r.range)).toEqual([undefined, ...[1, 2, 3, 4, 5, 6].map((n) => `bytes=${n * 40_000}-`)]);
    // The wait before each retry starts again from the base delay after progress.
    expect(events.filter((e) => e.type === 'download-retry').map((e) => e.delayMs <= FAST.retryBaseDelayMs * 1.2)).toEqual(Array(6).fill(true));
  });

  it('says on the progress line where the retry continues from', () => {
    const written: string[] = [];
    const bar = createProgressBar({ isTTY: true, columns: 100, write: (t) => written.push(t) });
    bar({ type: 'download-retry', url: 'u', label: 'kubectl', attempt: 2, delayMs: 500, reason: 'ECONNRESET: socket hang up', resumeFrom: 50 * 1024 * 1024 });
    expect(written).toEqual(['kubectl: ECONNRESET: socket hang up; retry 1 in 500 ms, continuing from 50 MiB\n']);
  });
});
